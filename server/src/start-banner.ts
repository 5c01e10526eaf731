import type { Config } from './config.ts'
import { DEMO_AGENT } from './seed/demo-store.ts'

export interface BannerInput {
  /** Where shoppers and agents reach this server. */
  base: string
  env: Config['env']
  seedDemo: boolean
  /** The demo agent's password when this start made it (production only). */
  demoAgentPassword: string | undefined
}

/** A line of the banner: its label and the path it names on `base` (the test requests each). */
export interface BannerLink {
  label: string
  path: string
}

/**
 * What the start banner points at: only what this environment serves. The demo storefront,
 * help-center and contact pages and the dev outbox exist outside production only.
 */
export function bannerLinks(env: BannerInput['env']): BannerLink[] {
  if (env === 'production') {
    return [
      { label: 'agent console', path: '/console' },
      { label: 'widget script', path: '/porchlight.js' },
      { label: 'API reference', path: '/v1/openapi.json' },
      { label: 'readiness', path: '/readyz' },
    ]
  }
  return [
    { label: 'demo storefront', path: '/' },
    { label: 'help-center page', path: '/help' },
    { label: 'agent console', path: '/console' },
    { label: 'dev outbox', path: '/dev/outbox' },
  ]
}

// Production never uses the public demo password: the random one is printed the one time it
// is made, and never again.
function demoAgentLine(input: BannerInput): string {
  const pad = '                    demo agent: '
  if (input.env !== 'production') return `${pad}${DEMO_AGENT.email} / ${DEMO_AGENT.password}`
  if (input.demoAgentPassword !== undefined)
    return `${pad}${DEMO_AGENT.email} / ${input.demoAgentPassword} (shown this once)`
  return `${pad}${DEMO_AGENT.email} (password printed when it was made)`
}

/** The lines `pnpm start` prints once the server listens. */
export function startBanner(input: BannerInput): string {
  const links = bannerLinks(input.env).map(
    (l) => `  ${l.label.padEnd(17)} ${input.base}${l.path === '/' ? '/' : l.path}`,
  )
  const consoleAt = links.findIndex((l) => l.includes('/console'))
  if (input.seedDemo) links.splice(consoleAt + 1, 0, demoAgentLine(input))
  return ['', `Porchlight is running on ${input.base}`, ...links, ''].join('\n')
}

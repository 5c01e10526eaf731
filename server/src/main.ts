import { ConfigError, loadConfig } from './config.ts'
import { DEMO_AGENT } from './seed/demo-store.ts'
import { startServer } from './server.ts'

// Production never uses the public demo password: the random one is printed the one time it
// is made, and never again.
function demoAgentLine(env: string, generated: string | undefined): string {
  const pad = '                    demo agent: '
  if (env !== 'production') return `${pad}${DEMO_AGENT.email} / ${DEMO_AGENT.password}`
  if (generated !== undefined) return `${pad}${DEMO_AGENT.email} / ${generated} (shown this once)`
  return `${pad}${DEMO_AGENT.email} (password printed when it was made)`
}

/** Reads the configuration, starts the server, prints where to look, and stops gracefully. */
async function main() {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`)
      process.exit(78)
    }
    throw err
  }
  const server = await startServer(config)
  // PORT=0 asks the system for a free port, which only the running server knows.
  const base = config.port === 0 ? server.url : config.publicUrl
  console.log(
    [
      '',
      `Porchlight is running on ${base}`,
      `  demo storefront   ${base}/`,
      `  help-center page  ${base}/help`,
      `  agent console     ${base}/console`,
      ...(config.seedDemo ? [demoAgentLine(config.env, server.demoAgentPassword)] : []),
      ...(config.env !== 'production' ? [`  dev outbox        ${base}/dev/outbox`] : []),
      '',
    ].join('\n'),
  )
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void server.shutdown(signal).then(() => process.exit(0))
    })
  }
}

await main()

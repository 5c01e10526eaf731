import { describe, expect, it } from 'vitest'
import { bannerLinks, startBanner } from './start-banner.ts'
import { loadAssetsFromStrings } from './test/assets.ts'
import { createTestApp, testDialect } from './test/harness.ts'

// What a build puts where the banner points (the test has no widget build of its own).
const assets = () =>
  loadAssetsFromStrings({
    'porchlight.js': 'void 0',
    'app/index.html': '<!doctype html><title>panel</title>',
    'console/index.html': '<!doctype html><title>console</title>',
  })

describe(`the start banner (${testDialect})`, () => {
  it.each(['production', 'development'] as const)(
    'lists in %s only addresses that answer',
    async (env) => {
      const ctx = await createTestApp({ env: { NODE_ENV: env }, assets: assets() })
      for (const { path } of bannerLinks(env)) {
        const res = await ctx.app.request(path)
        expect([path, res.status < 400]).toEqual([path, true])
      }
    },
  )

  it('names no demo page and no dev outbox in production, and the demo agent once', () => {
    const text = startBanner({
      base: 'https://support.shop.example',
      env: 'production',
      seedDemo: true,
      demoAgentPassword: 'r4nd0m',
    })
    expect(text).not.toMatch(/storefront|help-center|\/help\b|dev outbox|\/dev\//)
    expect(text).toContain('https://support.shop.example/console')
    expect(text).toContain('agent@lumen-loom.example / r4nd0m (shown this once)')
    expect(text).not.toContain('porchlight-demo')
  })

  it('shows the demo pages, the dev outbox and the demo login in development', () => {
    const text = startBanner({
      base: 'http://localhost:8787',
      env: 'development',
      seedDemo: true,
      demoAgentPassword: undefined,
    })
    expect(text).toContain('  demo storefront   http://localhost:8787/\n')
    expect(text).toContain('  help-center page  http://localhost:8787/help\n')
    expect(text).toContain('  dev outbox        http://localhost:8787/dev/outbox\n')
    expect(text).toContain('demo agent: agent@lumen-loom.example / porchlight-demo')
  })
})

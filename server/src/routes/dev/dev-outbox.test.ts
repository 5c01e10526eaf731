import { describe, expect, it } from 'vitest'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import { askEmail, deliveredCode, startChallenge } from '../auth/auth-test-kit.ts'

describe(`dev outbox (${testDialect})`, () => {
  it('shows captured messages, code included, as JSON and as a page', async () => {
    const ctx = await createTestApp()
    await startChallenge(ctx, 'ada@example.com')
    const code = await deliveredCode(ctx, 'ada@example.com')

    const json = await ctx.app.request('/dev/outbox.json')
    expect(json.status).toBe(200)
    expect(json.headers.get('cache-control')).toBe('no-store')
    const { messages } = await json.json()
    expect(messages).toEqual([
      {
        id: expect.stringMatching(/^dev_/),
        at: ctx.clock.now().toISOString(),
        channel: 'email',
        to: 'ada@example.com',
        subject: 'Your sign-in code for Lumen & Loom',
        text: expect.stringContaining(`    ${code}\n`),
        html: expect.stringContaining(code),
      },
    ])

    const page = await ctx.app.request('/dev/outbox')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(await page.text()).toContain(code)
  })

  it('escapes what it shows', async () => {
    const ctx = await createTestApp()
    await ctx.db
      .updateTable('stores')
      .set({ name: '<script>alert(1)</script>' })
      .where('id', '=', DEMO_STORE_ID)
      .execute()
    await startChallenge(ctx, 'ada@example.com')
    await ctx.drainOutbox()
    const html = await (await ctx.app.request('/dev/outbox')).text()
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    // The HTML version sits in a sandboxed frame; its markup is escaped once more in srcdoc.
    expect(html).toMatch(/<iframe sandbox srcdoc="[^"]*&amp;lt;script&amp;gt;/)
  })

  it('logs that a message was captured, where to see it, and never the code', async () => {
    const ctx = await createTestApp()
    await askEmail(ctx, 'ada@example.com')
    const code = await deliveredCode(ctx, 'ada@example.com')
    const line = ctx.logger.lines.find((l) => l['msg'] === 'message captured in the dev outbox')
    expect(line).toMatchObject({ channel: 'email', see: 'http://localhost:8787/dev/outbox' })
    expect(JSON.stringify(ctx.logger.lines)).not.toContain(code)
  })

  it('does not exist in production', async () => {
    const ctx = await createTestApp({ env: { NODE_ENV: 'production' } })
    expect(ctx.deps.devOutbox).toBeUndefined()
    for (const path of ['/dev/outbox', '/dev/outbox.json']) {
      const res = await ctx.app.request(path)
      expect([path, res.status]).toEqual([path, 404])
    }
  })

  it('is not mounted in production even if a dev outbox were handed in', async () => {
    const dev = await createTestApp()
    const ctx = await createTestApp({ env: { NODE_ENV: 'production' } })
    const { createApp } = await import('../../app.ts')
    const app = createApp({ ...ctx.deps, devOutbox: dev.deps.devOutbox })
    expect((await app.request('/dev/outbox.json')).status).toBe(404)
  })
})

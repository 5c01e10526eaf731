import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../config.ts'
import { mintAgent, startVisitor } from '../../test/chat-support.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'
import { PRODUCTION_TEST_KEY } from '../../test/keys.ts'

describe(`test clock control (${testDialect})`, () => {
  it('does not exist unless PORCHLIGHT_TEST_CLOCK is on', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/v1/test/clock', jsonRequest('POST', { advanceMs: 1000 }))
    expect(res.status).toBe(404)
    expect((await app.request('/v1/test/clock')).status).toBe(404)
  })

  it('cannot be switched on in production', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SECRET_KEY: PRODUCTION_TEST_KEY,
        PORCHLIGHT_TEST_CLOCK: 'true',
      }),
    ).toThrow(ConfigError)
  })

  it('moves the clock and sweeps, so a reverted chat shows closed at once', async () => {
    const ctx = await createTestApp({ env: { PORCHLIGHT_TEST_CLOCK: 'true' } })
    const ada = await startVisitor(ctx)
    const agent = await mintAgent(ctx)
    const { conversation } = await ada.say('hi')
    await agent.post(`/v1/agent/conversations/${conversation.id}/messages`, { text: 'hello' })
    const before = ctx.clock.now().getTime()
    const res = await ctx.app.request(
      '/v1/test/clock',
      jsonRequest('POST', { advanceMs: 24 * 3600_000 }),
    )
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(Date.parse(body.now) - before).toBe(24 * 3600_000)
    expect(body.swept.closed).toBe(1)
    const read = await (await ctx.app.request('/v1/test/clock')).json()
    expect(read.now).toBe(body.now)
  })

  it('refuses a malformed advance', async () => {
    const ctx = await createTestApp({ env: { PORCHLIGHT_TEST_CLOCK: 'true' } })
    for (const body of [{}, { advanceMs: -1 }, { advanceMs: 'soon' }, { advanceMs: 1.5 }]) {
      const res = await ctx.app.request('/v1/test/clock', jsonRequest('POST', body))
      expect(res.status).toBe(400)
    }
  })
})

import { generate } from 'otplib'
import { describe, expect, it } from 'vitest'
import { DEMO_AGENT, seedDemoAgent } from '../../seed/demo-store.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

async function setup() {
  const ctx = await createTestApp()
  await seedDemoAgent(ctx.db, ctx.clock.now()) // an owner
  return ctx
}

async function logIn(ctx: Ctx, extra: Record<string, string> = {}) {
  const res = await ctx.app.request(
    '/v1/agent/login',
    jsonRequest('POST', { email: DEMO_AGENT.email, password: DEMO_AGENT.password, ...extra }),
  )
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const body = (await res.json()) as { csrfToken?: string; error?: { code: string } }
  const write = { cookie, 'x-csrf-token': body.csrfToken ?? '' }
  return { res, body, cookie, write }
}

const codeAt = (secret: string, ctx: Ctx, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(ctx.clock.now().getTime() / 1000) + offsetSeconds })

async function enrol(ctx: Ctx) {
  const { write } = await logIn(ctx)
  const setup = await ctx.app.request('/v1/agent/totp/setup', { method: 'POST', headers: write })
  expect(setup.status).toBe(201)
  const { secret, uri } = (await setup.json()) as { secret: string; uri: string }
  expect(uri).toMatch(/^otpauth:\/\/totp\//)
  const wrong = await ctx.app.request(
    '/v1/agent/totp/enable',
    jsonRequest(
      'POST',
      { code: '000000' === (await codeAt(secret, ctx)) ? '111111' : '000000' },
      write,
    ),
  )
  expect(wrong.status).toBe(400)
  const on = await ctx.app.request(
    '/v1/agent/totp/enable',
    jsonRequest('POST', { code: await codeAt(secret, ctx) }, write),
  )
  expect(on.status).toBe(204)
  return { secret, write }
}

// Several scrypt checks each; on a loaded machine they take seconds.
describe(`agent two-factor sign-in (${testDialect})`, { timeout: 60_000 }, () => {
  it('asks an enrolled agent for the code after the password, and takes each code once', async () => {
    const ctx = await setup()
    const { secret } = await enrol(ctx)
    ctx.clock.advance(30_000)
    const bare = await logIn(ctx)
    expect(bare.res.status).toBe(401)
    expect(bare.body.error?.code).toBe('totp_required')
    const wrongPassword = await ctx.app.request(
      '/v1/agent/login',
      jsonRequest('POST', { email: DEMO_AGENT.email, password: 'not-the-password' }),
    )
    // A wrong password never reaches the second factor.
    expect((await wrongPassword.json()).error.code).toBe('invalid_credentials')
    const code = await codeAt(secret, ctx)
    expect((await logIn(ctx, { totp: code })).res.status).toBe(200)
    const replay = await logIn(ctx, { totp: code })
    expect(replay.res.status).toBe(401)
    expect(replay.body.error?.code).toBe('totp_invalid')
    ctx.clock.advance(30_000)
    expect((await logIn(ctx, { totp: await codeAt(secret, ctx, -30) })).res.status).toBe(401)
    expect((await logIn(ctx, { totp: await codeAt(secret, ctx) })).res.status).toBe(200)
  })

  it('lets an owner require it: agents without it may only enrol', async () => {
    const ctx = await setup()
    const plain = await logIn(ctx)
    const early = await ctx.app.request(
      '/v1/agent/settings/security',
      jsonRequest('PUT', { requireTotp: true }, plain.write),
    )
    expect(early.status).toBe(409)
    const { write } = await enrol(ctx)
    const on = await ctx.app.request(
      '/v1/agent/settings/security',
      jsonRequest('PUT', { requireTotp: true }, write),
    )
    expect(on.status).toBe(200)
    // Another agent of the store, without a second factor.
    const { signInAgent } = await import('../../test/agents.ts')
    const agent = await signInAgent(ctx)
    const queue = await ctx.app.request('/v1/agent/tickets', { headers: agent.read })
    expect(queue.status).toBe(403)
    expect((await queue.json()).error.code).toBe('totp_enrolment_required')
    expect((await ctx.app.request('/v1/agent/session', { headers: agent.read })).status).toBe(200)
    const setupRes = await ctx.app.request('/v1/agent/totp/setup', {
      method: 'POST',
      headers: agent.write,
    })
    expect(setupRes.status).toBe(201)
    const { secret } = (await setupRes.json()) as { secret: string }
    const enable = await ctx.app.request(
      '/v1/agent/totp/enable',
      jsonRequest('POST', { code: await codeAt(secret, ctx) }, agent.write),
    )
    expect(enable.status).toBe(204)
    expect((await ctx.app.request('/v1/agent/tickets', { headers: agent.read })).status).toBe(200)
    const off = await ctx.app.request(
      '/v1/agent/totp/disable',
      jsonRequest('POST', { code: await codeAt(secret, ctx) }, agent.write),
    )
    expect(off.status).toBe(403)
    const settings = await ctx.app.request('/v1/agent/settings/security', { headers: agent.read })
    expect(await settings.json()).toEqual({ requireTotp: true })
    const notOwner = await ctx.app.request(
      '/v1/agent/settings/security',
      jsonRequest('PUT', { requireTotp: false }, agent.write),
    )
    expect(notOwner.status).toBe(403)
  })
})

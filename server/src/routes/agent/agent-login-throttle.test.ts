import { describe, expect, it } from 'vitest'
import { TEST_CLIENT_IP_HEADER } from '../../http/client-ip.ts'
import { DEMO_AGENT, seedDemoAgent } from '../../seed/demo-store.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

async function setup() {
  const ctx = await createTestApp()
  await seedDemoAgent(ctx.db, ctx.clock.now())
  return ctx
}

function login(
  ctx: Ctx,
  password: string,
  options: { ip?: string; email?: string; cookie?: string } = {},
) {
  return ctx.app.request(
    '/v1/agent/login',
    jsonRequest(
      'POST',
      { email: options.email ?? DEMO_AGENT.email, password },
      {
        [TEST_CLIENT_IP_HEADER]: options.ip ?? '192.0.2.10',
        ...(options.cookie !== undefined ? { cookie: options.cookie } : {}),
      },
    ),
  )
}

const codeOf = async (res: Response) =>
  ((await res.json()) as { error?: { code: string } }).error?.code

async function fail(ctx: Ctx, times: number, options: { ip?: string; email?: string } = {}) {
  for (let i = 0; i < times; i++) {
    expect((await login(ctx, `wrong-password-${i}`, options)).status).toBe(401)
  }
}

const lockMails = (ctx: Ctx) =>
  ctx.db
    .selectFrom('outbox_messages')
    .select(['recipient', 'params'])
    .where('template', '=', 'agent-login-locked')
    .execute()

const MINUTE = 60_000

// Dozens of scrypt checks per test; on a loaded machine they take seconds each.
describe(`agent sign-in throttling (${testDialect})`, { timeout: 120_000 }, () => {
  it('answers 30 parallel wrong passwords with at most 5 checks, then holds off the right one', async () => {
    const ctx = await setup()
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(ctx, `guess-number-${i}`)),
    )
    const statuses = answers.map((r) => r.status)
    // Before: all 30 were checked (401) and the right password then worked.
    expect(statuses.filter((s) => s === 401 || s === 503).length).toBeLessThanOrEqual(5)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25)
    expect(statuses.every((s) => s === 401 || s === 429 || s === 503)).toBe(true)
    const refused = answers.find((r) => r.status === 429) as Response
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    expect(await codeOf(refused)).toBe('login_throttled')

    const right = await login(ctx, DEMO_AGENT.password)
    expect(right.status).toBe(429)
    ctx.clock.advance(15 * MINUTE + 1000)
    expect((await login(ctx, DEMO_AGENT.password)).status).toBe(200)
  })

  it('waits longer as failures go on, locks at 10 in an hour and emails the agent once', async () => {
    const ctx = await setup()
    await fail(ctx, 5)
    expect((await login(ctx, 'one-more-guess')).status).toBe(429)
    ctx.clock.advance(15 * MINUTE + 1000)
    await fail(ctx, 5)
    const locked = await login(ctx, DEMO_AGENT.password)
    expect(locked.status).toBe(429)
    // The 15-minute window has room again by now; the hour's does not, so the wait is longer.
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(15 * 60)
    const mails = await lockMails(ctx)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.recipient).toBe(DEMO_AGENT.email)
    expect(JSON.parse(mails[0]?.params ?? '{}')).toMatchObject({ address: '192.0.2.10' })
    await ctx.drainOutbox()
    const sent = ctx.deps.devOutbox?.list().find((m) => m.to === DEMO_AGENT.email)
    expect(JSON.stringify(sent)).toContain('locked')

    ctx.clock.advance(16 * MINUTE)
    expect((await login(ctx, 'still-guessing')).status).toBe(429)
    expect(await lockMails(ctx)).toHaveLength(1)
    ctx.clock.advance(30 * MINUTE)
    expect((await login(ctx, DEMO_AGENT.password)).status).toBe(200)
  })

  it('forgets an account’s failures once its password is right', async () => {
    const ctx = await setup()
    await fail(ctx, 4)
    expect((await login(ctx, DEMO_AGENT.password)).status).toBe(200)
    await fail(ctx, 4)
    expect((await login(ctx, DEMO_AGENT.password)).status).toBe(200)
  })

  it('counts sign-ins that succeed against no address budget (an office of agents)', async () => {
    const ctx = await setup()
    for (let i = 0; i < 32; i++) {
      ctx.clock.advance(1)
      expect((await login(ctx, DEMO_AGENT.password)).status).toBe(200)
    }
  })

  it('gives an unknown address the same answers, so throttling tells nothing', async () => {
    const ctx = await setup()
    const unknown = { email: 'nobody@example.com', ip: '192.0.2.11' }
    await fail(ctx, 5)
    await fail(ctx, 5, unknown)
    const a = await login(ctx, 'x-guess-again')
    const b = await login(ctx, 'x-guess-again', unknown)
    expect([a.status, b.status]).toEqual([429, 429])
    expect(await codeOf(a)).toBe(await codeOf(b))
    expect(await lockMails(ctx)).toEqual([])
  })

  it('caps one client address across accounts, parallel or not', async () => {
    const ctx = await setup()
    // In parallel, so most of them find the address's hashing lane full (503) rather than
    // waiting for scrypt: both answers spend the address's budget all the same.
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        login(ctx, 'wrong-guess', { email: `person-${i}@example.com` }),
      ),
    )
    expect(answers.every((r) => r.status === 401 || r.status === 503)).toBe(true)
    const busy = answers.find((r) => r.status === 503)
    if (busy !== undefined) {
      expect(busy.headers.get('retry-after')).toBe('1')
      expect(await codeOf(busy)).toBe('login_busy')
    }
    expect((await login(ctx, DEMO_AGENT.password)).status).toBe(429)
    expect((await login(ctx, DEMO_AGENT.password, { ip: '192.0.2.99' })).status).toBe(200)
  })

  it('lets the agent’s own browser (device cookie) in while a stranger has the account locked', async () => {
    const ctx = await setup()
    const first = await login(ctx, DEMO_AGENT.password, { ip: '198.51.100.5' })
    const device = (first.headers.getSetCookie?.() ?? [])
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith('pl_agent_device='))
    expect(device).toMatch(/^pl_agent_device=[\w-]+\.[\w-]{8}\.[\w-]+$/)
    await fail(ctx, 5)
    ctx.clock.advance(15 * MINUTE + 1000)
    await fail(ctx, 5)
    expect((await login(ctx, DEMO_AGENT.password, { ip: '198.51.100.5' })).status).toBe(429)
    const own = await login(ctx, DEMO_AGENT.password, { ip: '198.51.100.5', cookie: device })
    expect(own.status).toBe(200)
    // A forged or other account's device cookie is no way around the lock.
    // Change its first character to another one (a fixed 'Z' is the same 1 time in 64).
    const value = device?.split('=')[1] ?? ''
    const forged = `pl_agent_device=${value.startsWith('Z') ? 'Y' : 'Z'}${value.slice(1)}`
    expect(
      (await login(ctx, DEMO_AGENT.password, { ip: '198.51.100.6', cookie: forged })).status,
    ).toBe(429)
  })
})

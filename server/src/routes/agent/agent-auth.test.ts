import { describe, expect, it } from 'vitest'
import { DEMO_AGENT, seedDemoAgent } from '../../seed/demo-store.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'

async function setup() {
  const ctx = await createTestApp()
  await seedDemoAgent(ctx.db, ctx.clock.now())
  return ctx
}

async function logIn(
  app: Awaited<ReturnType<typeof setup>>['app'],
  password = DEMO_AGENT.password,
) {
  const res = await app.request(
    '/v1/agent/login',
    jsonRequest('POST', { email: DEMO_AGENT.email, password }),
  )
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return {
    res,
    cookie,
    body: (await res.json()) as { csrfToken?: string; error?: { code: string } },
  }
}

describe(`console sign-in (${testDialect})`, () => {
  it('sets an HttpOnly SameSite=Strict cookie and returns a CSRF token', async () => {
    const { app } = await setup()
    const { res, cookie, body } = await logIn(app)
    expect(res.status).toBe(200)
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Strict/i)
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{32}$/)
    const session = await app.request('/v1/agent/session', { headers: { cookie } })
    expect(session.status).toBe(200)
    expect((await session.json()).store.id).toBe('st_demo')
  })

  it('gives one answer for a wrong password and an unknown email', async () => {
    const { app } = await setup()
    const wrong = await logIn(app, 'not-the-password')
    const unknown = await app.request(
      '/v1/agent/login',
      jsonRequest('POST', { email: 'nobody@example.com', password: 'x' }),
    )
    expect(wrong.res.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body).toEqual(await unknown.json())
    expect(wrong.res.headers.get('set-cookie')).toBeNull()
  })

  it('refuses state changes without the CSRF token, even with the cookie', async () => {
    const { app } = await setup()
    const { cookie, body } = await logIn(app)
    const forged = await app.request('/v1/agent/logout', { method: 'POST', headers: { cookie } })
    expect(forged.status).toBe(403)
    expect((await forged.json()).error.code).toBe('csrf_failed')
    const wrongToken = await app.request('/v1/agent/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': 'A'.repeat(32) },
    })
    expect(wrongToken.status).toBe(403)
    const ok = await app.request('/v1/agent/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': body.csrfToken ?? '' },
    })
    expect(ok.status).toBe(204)
    const after = await app.request('/v1/agent/session', { headers: { cookie } })
    expect(after.status).toBe(401)
  })

  it('hands the CSRF token out again to a reloaded console, and only to its own session', async () => {
    const { app } = await setup()
    const first = await logIn(app)
    const second = await logIn(app)
    const session = await app.request('/v1/agent/session', { headers: { cookie: first.cookie } })
    const { csrfToken } = (await session.json()) as { csrfToken: string }
    expect(csrfToken).toBe(first.body.csrfToken)
    expect(csrfToken).not.toBe(second.body.csrfToken)
    // The other session's token does not unlock this one's writes.
    const crossed = await app.request('/v1/agent/logout', {
      method: 'POST',
      headers: { cookie: first.cookie, 'x-csrf-token': second.body.csrfToken ?? '' },
    })
    expect(crossed.status).toBe(403)
    const ok = await app.request('/v1/agent/logout', {
      method: 'POST',
      headers: { cookie: first.cookie, 'x-csrf-token': csrfToken },
    })
    expect(ok.status).toBe(204)
    // Re-issuing did not rotate: the second session's login token still works.
    const other = await app.request('/v1/agent/logout', {
      method: 'POST',
      headers: { cookie: second.cookie, 'x-csrf-token': second.body.csrfToken ?? '' },
    })
    expect(other.status).toBe(204)
  })

  it('refuses a made-up or expired cookie', async () => {
    const { app, clock } = await setup()
    const fake = await app.request('/v1/agent/session', {
      headers: { cookie: 'pl_agent=pla_forged' },
    })
    expect(fake.status).toBe(401)
    expect((await fake.json()).error.code).toBe('agent_unauthenticated')
    const { cookie } = await logIn(app)
    clock.advance(12 * 3600_000)
    expect((await app.request('/v1/agent/session', { headers: { cookie } })).status).toBe(401)
  })

  it('does not accept a shopper bearer token as an agent', async () => {
    const { app } = await setup()
    const res = await app.request('/v1/agent/session', {
      headers: { authorization: 'Bearer pls_x' },
    })
    expect(res.status).toBe(401)
  })

  it.each([
    [{}],
    [{ email: 'a@b.c' }],
    [{ email: 1, password: 2 }],
    [{ email: 'a@b.c', password: 'x', admin: true }],
  ])('answers a malformed login %j with 400', async (body) => {
    const { app } = await setup()
    const res = await app.request('/v1/agent/login', jsonRequest('POST', body))
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('validation_failed')
  })
})

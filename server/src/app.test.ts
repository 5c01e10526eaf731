import { describe, expect, it } from 'vitest'
import { DEMO_WIDGET_KEY } from './seed/demo-store.ts'
import { createTestApp, testDialect } from './test/harness.ts'

describe(`app skeleton (${testDialect})`, () => {
  it('answers health and readiness with the database it uses', async () => {
    const { app } = await createTestApp()
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok' })
    const ready = await app.request('/readyz')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready', database: testDialect })
  })

  it('is not ready once shutdown has begun', async () => {
    const { app, shutdown } = await createTestApp()
    shutdown.abort()
    const res = await app.request('/readyz')
    expect(res.status).toBe(503)
    expect((await res.json()).error.code).toBe('shutting_down')
  })

  it('gives every response a request id and keeps a sane incoming one', async () => {
    const { app } = await createTestApp()
    const fresh = await app.request('/healthz')
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const kept = await app.request('/healthz', { headers: { 'x-request-id': 'trace-abc-12345' } })
    expect(kept.headers.get('x-request-id')).toBe('trace-abc-12345')
    const junk = await app.request('/healthz', {
      headers: { 'x-request-id': '<script>alert(1)</script>' },
    })
    expect(junk.headers.get('x-request-id')).not.toContain('<')
  })

  it('answers unknown routes with the JSON error shape', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/nope/nothing')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /nope/nothing.' },
    })
  })

  it('refuses oversized bodies with 413 and a code, before reading them', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/v1/widget/config?key=' + DEMO_WIDGET_KEY, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(200_000),
    })
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('payload_too_large')
  })
})

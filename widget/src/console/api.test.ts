import { describe, expect, it, vi } from 'vitest'
import { ApiError, createApi } from './api.ts'

type Call = { url: string; init: RequestInit }
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function fakeFetch(answers: Array<(c: Call) => Response>) {
  const calls: Call[] = []
  const fn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} }
    calls.push(call)
    const answer = answers.shift()
    if (!answer) throw new Error(`unexpected call ${call.url}`)
    return answer(call)
  })
  return { fn: fn as unknown as typeof fetch, calls }
}
const header = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name]

describe('console API client', () => {
  it('sends the CSRF token from login on writes, never on reads', async () => {
    const f = fakeFetch([
      () => json(200, { agent: {}, storeId: 's', csrfToken: 'tok-1', expiresAt: '' }),
      () => json(200, { tickets: [], total: 0, page: 1, pageSize: 20 }),
      () => json(200, { ticket: {} }),
    ])
    const api = createApi(() => {}, f.fn)
    await api.login('a@b.c', 'pw')
    await api.tickets(new URLSearchParams('page=1'))
    await api.patch('tk 1', { version: 2, status: 'pending' })
    expect(header(f.calls[1]!, 'x-csrf-token')).toBeUndefined()
    expect(f.calls[2]!.url).toBe('/v1/agent/tickets/tk%201')
    expect(header(f.calls[2]!, 'x-csrf-token')).toBe('tok-1')
    expect(f.calls[2]!.init.credentials).toBe('same-origin')
  })

  it('reads the Shopify settings, and writes them with PUT and the CSRF token', async () => {
    const f = fakeFetch([
      () => json(200, { agent: {}, storeId: 's', csrfToken: 'tok-3', expiresAt: '' }),
      () => json(200, { connected: false }),
      () =>
        json(422, {
          error: {
            code: 'shopify_scopes_missing',
            message: 'm',
            details: { missing: ['write_orders'] },
          },
        }),
    ])
    const api = createApi(() => {}, f.fn)
    await api.login('a@b.c', 'pw')
    expect(await api.shopifySettings()).toEqual({ connected: false })
    const body = { domain: 'x.myshopify.com', accessToken: 'shpat_1', webhookSecret: 'whsec_1' }
    const err = await api.connectShopify(body).catch((e: unknown) => e)
    expect(err).toMatchObject({
      code: 'shopify_scopes_missing',
      details: { missing: ['write_orders'] },
    })
    expect(f.calls[1]!.url).toBe('/v1/agent/settings/shopify')
    expect(f.calls[2]!.init.method).toBe('PUT')
    expect(header(f.calls[2]!, 'x-csrf-token')).toBe('tok-3')
    expect(JSON.parse(String(f.calls[2]!.init.body))).toEqual(body)
  })

  it('after a reload, fetches the token again and retries a refused write once', async () => {
    const f = fakeFetch([
      () => json(403, { error: { code: 'csrf_failed', message: 'no' } }),
      () => json(200, { agent: {}, store: {}, csrfToken: 'tok-2' }),
      () => json(201, { event: { id: 'e' } }),
    ])
    const api = createApi(() => {}, f.fn)
    await api.note('tk_1', 'hello')
    expect(f.calls.map((c) => c.url)).toEqual([
      '/v1/agent/tickets/tk_1/notes',
      '/v1/agent/session',
      '/v1/agent/tickets/tk_1/notes',
    ])
    expect(header(f.calls[2]!, 'x-csrf-token')).toBe('tok-2')
  })

  it('gives up after one retry', async () => {
    const refuse = () => json(403, { error: { code: 'csrf_failed', message: 'no' } })
    const f = fakeFetch([refuse, () => json(200, { csrfToken: 't' }), refuse])
    const api = createApi(() => {}, f.fn)
    await expect(api.note('tk_1', 'x')).rejects.toMatchObject({ code: 'csrf_failed' })
  })

  it('reports a 401 as the end of the session, but not a wrong password', async () => {
    const ended = vi.fn()
    const f = fakeFetch([
      () => json(401, { error: { code: 'invalid_credentials', message: 'no' } }),
      () => json(401, { error: { code: 'agent_unauthenticated', message: 'no' } }),
    ])
    const api = createApi(ended, f.fn)
    await expect(api.login('a@b.c', 'bad')).rejects.toMatchObject({ status: 401 })
    expect(ended).not.toHaveBeenCalled()
    await expect(api.ticket('tk_1')).rejects.toBeInstanceOf(ApiError)
    expect(ended).toHaveBeenCalledOnce()
  })

  it('carries a conflict’s fresh ticket and turns network failures into a code', async () => {
    const f = fakeFetch([
      () =>
        json(409, {
          error: { code: 'version_conflict', message: 'x', details: { ticket: { version: 9 } } },
        }),
      () => {
        throw new TypeError('Failed to fetch')
      },
    ])
    const api = createApi(() => {}, f.fn)
    await expect(api.patch('tk_1', { version: 1 })).rejects.toMatchObject({
      status: 409,
      details: { ticket: { version: 9 } },
    })
    await expect(api.ticket('tk_1')).rejects.toMatchObject({ code: 'network_error' })
  })
})

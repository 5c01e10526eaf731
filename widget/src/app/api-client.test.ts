import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApiClient, type ApiError } from './api-client.ts'
import { createTokenStore } from './session-token.ts'
import { fakeServer, type Reply } from './test-support.tsx'

function client(reply: Reply, token?: string) {
  const server = fakeServer().on('GET /v1/auth/session', reply).on('DELETE /v1/auth/session', reply)
  vi.stubGlobal('fetch', server.fetch)
  const tokens = createTokenStore('pk_k')
  if (token) tokens.set(token)
  const ended: ApiError[] = []
  const api = createApiClient('pk_k', tokens, (e) => ended.push(e))
  return { api, server, tokens, ended }
}

afterEach(() => {
  localStorage.clear()
  vi.unstubAllGlobals()
})

describe('the API client', () => {
  it('names the page the panel is framed in when it asks for a code and for another', async () => {
    history.replaceState(null, '', '/w/pk_k?mode=portal&origin=https%3A%2F%2Fshop.example')
    const { api, server } = client({ status: 202, body: {} })
    server
      .on('POST /v1/auth/challenges', { status: 202, body: {} })
      .on('POST /v1/auth/challenges/ch_1/resend', { status: 202, body: {} })
    await api.askCode({ channel: 'sms', identifier: '+14155550101', locale: 'en' })
    await api.resendCode('ch_1')
    expect(server.calls.map((c) => c.body)).toEqual([
      { channel: 'sms', identifier: '+14155550101', locale: 'en', origin: 'https://shop.example' },
      { origin: 'https://shop.example' },
    ])
    history.replaceState(null, '', '/w/pk_k?mode=portal')
  })

  it('names the store on every call and sends the bearer token only when it has one', async () => {
    const { api, server, tokens } = client({ status: 200, body: {} })
    await api.session()
    expect(server.calls[0]?.headers).toEqual({ 'x-porchlight-key': 'pk_k' })
    tokens.set('tok')
    await api.session()
    expect(server.calls[1]?.headers).toEqual({
      'x-porchlight-key': 'pk_k',
      authorization: 'Bearer tok',
    })
  })

  it('returns the server’s error as a value', async () => {
    const { api } = client({
      status: 429,
      body: {
        error: { code: 'rate_limited', message: 'Slow down', details: { retryAfterSeconds: 9 } },
      },
    })
    expect(await api.session()).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: 'Slow down',
        status: 429,
        retryAfterSeconds: 9,
        details: { retryAfterSeconds: 9 },
      },
    })
  })

  it('turns a body that is not ours into an unknown error with its status', async () => {
    const { api } = client({ status: 502 })
    const result = await api.session()
    expect(result.ok || result.error).toMatchObject({ code: 'unknown', status: 502 })
  })

  it('forgets a session the server ended and says so once', async () => {
    const { api, tokens, ended } = client(
      { status: 401, body: { error: { code: 'session_expired', message: '' } } },
      'tok',
    )
    await api.session()
    expect(tokens.get()).toBeNull()
    expect(ended.map((e) => e.code)).toEqual(['session_expired'])
    expect(localStorage.length).toBe(0)
  })

  it('signs out locally even when the server is unreachable, without a session-ended notice', async () => {
    const { api, server, tokens, ended } = client({ status: 204 }, 'tok')
    server.goOffline()
    const result = await api.signOut()
    expect(result.ok).toBe(false)
    expect(tokens.get()).toBeNull()
    expect(ended).toEqual([])
  })

  it('keeps the token in the frame’s localStorage under the store’s key', async () => {
    const server = fakeServer().on('POST /v1/auth/challenges/c1/verify', {
      status: 200,
      body: { token: 'tok_new', expiresAt: 'x', identity: { kind: 'email', value: 'a@b' } },
    })
    vi.stubGlobal('fetch', server.fetch)
    const api = createApiClient('pk_k', createTokenStore('pk_k'))
    await api.verifyCode('c1', '123456')
    expect(localStorage.getItem('porchlight.session.pk_k')).toBe('tok_new')
    expect(server.calls[0]?.headers['content-type']).toBe('application/json')
  })
})

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, createApi } from './api.ts'
import { $, byText, click, fakeApi, ME, renderConsole, submit, type } from './test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const signedOut = () =>
  fakeApi({
    session: vi.fn(async () => {
      throw new ApiError(401, 'agent_unauthenticated', 'Sign in')
    }),
  })

describe('sign-in and session', () => {
  it('signs in with email and password, then shows the queue', async () => {
    const api = signedOut()
    await renderConsole('/console', api)
    expect($('h1').textContent).toBe('Sign in to the console')
    expect(document.activeElement).toBe($('#si-email'))
    await type($<HTMLInputElement>('#si-email'), 'dana@example.com')
    await type($<HTMLInputElement>('#si-password'), 'secret')
    await submit($<HTMLFormElement>('main form'))
    expect(api.login).toHaveBeenCalledWith('dana@example.com', 'secret')
    expect($('h1').textContent).toBe('Queue')
    expect($('header.top').textContent).toContain(ME.name)
  })

  it('shows a wrong password in words and clears the password', async () => {
    const api = signedOut()
    api.login = vi.fn(async () => {
      throw new ApiError(401, 'invalid_credentials', 'no')
    })
    await renderConsole('/console', api)
    await type($<HTMLInputElement>('#si-email'), 'dana@example.com')
    await type($<HTMLInputElement>('#si-password'), 'wrong')
    await submit($<HTMLFormElement>('main form'))
    expect($('main [role="alert"]').textContent).toBe('The email or password is not right.')
    expect($<HTMLInputElement>('#si-password').value).toBe('')
  })

  it('goes back to sign-in with a message when the session expires, keeping the URL', async () => {
    let expired = false
    const answer = (status: number, json: unknown) => new Response(JSON.stringify(json), { status })
    const fetchFn = vi.fn(async (url: RequestInfo | URL) => {
      const path = String(url)
      if (path === '/v1/agent/session')
        return answer(200, { agent: ME, store: { id: 's', name: 'Shop' }, csrfToken: 't' })
      if (path === '/v1/agent/agents') return answer(200, { agents: [ME] })
      if (expired) return answer(401, { error: { code: 'agent_unauthenticated', message: 'x' } })
      if (!path.startsWith('/v1/agent/tickets'))
        return answer(404, { error: { code: 'not_found', message: 'x' } })
      return answer(200, { tickets: [], total: 0, page: 1, pageSize: 20 })
    })
    await renderConsole('/console?status=open', (ended) =>
      createApi(ended, fetchFn as unknown as typeof fetch),
    )
    expect($('h1').textContent).toBe('Queue')
    expired = true
    await submit($<HTMLFormElement>('form.filters'))
    expect($('h1').textContent).toBe('Sign in to the console')
    expect($('main [role="status"]').textContent).toBe(
      'Your session has ended. Sign in again to continue.',
    )
    expect(location.search).toBe('?status=open')
  })

  it('signs out', async () => {
    const api = fakeApi()
    await renderConsole('/console', api)
    await click(byText('button', 'Sign out'))
    expect(api.logout).toHaveBeenCalled()
    expect($('h1').textContent).toBe('Sign in to the console')
    expect($('main [role="status"]').textContent).toBe('You are signed out.')
  })
})

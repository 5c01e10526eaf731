import { screen } from '@testing-library/dom'
import { afterEach, describe, expect, it } from 'vitest'
import {
  STORE_KEY,
  cleanup,
  click,
  fakeServer,
  paste,
  renderPanel,
  type,
  type FakeServer,
} from './test-support.tsx'

const TOKEN_KEY = `porchlight.session.${STORE_KEY}`
const challenge = { challengeId: 'ch_1', resendAfterSeconds: 30, expiresInSeconds: 600 }
const session = (kind: 'email' | 'phone', value: string) => ({
  token: 'tok_secret',
  expiresAt: '2026-11-23T00:00:00Z',
  identity: { kind, value },
})

function signInServer(kind: 'email' | 'phone' = 'email', value = 'ada@example.com') {
  return fakeServer()
    .on('POST /v1/auth/challenges', { status: 202, body: challenge })
    .on('POST /v1/auth/challenges/ch_1/verify', (call) =>
      (call.body as { code: string }).code === '123456'
        ? { status: 200, body: session(kind, value) }
        : { status: 400, body: { error: { code: 'code_incorrect', message: 'Wrong code' } } },
    )
    .on('DELETE /v1/auth/session', { status: 204 })
}

// Signing in also loads the orders: look for the verify calls among the others.
const verifyCalls = (server: FakeServer) => server.calls.filter((c) => c.path.endsWith('/verify'))
const heading = () => screen.getByRole('heading', { level: 2 })
const codeInput = () => screen.getByLabelText('6-digit code') as HTMLInputElement

async function reachCodeScreen(server: FakeServer, email = 'ada@example.com') {
  await renderPanel(server)
  await click(screen.getByRole('button', { name: 'Get a code by email' }))
  await type(screen.getByLabelText('Email address'), email)
  await click(screen.getByRole('button', { name: 'Send code' }))
}

afterEach(cleanup)

describe('signing in by email', () => {
  it('goes from the choice to the signed-in home and keeps the token in the frame', async () => {
    const server = signInServer()
    await renderPanel(server)
    expect(heading().textContent).toBe('Sign in to see your orders')
    // First paint does not take focus: an inline embed would scroll the host page.
    expect(document.activeElement).not.toBe(heading())

    await click(screen.getByRole('button', { name: 'Get a code by email' }))
    expect(heading().textContent).toBe('What’s your email address?')
    expect(document.activeElement).toBe(heading())
    const email = screen.getByLabelText('Email address') as HTMLInputElement
    expect(email.type).toBe('email')
    expect(email.getAttribute('autocomplete')).toBe('email')
    expect(email.getAttribute('aria-describedby')).toContain(
      screen.getByText('Use the address you ordered with.').id,
    )

    await type(email, '  ada@example.com ')
    await click(screen.getByRole('button', { name: 'Send code' }))
    const ask = server.calls.find((c) => c.path === '/v1/auth/challenges')
    expect(ask?.headers['x-porchlight-key']).toBe(STORE_KEY)
    expect(ask?.body).toEqual({ channel: 'email', identifier: 'ada@example.com', locale: 'en' })

    expect(heading().textContent).toBe('Enter your code')
    expect(document.activeElement).toBe(heading())
    expect(
      screen.getByText('We emailed a 6-digit code to ada@example.com. It works for 10 minutes.'),
    ).toBeTruthy()
    const code = codeInput()
    expect(code.getAttribute('inputmode')).toBe('numeric')
    expect(code.getAttribute('autocomplete')).toBe('one-time-code')
    expect(code.maxLength).toBe(6)

    await type(code, '123456')
    const verify = server.calls.find((c) => c.path.endsWith('/verify'))
    expect(verify?.body).toEqual({ code: '123456' })
    expect(heading().textContent).toBe('Your orders')
    expect(document.activeElement).toBe(heading())
    expect(screen.getByText('Signed in as ada@example.com')).toBeTruthy()
    expect(localStorage.getItem(TOKEN_KEY)).toBe('tok_secret')

    await click(screen.getByRole('button', { name: 'Sign out' }))
    const signOut = server.calls.at(-1)
    expect(signOut?.method).toBe('DELETE')
    expect(signOut?.headers['authorization']).toBe('Bearer tok_secret')
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
    expect(heading().textContent).toBe('Sign in to see your orders')
    expect(screen.getByRole('status').textContent).toBe('You are signed out.')
  })

  it('accepts a pasted code with spaces, which maxlength alone would cut short', async () => {
    const server = signInServer()
    await reachCodeScreen(server)
    expect(await paste(codeInput(), ' 123 456 ')).toBe(true)
    expect(verifyCalls(server).at(-1)?.body).toEqual({ code: '123456' })
    expect(screen.getByText('Signed in as ada@example.com')).toBeTruthy()
  })

  it('reads digits typed on an Arabic keyboard', async () => {
    const server = signInServer()
    await reachCodeScreen(server)
    await type(codeInput(), '١٢٣٤٥٦')
    expect(verifyCalls(server).at(-1)?.body).toEqual({ code: '123456' })
  })

  it('does not send the same wrong code twice, and sends a corrected one', async () => {
    const server = signInServer()
    await reachCodeScreen(server)
    await type(codeInput(), '654321')
    expect(screen.getByRole('alert').textContent).toBe(
      'That code isn’t right. Check it and try again.',
    )
    expect(codeInput().getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(codeInput())
    // Sending it again would only spend one of the five tries.
    await click(screen.getByRole('button', { name: 'Sign in' }))
    expect(server.calls.filter((c) => c.path.endsWith('/verify'))).toHaveLength(1)
    expect(screen.getByRole('alert').textContent).toContain('That code isn’t right.')
    await type(codeInput(), '123456')
    expect(server.calls.filter((c) => c.path.endsWith('/verify'))).toHaveLength(2)
    expect(heading().textContent).toBe('Your orders')
  })

  it('asks for six digits before calling the server', async () => {
    const server = signInServer()
    await reachCodeScreen(server)
    await type(codeInput(), '12a3')
    expect(codeInput().value).toBe('123')
    await click(screen.getByRole('button', { name: 'Sign in' }))
    expect(screen.getByRole('alert').textContent).toBe('Enter the 6 digits from your message.')
    expect(server.calls.some((c) => c.path.endsWith('/verify'))).toBe(false)
  })

  it('lets the shopper change the address, keeping what they typed', async () => {
    const server = signInServer()
    await reachCodeScreen(server, 'ada@exmaple.com')
    await click(screen.getByRole('button', { name: 'Use a different email address' }))
    expect(heading().textContent).toBe('What’s your email address?')
    expect((screen.getByLabelText('Email address') as HTMLInputElement).value).toBe(
      'ada@exmaple.com',
    )
    await click(screen.getByRole('button', { name: 'Back' }))
    expect(heading().textContent).toBe('Sign in to see your orders')
  })

  it('asks for an address before calling the server', async () => {
    const server = signInServer()
    await renderPanel(server)
    await click(screen.getByRole('button', { name: 'Get a code by email' }))
    await click(screen.getByRole('button', { name: 'Send code' }))
    expect(screen.getByRole('alert').textContent).toBe('Enter your email address.')
    await type(screen.getByLabelText('Email address'), 'ada.example.com')
    await click(screen.getByRole('button', { name: 'Send code' }))
    expect(screen.getByRole('alert').textContent).toContain('doesn’t look like an email address')
    expect(server.calls.some((c) => c.path === '/v1/auth/challenges')).toBe(false)
  })
})

describe('signing in by text message', () => {
  it('uses a phone field and reads national numbers with the region of the locale', async () => {
    const server = signInServer('phone', '+33612345678')
    await renderPanel(server, '?locale=fr-FR')
    await click(screen.getByRole('button', { name: 'Recevoir un code par SMS' }))
    const phone = screen.getByLabelText('Numéro de téléphone mobile') as HTMLInputElement
    expect(phone.type).toBe('tel')
    expect(phone.getAttribute('autocomplete')).toBe('tel')
    await type(phone, '06 12 34 56 78')
    await click(screen.getByRole('button', { name: 'Envoyer le code' }))
    expect(server.calls.find((c) => c.path === '/v1/auth/challenges')?.body).toEqual({
      channel: 'sms',
      identifier: '06 12 34 56 78',
      locale: 'fr',
      country: 'FR',
    })
    expect(screen.getByText(/par SMS au/).textContent).toContain('06 12 34 56 78')
    await type(screen.getByLabelText('Code à 6 chiffres'), '123456')
    expect(screen.getByText('Session ouverte avec +33612345678')).toBeTruthy()
  })
})

describe('a stored session', () => {
  it('opens on the home when the server still accepts it', async () => {
    localStorage.setItem(TOKEN_KEY, 'tok_kept')
    const server = fakeServer().on('GET /v1/auth/session', {
      status: 200,
      body: { expiresAt: '2026-11-23T00:00:00Z', identity: { kind: 'email', value: 'bo@x.test' } },
    })
    await renderPanel(server)
    expect(server.calls.at(-1)?.headers['authorization']).toBe('Bearer tok_kept')
    expect(screen.getByText('Signed in as bo@x.test')).toBeTruthy()
  })

  it.each([
    ['session_expired', 'Your session has ended. Please sign in again.'],
    ['session_revoked', 'You were signed out. Please sign in again.'],
  ])('is forgotten when the server answers %s', async (code, text) => {
    localStorage.setItem(TOKEN_KEY, 'tok_old')
    const server = fakeServer().on('GET /v1/auth/session', {
      status: 401,
      body: { error: { code, message: 'No' } },
    })
    await renderPanel(server)
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
    expect(heading().textContent).toBe('Sign in to see your orders')
    expect(screen.getByRole('status').textContent).toBe(text)
  })

  it('is kept when the network fails, with a way to try again', async () => {
    localStorage.setItem(TOKEN_KEY, 'tok_kept')
    let online = false
    const server = fakeServer().on('GET /v1/auth/session', () => {
      if (!online) throw new TypeError('Failed to fetch')
      return {
        status: 200,
        body: {
          expiresAt: '2026-11-23T00:00:00Z',
          identity: { kind: 'email', value: 'bo@x.test' },
        },
      }
    })
    await renderPanel(server)
    expect(heading().textContent).toBe('Something went wrong')
    expect(screen.getByRole('alert').textContent).toBe(
      'We can’t reach the server. Check your connection and try again.',
    )
    expect(localStorage.getItem(TOKEN_KEY)).toBe('tok_kept')
    online = true
    await click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.getByText('Signed in as bo@x.test')).toBeTruthy()
    expect(document.activeElement).toBe(heading())
  })
})

describe('the store configuration', () => {
  it('failing to load says the panel is unavailable', async () => {
    const server = fakeServer().on('GET /v1/widget/config', { status: 503 })
    await renderPanel(server)
    expect(screen.getByRole('alert').textContent).toBe(
      'This help panel is unavailable right now. Please try again later.',
    )
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull()
  })
})

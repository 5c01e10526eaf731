import type { AuthErrorCode } from '@porchlight/shared/api/auth'
import { screen } from '@testing-library/dom'
import { afterEach, describe, expect, it } from 'vitest'
import {
  STORE_KEY,
  cleanup,
  click,
  fakeServer,
  renderPanel,
  type,
  type FakeServer,
  type Reply,
} from './test-support.tsx'

const challenge = { challengeId: 'ch_1', resendAfterSeconds: 0, expiresInSeconds: 600 }
const fail = (status: number, code: string, details?: unknown): Reply => ({
  status,
  body: { error: { code, message: `server text for ${code}`, ...(details ? { details } : {}) } },
})

type Step = 'ask' | 'verify' | 'resend' | 'session'

async function reach(step: Step, server: FakeServer) {
  if (step === 'session') {
    localStorage.setItem(`porchlight.session.${STORE_KEY}`, 'tok')
    return renderPanel(server)
  }
  await renderPanel(server)
  await click(screen.getByRole('button', { name: 'Get a code by email' }))
  await type(screen.getByLabelText('Email address'), 'ada@example.com')
  await click(screen.getByRole('button', { name: 'Send code' }))
  if (step === 'ask') return
  if (step === 'verify') return type(screen.getByLabelText('6-digit code'), '123456')
  return click(screen.getByRole('button', { name: 'Send a new code' }))
}

function serverFailing(step: Step, reply: Reply) {
  const server = fakeServer()
  server.on('POST /v1/auth/challenges', step === 'ask' ? reply : { status: 202, body: challenge })
  if (step === 'verify') server.on('POST /v1/auth/challenges/ch_1/verify', reply)
  if (step === 'resend') server.on('POST /v1/auth/challenges/ch_1/resend', reply)
  if (step === 'session') server.on('GET /v1/auth/session', reply)
  return server
}

// Typed by the contract's codes: a code added to shared/src/api/auth.ts fails to compile here
// until it has a case, so no error can reach a shopper without words.
const byCode: Record<AuthErrorCode, { step: Step; reply: Reply; text: string }> = {
  invalid_email: {
    step: 'ask',
    reply: fail(400, 'invalid_email'),
    text: 'That doesn’t look like an email address. Check it and try again.',
  },
  invalid_phone: {
    step: 'ask',
    reply: fail(400, 'invalid_phone'),
    text: 'That doesn’t look like a phone number. Check it and include the country code, like +1.',
  },
  rate_limited: {
    step: 'ask',
    reply: fail(429, 'rate_limited', { retryAfterSeconds: 290 }),
    text: 'Too many attempts. Please try again in 5 minutes.',
  },
  invalid_code_format: {
    step: 'verify',
    reply: fail(400, 'invalid_code_format'),
    text: 'Enter the 6 digits from your message.',
  },
  code_incorrect: {
    step: 'verify',
    reply: fail(400, 'code_incorrect'),
    text: 'That code isn’t right. Check it and try again.',
  },
  code_expired: {
    step: 'verify',
    reply: fail(400, 'code_expired'),
    text: 'This code no longer works. Send a new code and use that one.',
  },
  resend_too_soon: {
    step: 'resend',
    reply: fail(429, 'resend_too_soon', { retryAfterSeconds: 20 }),
    text: 'Please wait: you can ask for a new code in 20 seconds.',
  },
  challenge_not_found: {
    step: 'verify',
    reply: fail(404, 'challenge_not_found'),
    text: 'This sign-in has expired. Please ask for a new code.',
  },
  channel_unavailable: {
    step: 'ask',
    reply: fail(503, 'channel_unavailable'),
    text: 'Sign-in this way isn’t available right now. Please try the other option.',
  },
  phone_unsubscribed: {
    step: 'verify',
    reply: fail(400, 'phone_unsubscribed'),
    text: 'This number has opted out of our text messages. Reply START to opt back in, or use email.',
  },
  undeliverable: {
    step: 'verify',
    reply: fail(400, 'undeliverable'),
    text: 'We couldn’t deliver your code. Check the address or number and try again.',
  },
  session_missing: {
    step: 'session',
    reply: fail(401, 'session_missing'),
    text: 'Please sign in to continue.',
  },
  session_expired: {
    step: 'session',
    reply: fail(401, 'session_expired'),
    text: 'Your session has ended. Please sign in again.',
  },
  session_revoked: {
    step: 'session',
    reply: fail(401, 'session_revoked'),
    text: 'You were signed out. Please sign in again.',
  },
}

afterEach(cleanup)

describe('every sign-in error code reads as plain language', () => {
  it.each(Object.entries(byCode))('%s', async (_code, { step, reply, text }) => {
    await reach(step, serverFailing(step, reply))
    if (step === 'session') {
      expect(screen.getByRole('status').textContent).toBe(text)
      return
    }
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toBe(text)
    // Never the server's developer-facing message.
    expect(document.body.textContent).not.toContain('server text for')
    if (step !== 'resend') {
      const field =
        document.getElementById(alert.id.replace(/-error$/, '-input')) ??
        document.getElementById(alert.id.replace(/-error$/, '-code'))
      expect(field?.getAttribute('aria-invalid')).toBe('true')
      expect(field?.getAttribute('aria-describedby')).toContain(alert.id)
    }
  })
})

describe('failures outside the contract', () => {
  it.each<[string, Reply | 'offline', string]>([
    [
      'no answer at all',
      'offline',
      'We can’t reach the server. Check your connection and try again.',
    ],
    ['a proxy error page', { status: 502 }, 'Something went wrong on our side. Please try again.'],
    ['an unknown code', fail(418, 'teapot'), 'Something went wrong on our side. Please try again.'],
    [
      'a validation error',
      fail(400, 'validation_failed'),
      'Something in the form isn’t right. Check it and try again.',
    ],
  ])('%s', async (_name, reply, text) => {
    const server = serverFailing(
      'ask',
      reply === 'offline' ? { status: 202, body: challenge } : reply,
    )
    if (reply === 'offline') {
      server.on('POST /v1/auth/challenges', () => {
        throw new TypeError('Failed to fetch')
      })
    }
    await reach('ask', server)
    expect(screen.getByRole('alert').textContent).toBe(text)
  })

  it('reads the wait from Retry-After when the body gives none', async () => {
    await reach(
      'verify',
      serverFailing('verify', { ...fail(429, 'rate_limited'), headers: { 'Retry-After': '45' } }),
    )
    expect(screen.getByRole('alert').textContent).toBe(
      'Too many attempts. Please try again in 45 seconds.',
    )
  })
})

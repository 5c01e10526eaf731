import { screen } from '@testing-library/dom'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, click, fakeServer, renderPanel, type, type FakeServer } from '../test-support.tsx'

const resendButton = () => screen.getByRole('button', { name: /new code/ })

async function tick(ms: number) {
  await act(() => {
    vi.advanceTimersByTime(ms)
  })
}

async function reachCodeScreen(server: FakeServer) {
  await renderPanel(server)
  await click(screen.getByRole('button', { name: 'Get a code by email' }))
  await type(screen.getByLabelText('Email address'), 'ada@example.com')
  await click(screen.getByRole('button', { name: 'Send code' }))
}

beforeEach(() => {
  // Only the clock and intervals: Preact's render queue and the fake server run on microtasks.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
  vi.setSystemTime(new Date('2026-11-22T10:00:00Z'))
})
afterEach(async () => {
  await cleanup()
  vi.useRealTimers()
})

describe('resending a code', () => {
  it('counts down from the server’s wait, then sends a new code and counts again', async () => {
    const server = fakeServer()
      .on('POST /v1/auth/challenges', {
        status: 202,
        body: { challengeId: 'ch_1', resendAfterSeconds: 30, expiresInSeconds: 600 },
      })
      .on('POST /v1/auth/challenges/ch_1/resend', {
        status: 202,
        body: { challengeId: 'ch_2', resendAfterSeconds: 45, expiresInSeconds: 600 },
      })
      .on('POST /v1/auth/challenges/ch_2/verify', {
        status: 200,
        body: {
          token: 't',
          expiresAt: '2026-11-23T10:00:00Z',
          identity: { kind: 'email', value: 'ada@example.com' },
        },
      })
    await reachCodeScreen(server)

    expect(resendButton().textContent).toBe('Send a new code in 30 seconds')
    expect(resendButton().getAttribute('aria-disabled')).toBe('true')
    await click(resendButton())
    expect(server.calls.some((c) => c.path.endsWith('/resend'))).toBe(false)

    await tick(1000)
    expect(resendButton().textContent).toBe('Send a new code in 29 seconds')
    await tick(28_000)
    expect(resendButton().textContent).toBe('Send a new code in 1 second')
    await tick(1000)
    expect(resendButton().textContent).toBe('Send a new code')
    expect(resendButton().getAttribute('aria-disabled')).toBe('false')

    await click(resendButton())
    expect(server.calls.filter((c) => c.path.endsWith('/resend'))).toHaveLength(1)
    expect(screen.getByRole('status').textContent).toBe(
      'We sent a new code. Earlier codes no longer work.',
    )
    expect(resendButton().textContent).toBe('Send a new code in 45 seconds')

    // The new code is checked against the new challenge.
    await type(screen.getByLabelText('6-digit code'), '123456')
    expect(server.calls.filter((c) => c.path.endsWith('/verify')).map((c) => c.path)).toEqual([
      '/v1/auth/challenges/ch_2/verify',
    ])
    expect(screen.getByText('Signed in as ada@example.com')).toBeTruthy()
  })

  it('restarts the countdown from the server’s answer when it was too soon', async () => {
    const server = fakeServer()
      .on('POST /v1/auth/challenges', {
        status: 202,
        body: { challengeId: 'ch_1', resendAfterSeconds: 0, expiresInSeconds: 600 },
      })
      .on('POST /v1/auth/challenges/ch_1/resend', {
        status: 429,
        body: {
          error: { code: 'resend_too_soon', message: '', details: { retryAfterSeconds: 12 } },
        },
      })
    await reachCodeScreen(server)
    await click(resendButton())
    expect(resendButton().textContent).toBe('Send a new code in 12 seconds')
    await tick(12_000)
    expect(resendButton().textContent).toBe('Send a new code')
  })

  it('keeps counting in the new language when the locale changes', async () => {
    const server = fakeServer().on('POST /v1/auth/challenges', {
      status: 202,
      body: { challengeId: 'ch_1', resendAfterSeconds: 30, expiresInSeconds: 600 },
    })
    await reachCodeScreen(server)
    await tick(5000)
    const { setLocale } = await import('../locale.ts')
    await act(async () => {
      await setLocale('de')
    })
    expect(screen.getByRole('button', { name: /Neuen Code/ }).textContent).toBe(
      'Neuen Code senden in 25 Sekunden',
    )
  })
})

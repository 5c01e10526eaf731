import { expect } from 'vitest'
import { TEST_CLIENT_IP_HEADER } from '../../http/client-ip.ts'
import { DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { createTestApp, jsonRequest } from '../../test/harness.ts'

export type TestCtx = Awaited<ReturnType<typeof createTestApp>>

interface CallOptions {
  ip?: string
  key?: string
}

function headers(options: CallOptions = {}) {
  return {
    'x-porchlight-key': options.key ?? DEMO_WIDGET_KEY,
    [TEST_CLIENT_IP_HEADER]: options.ip ?? '192.0.2.1',
  }
}

/** POST /v1/auth/challenges. */
export function ask(ctx: TestCtx, body: unknown, options?: CallOptions) {
  return ctx.app.request('/v1/auth/challenges', jsonRequest('POST', body, headers(options)))
}

export const askEmail = (ctx: TestCtx, email: string, options?: CallOptions) =>
  ask(ctx, { channel: 'email', identifier: email, locale: 'en' }, options)

export function resend(ctx: TestCtx, id: string, options?: CallOptions) {
  return ctx.app.request(`/v1/auth/challenges/${id}/resend`, {
    method: 'POST',
    headers: headers(options),
  })
}

export function verify(ctx: TestCtx, id: string, code: unknown, options?: CallOptions) {
  return ctx.app.request(
    `/v1/auth/challenges/${id}/verify`,
    jsonRequest('POST', { code }, headers(options)),
  )
}

/** Asks for a code by email and returns the challenge id (fails the test otherwise). */
export async function startChallenge(
  ctx: TestCtx,
  email = 'ada@example.com',
  options?: CallOptions,
) {
  const res = await askEmail(ctx, email, options)
  expect(res.status).toBe(202)
  return ((await res.json()) as { challengeId: string }).challengeId
}

/**
 * Delivers the outbox and reads the newest code sent to `to` from the dev outbox, the way a
 * shopper reads it from their inbox: nothing here derives codes from internals.
 */
export async function deliveredCode(ctx: TestCtx, to: string): Promise<string> {
  await ctx.drainOutbox()
  const message = ctx.deps.devOutbox?.list().find((m) => m.to === to)
  if (message === undefined) throw new Error(`no message to ${to}`)
  const code =
    message.channel === 'sms'
      ? /#([0-9]{6})(?: @\S+)?$/.exec(message.text)?.[1]
      : /^ {4}([0-9]{6})$/m.exec(message.text)?.[1]
  if (code === undefined) throw new Error(`no code in the message to ${to}`)
  return code
}

/** A six-digit code that is not `code`. */
export function otherCode(code: string, step = 1): string {
  return String((Number(code) + step) % 1_000_000).padStart(6, '0')
}

export async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code
}

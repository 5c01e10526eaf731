/** A shopper client over real HTTP, for tests and benchmarks that run the server as a process. */
import { DEMO_WIDGET_KEY } from '../seed/demo-store.ts'
import type { SmtpReceiver } from './smtp-receiver.ts'

const key = { 'x-porchlight-key': DEMO_WIDGET_KEY }

/** Signs `email` in with the code the server mails to `receiver`; returns the bearer token. */
export async function signInByEmail(
  url: string,
  receiver: SmtpReceiver,
  email: string,
): Promise<string> {
  const asked = await fetch(`${url}/v1/auth/challenges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...key },
    body: JSON.stringify({ channel: 'email', identifier: email, locale: 'en' }),
  })
  if (asked.status !== 202) throw new Error(`challenge: ${asked.status} ${await asked.text()}`)
  const { challengeId } = (await asked.json()) as { challengeId: string }
  const code = await codeFor(receiver, email, 60_000)
  const verified = await fetch(`${url}/v1/auth/challenges/${challengeId}/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...key },
    body: JSON.stringify({ code }),
  })
  if (verified.status !== 200) throw new Error(`verify: ${verified.status}`)
  return ((await verified.json()) as { token: string }).token
}

/** Waits for the newest sign-in code mailed to `email` and returns it. */
export async function codeFor(receiver: SmtpReceiver, email: string, timeoutMs: number) {
  const find = () =>
    receiver.received
      .filter((m) => m.to === email && /sign-in code/.test(m.subject))
      .map((m) => /^ {4}([0-9]{6})\r?$/m.exec(m.raw)?.[1])
      .find((c) => c !== undefined)
  await receiver.waitFor(() => find() !== undefined, timeoutMs)
  return find() as string
}

export interface Filed {
  /** The ticket's reference (`#123`), which its acknowledgement email quotes. */
  reference: string
  /** When the 201 arrived: the ticket and its outbox row were committed before this. */
  at: number
}

/**
 * Files one contact message as a signed-in shopper: 201, or 200 when the key's ticket exists
 * (a retry). Undefined for any other answer.
 */
export async function fileContact(
  url: string,
  token: string,
  idempotencyKey: string,
): Promise<Filed | undefined> {
  const res = await fetch(`${url}/v1/contact`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': idempotencyKey,
      ...key,
    },
    body: JSON.stringify({ message: `Load message ${idempotencyKey}`, locale: 'en' }),
  })
  const at = performance.timeOrigin + performance.now()
  if (res.status !== 201 && res.status !== 200) {
    await res.body?.cancel()
    return undefined
  }
  const { reference } = (await res.json()) as { reference: string }
  return { reference, at }
}

/** The ticket reference an acknowledgement email quotes in its subject. */
export function ackReference(subject: string): string | undefined {
  return /we received your request (T-[0-9]+)/.exec(subject)?.[1]
}

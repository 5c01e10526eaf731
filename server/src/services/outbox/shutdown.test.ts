import { afterAll, describe, expect, it } from 'vitest'
import { testDialect } from '../../test/harness.ts'
import { processDatabase } from '../../test/process-db.ts'
import { startSmtpReceiver, type ReceivedMail } from '../../test/smtp-receiver.ts'
import { spawnServer, type SpawnedServer } from '../../test/spawn-server.ts'
import { ackReference, fileContact, signInByEmail, type Filed } from '../../test/ticket-load.ts'

const db = processDatabase()
const cleanup: Array<() => Promise<unknown>> = []
afterAll(async () => {
  for (const step of cleanup.reverse()) await step()
  await db.drop()
})

const TIMEOUT_MS = 3_000

/** Message-IDs of the acknowledgements each ticket got, by reference. */
function idsByTicket(mail: ReceivedMail[]) {
  const ids = new Map<string, string[]>()
  for (const m of mail) {
    const ref = ackReference(m.subject)
    if (ref !== undefined) ids.set(ref, [...(ids.get(ref) ?? []), m.messageId ?? '?'])
  }
  return ids
}

describe(`shutdown with a long outbox and a slow mail server (${testDialect})`, () => {
  it('exits within SHUTDOWN_TIMEOUT_MS and leaves what it did not send for the next start', async () => {
    // Each message takes 1.5 s to be accepted: the queue below would take many seconds. The
    // server answers nothing while the tickets are filed, however slowly that goes.
    const slow = await startSmtpReceiver({ delayMs: 1_500 })
    cleanup.push(() => slow.close())
    const env = {
      ...db.env,
      SMTP_URL: slow.url,
      SMTP_FROM: 'Lumen <shop@example.com>',
      SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS),
      LOG_LEVEL: 'info',
    }
    const first = await spawnServer(env)
    cleanup.push(() => first.stop('SIGKILL'))
    const token = await signInByEmail(first.url, slow, 'slow@example.com')
    slow.hold()
    const filed: Filed[] = []
    for (let batch = 0; batch < 5; batch += 1) {
      const got = await Promise.all(
        Array.from({ length: 8 }, (_, i) => fileContact(first.url, token, `slow-${batch}-${i}`)),
      )
      filed.push(...got.filter((f): f is Filed => f !== undefined))
    }
    expect(filed).toHaveLength(40)
    slow.open()
    // Sends are under way (the first has been accepted) when the signal comes.
    await slow.waitFor((mail) => mail.some((m) => ackReference(m.subject) !== undefined), 20_000)

    const signalled = Date.now()
    const code = await first.stop('SIGTERM')
    const took = Date.now() - signalled
    // Exit code 0: main.ts's backstop (exit 1 at SHUTDOWN_TIMEOUT_MS) did not have to fire.
    expect(code).toBe(0)
    // Timed by the server's own log, from the signal's handling to the last step; the test's
    // own view adds signal and exit delivery, which a loaded machine stretches.
    const at = (msg: string) =>
      Date.parse(
        (
          JSON.parse(
            first
              .output()
              .split('\n')
              .find((l) => l.includes(`"msg":"${msg}"`)) ?? '{}',
          ) as {
            time?: string
          }
        ).time ?? '',
      )
    expect(at('stopped') - at('shutting down')).toBeLessThan(TIMEOUT_MS)
    expect(took).toBeLessThan(TIMEOUT_MS + 2_000)

    const left = await db.rows<{ status: string; n: number }>(
      "select status, count(*) as n from outbox_messages where template = 'request-ack' group by status",
    )
    const count = (status: string) => Number(left.find((r) => r.status === status)?.n ?? 0)
    expect(count('sent') + count('pending') + count('sending')).toBe(40)
    // What the deadline cut or never started waits for the next start.
    expect(count('pending') + count('sending')).toBeGreaterThan(0)
    expect(count('failed')).toBe(0)

    // The next start delivers the rest, each ticket under one Message-ID.
    const fast = await startSmtpReceiver()
    cleanup.push(() => fast.close())
    const second: SpawnedServer = await spawnServer({ ...env, SMTP_URL: fast.url })
    cleanup.push(() => second.stop())
    const all = () => [...slow.received, ...fast.received]
    await fast.waitFor(() => idsByTicket(all()).size === 40, 60_000)
    const ids = idsByTicket(all())
    for (const f of filed) expect(new Set(ids.get(f.reference)).size, f.reference).toBe(1)
    // A copy arrives twice only when its send was cut at the deadline after the mail server
    // had taken it: the residual window of the README, recognisable by its Message-ID.
    const twice = [...ids.values()].filter((list) => list.length > 1).length
    expect(twice).toBeLessThanOrEqual(count('sending'))
  }, 150_000)
})

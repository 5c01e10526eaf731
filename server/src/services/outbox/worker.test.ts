import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it, vi } from 'vitest'
import { DeliveryError } from '../../adapters/delivery-error.ts'
import type { Mailer, MailMessage } from '../../adapters/mail/mailer.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import { enqueue, type OutboxTemplate } from './outbox.ts'
import { createOutboxWorker, type OutboxWorkerOptions } from './worker.ts'

/** A mailer that records what it sends and fails as scripted, one entry per call. */
function scriptedMailer(script: Array<DeliveryError | Error | 'ok'> = [], delayMs = 0) {
  const sent: MailMessage[] = []
  let calls = 0
  const mailer: Mailer & { sent: MailMessage[]; calls: () => number; closed: boolean } = {
    available: true,
    sent,
    closed: false,
    calls: () => calls,
    async send(message) {
      calls += 1
      const step = script.shift() ?? 'ok'
      if (delayMs > 0) await sleep(delayMs)
      if (step !== 'ok') throw step
      sent.push(message)
      return { messageId: `m${sent.length}` }
    },
    async close() {
      mailer.closed = true
    },
  }
  return mailer
}

const failed: string[] = []
const delivered: string[] = []
/** The worker does not care which template it runs: these tests borrow a real name. */
const NOTE = 'agent-login-locked'
const noteParams = (subject: string) => ({ storeName: subject, until: '', address: '' })

const note: OutboxTemplate<typeof NOTE> = {
  async render(m) {
    return { channel: 'email', subject: m.params.storeName, text: 't', html: '<p>t</p>' }
  },
  async onDelivered(_trx, m) {
    delivered.push(m.id)
  },
  async onFailed(_trx, m, error) {
    failed.push(`${m.id}:${error.reason}`)
  },
}

async function setup(mailer: Mailer, options: Partial<OutboxWorkerOptions> = {}) {
  const ctx = await createTestApp()
  const worker = createOutboxWorker({
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger,
    mailer,
    sms: ctx.deps.sms,
    templates: { [NOTE]: note },
    random: () => 1,
    ...options,
  })
  const queue = (subject: string, extra: { notAfter?: Date; groupKey?: string } = {}) =>
    enqueue(
      ctx.db,
      {
        channel: 'email',
        to: 'ada@example.com',
        template: NOTE,
        params: noteParams(subject),
        ...extra,
      },
      ctx.clock.now(),
    )
  const statusOf = async (id: string) =>
    await ctx.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  return { ...ctx, worker, queue, statusOf }
}

const transient = () => new DeliveryError('unavailable', false, 'try later', 451)

describe(`outbox worker (${testDialect})`, () => {
  it('delivers a queued message once and never again', async () => {
    const mailer = scriptedMailer()
    const t = await setup(mailer)
    const id = await t.queue('hello')
    expect(await t.worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 })
    expect(await t.worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 })
    t.clock.advance(24 * 3600_000)
    expect(await t.worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 })
    expect(mailer.sent.map((m) => m.subject)).toEqual(['hello'])
    expect(await t.statusOf(id)).toMatchObject({ status: 'sent', attempts: 1, claim_token: null })
    expect(delivered).toContain(id)
  })

  it('retries a transient failure with doubling delays, not before each is due', async () => {
    const mailer = scriptedMailer([transient(), transient(), transient()])
    const t = await setup(mailer)
    const id = await t.queue('retry me')
    expect(await t.worker.drain()).toEqual({ sent: 0, retried: 1, failed: 0 })
    for (const delay of [5_000, 10_000, 20_000]) {
      t.clock.advance(delay - 1)
      expect(await t.worker.drain(), `before ${delay}`).toEqual({ sent: 0, retried: 0, failed: 0 })
      t.clock.advance(1)
      const result = await t.worker.drain()
      expect(result.sent + result.retried, `at ${delay}`).toBe(1)
    }
    expect(mailer.calls()).toBe(4)
    expect(await t.statusOf(id)).toMatchObject({ status: 'sent', attempts: 4 })
  })

  it('spreads retries between half and all of the delay', async () => {
    const t = await setup(scriptedMailer([transient()]), { random: () => 0 })
    const id = await t.queue('jitter')
    await t.worker.drain()
    const row = await t.statusOf(id)
    expect(row.next_attempt_at - t.clock.now().getTime()).toBe(2_500)
  })

  it('gives up at once on a permanent failure and tells the template', async () => {
    const mailer = scriptedMailer([
      new DeliveryError('invalid_recipient', true, 'no such user', 550),
    ])
    const t = await setup(mailer)
    const id = await t.queue('bounce')
    expect(await t.worker.drain()).toEqual({ sent: 0, retried: 0, failed: 1 })
    t.clock.advance(3600_000)
    expect(await t.worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 })
    expect(await t.statusOf(id)).toMatchObject({
      status: 'failed',
      last_error: 'invalid_recipient (550): no such user',
    })
    expect(failed).toContain(`${id}:invalid_recipient`)
  })

  it('gives up after the last attempt, with growing delays capped at 15 minutes', async () => {
    const mailer = scriptedMailer(Array.from({ length: 20 }, transient))
    const t = await setup(mailer, { maxAttempts: 8 })
    const id = await t.queue('never')
    const delays: number[] = []
    for (let i = 0; i < 8; i += 1) {
      await t.worker.drain()
      const row = await t.statusOf(id)
      if (row.status === 'failed') break
      delays.push(row.next_attempt_at - t.clock.now().getTime())
      t.clock.set(new Date(row.next_attempt_at))
    }
    expect(delays).toEqual([5, 10, 20, 40, 80, 160, 320].map((s) => s * 1000))
    expect(await t.statusOf(id)).toMatchObject({ status: 'failed', attempts: 8 })
    expect(mailer.calls()).toBe(8)
  })

  it('treats an unexpected error like a transient one', async () => {
    const t = await setup(scriptedMailer([new Error('socket hang up')]))
    const id = await t.queue('x')
    expect(await t.worker.drain()).toEqual({ sent: 0, retried: 1, failed: 0 })
    expect((await t.statusOf(id)).last_error).toBe('unavailable: socket hang up')
  })

  it('drops a message that is past its use (an expired code) without sending it', async () => {
    const mailer = scriptedMailer([transient()])
    const t = await setup(mailer)
    const id = await t.queue('code', { notAfter: new Date(t.clock.now().getTime() + 4_000) })
    await t.worker.drain()
    t.clock.advance(5_000)
    expect(await t.worker.drain()).toEqual({ sent: 0, retried: 0, failed: 1 })
    expect(mailer.calls()).toBe(1)
    expect((await t.statusOf(id)).last_error).toContain('expired')
  })

  it('fails a message whose template is unknown', async () => {
    const t = await setup(scriptedMailer())
    const id = await t.queue('x')
    // A row written by another release, whose template this one does not have.
    await t.db
      .updateTable('outbox_messages')
      .set({ template: 'nope' })
      .where('id', '=', id)
      .execute()
    expect(await t.worker.drain()).toEqual({ sent: 0, retried: 0, failed: 1 })
    expect((await t.statusOf(id)).status).toBe('failed')
  })

  it('fails for good, unsent and without its hooks, a row whose payload does not fit', async () => {
    const mailer = scriptedMailer()
    const t = await setup(mailer)
    const ids: string[] = []
    for (const params of ['{"storeName":1,"until":"","address":""}', '{}', 'not json']) {
      const id = await t.queue('x')
      await t.db.updateTable('outbox_messages').set({ params }).where('id', '=', id).execute()
      ids.push(id)
    }
    expect(await t.worker.drain()).toEqual({ sent: 0, retried: 0, failed: 3 })
    expect(mailer.calls()).toBe(0)
    expect(failed.filter((f) => ids.some((id) => f.startsWith(id)))).toEqual([])
    for (const id of ids) {
      expect(await t.statusOf(id)).toMatchObject({ status: 'failed', attempts: 1 })
      expect((await t.statusOf(id)).last_error).toContain('malformed agent-login-locked params')
    }
  })

  it('refuses at enqueue a payload that does not fit its template', async () => {
    const t = await setup(scriptedMailer())
    const params = JSON.parse('{"storeName":"x"}') as ReturnType<typeof noteParams>
    await expect(
      enqueue(
        t.db,
        { channel: 'email', to: 'a@example.com', template: NOTE, params },
        t.clock.now(),
      ),
    ).rejects.toThrow('malformed agent-login-locked payload')
    expect(await t.db.selectFrom('outbox_messages').selectAll().execute()).toEqual([])
  })

  it('writes nothing when the enqueuing transaction rolls back', async () => {
    const t = await setup(scriptedMailer())
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueue(
          trx,
          { channel: 'email', to: 'ada@example.com', template: NOTE, params: noteParams('x') },
          t.clock.now(),
        )
        throw new Error('the cause failed')
      }),
    ).rejects.toThrow('the cause failed')
    expect(await t.db.selectFrom('outbox_messages').selectAll().execute()).toEqual([])
  })

  it('never lets two workers send the same row', async () => {
    const a = scriptedMailer([], 3)
    const b = scriptedMailer([], 3)
    const t = await setup(a, { batchSize: 4 })
    const other = createOutboxWorker({
      db: t.db,
      clock: t.clock,
      logger: t.logger,
      mailer: b,
      sms: t.deps.sms,
      templates: { [NOTE]: note },
      batchSize: 4,
    })
    for (let i = 0; i < 30; i += 1) await t.queue(`m${i}`)
    const [ra, rb] = await Promise.all([t.worker.drain(), other.drain()])
    const subjects = [...a.sent, ...b.sent].map((m) => m.subject).sort()
    expect(subjects).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`).sort())
    expect(ra.sent + rb.sent).toBe(30)
  })

  it('takes over a row whose worker stopped beating once its 6 s lease has run out', async () => {
    const t = await setup(scriptedMailer())
    const id = await t.queue('orphan')
    // A process claimed it, beat for the last time, and was killed.
    await t.db
      .updateTable('outbox_messages')
      .set({
        status: 'sending',
        claim_token: 'dead',
        claimed_by: 'host/4242/dead',
        lease_until: t.clock.now().getTime() + 6_000,
        attempts: 1,
      })
      .execute()
    t.clock.advance(5_999)
    expect(await t.worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 })
    t.clock.advance(1)
    expect(await t.worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 })
    expect(await t.statusOf(id)).toMatchObject({ status: 'sent', attempts: 2, claimed_by: null })
  })

  it('keeps the claim of a send that outlasts the lease while its worker beats', async () => {
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const slow: Mailer = {
      ...scriptedMailer(),
      async send() {
        await held
        return { messageId: 'slow' }
      },
    }
    const t = await setup(slow, { heartbeatMs: 10, workerId: 'slow-worker' })
    const other = scriptedMailer()
    const rival = createOutboxWorker({
      db: t.db,
      clock: t.clock,
      logger: t.logger,
      mailer: other,
      sms: t.deps.sms,
      templates: { [NOTE]: note },
    })
    const id = await t.queue('slow')
    const draining = t.worker.drain()
    await vi.waitFor(async () => expect((await t.statusOf(id)).status).toBe('sending'))
    expect((await t.statusOf(id)).claimed_by).toBe('slow-worker')
    // A minute passes in steps shorter than the lease; each step waits for a heartbeat.
    for (let i = 0; i < 12; i += 1) {
      t.clock.advance(5_000)
      const due = t.clock.now().getTime()
      await vi.waitFor(async () => expect((await t.statusOf(id)).lease_until).toBeGreaterThan(due))
      expect(await rival.drain()).toEqual({ sent: 0, retried: 0, failed: 0 })
    }
    release()
    expect(await draining).toEqual({ sent: 1, retried: 0, failed: 0 })
    expect(other.sent).toEqual([])
    expect(await t.statusOf(id)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('sends sign-in codes before everything else that is due', async () => {
    const mailer = scriptedMailer()
    const t = await setup(mailer, { concurrency: 1, batchSize: 1 })
    for (let i = 0; i < 3; i += 1) await t.queue(`ack ${i}`)
    t.clock.advance(1)
    await enqueue(
      t.db,
      {
        channel: 'email',
        to: 'ada@example.com',
        template: NOTE,
        params: noteParams('code'),
        priority: 'urgent',
      },
      t.clock.now(),
    )
    await t.worker.drain()
    expect(mailer.sent.map((m) => m.subject)).toEqual(['code', 'ack 0', 'ack 1', 'ack 2'])
  })

  it('writes the other outcomes of a group when one template hook throws', async () => {
    const t = await setup(scriptedMailer(), { batchSize: 10 })
    const ids: string[] = []
    for (let i = 0; i < 5; i += 1) ids.push(await t.queue(`m${i}`))
    const worker = createOutboxWorker({
      db: t.db,
      clock: t.clock,
      logger: t.logger,
      mailer: scriptedMailer(),
      sms: t.deps.sms,
      templates: {
        [NOTE]: {
          ...note,
          async onDelivered(_trx, m) {
            if (m.id === ids[2]) throw new Error('hook broke')
          },
        },
      },
    })
    expect(await worker.drain()).toEqual({ sent: 4, retried: 0, failed: 0 })
    const statuses = await Promise.all(ids.map(async (id) => (await t.statusOf(id)).status))
    expect(statuses).toEqual(['sent', 'sent', 'sending', 'sent', 'sent'])
  })

  it('stops by its deadline with a send hanging, leaving the rest queued', async () => {
    const hanging: Mailer = {
      ...scriptedMailer(),
      send: () => new Promise(() => {}),
    }
    const t = await setup(hanging, { concurrency: 1, batchSize: 1 })
    const first = await t.queue('hangs')
    const second = await t.queue('waits')
    t.worker.start()
    await vi.waitFor(async () => expect((await t.statusOf(first)).status).toBe('sending'))
    const started = Date.now()
    await t.worker.stop({ deadline: started + 200 })
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(await t.statusOf(second)).toMatchObject({ status: 'pending', attempts: 0 })
  })

  it('runs in the background once started, wakes on demand, and closes transports on stop', async () => {
    const mailer = scriptedMailer()
    const t = await setup(mailer, { pollIntervalMs: 60_000 })
    t.worker.start()
    await t.queue('background')
    t.worker.wake()
    await vi.waitFor(() => expect(mailer.sent).toHaveLength(1), { timeout: 5_000 })
    await t.worker.stop()
    expect(mailer.closed).toBe(true)
    await t.queue('after stop')
    t.worker.wake()
    await sleep(50)
    expect(mailer.sent).toHaveLength(1)
  })
})

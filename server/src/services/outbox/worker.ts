import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { Kysely } from 'kysely'
import type { Mailer } from '../../adapters/mail/mailer.ts'
import type { SmsSender } from '../../adapters/sms/sms-sender.ts'
import {
  createHttpWebhookSender,
  type WebhookSender,
} from '../../adapters/webhooks/webhook-sender.ts'
import type { Clock } from '../../clock.ts'
import {
  claimOutboxBatch,
  releaseOutboxClaim,
  renewOutboxLeases,
} from '../../db/outbox.repository.ts'
import type { OutboxMessageRow } from '../../db/outbox.table.ts'
import type { Database } from '../../db/schema.ts'
import { logTaskFailure } from '../../db/storage-health.ts'
import type { Logger } from '../../logger.ts'
import { defaultBackoff, type BackoffPolicy } from './backoff.ts'
import { deliver, type Outcome } from './deliver.ts'
import { createFinishQueue } from './finish-queue.ts'
import type { OutboxTemplates } from './outbox.ts'

export type DrainResult = Record<Outcome, number>

/** Delivers queued messages. One per process; several processes may share one database. */
export interface OutboxWorker {
  /** Delivers every message that is due now, then resolves. Tests drive delivery with it. */
  drain(): Promise<DrainResult>
  /** Asks the background loop to look soon (after a commit that queued something). */
  wake(): void
  /** Starts the background loop (polling, plus wake-ups). */
  start(): void
  /**
   * Stops claiming, lets the sends already in flight finish until `deadline` (epoch ms), then
   * closes the transports. Whatever was not sent stays queued for the next start.
   */
  stop(options?: { deadline?: number }): Promise<void>
}

export interface OutboxWorkerOptions {
  db: Kysely<Database>
  clock: Clock
  logger: Logger
  mailer: Mailer
  sms: SmsSender
  /** Posts the 'webhook' channel (default: fetch, no redirects, 10 s timeout). */
  webhooks?: WebhookSender
  templates: OutboxTemplates
  /** How often the loop looks for due rows (and rows a dead worker left) without a wake-up. */
  pollIntervalMs?: number
  /** At most this many rows per claim. */
  batchSize?: number
  /** Sends in flight at once. */
  concurrency?: number
  maxAttempts?: number
  /**
   * How long a claim holds without a heartbeat. The worker renews it every `heartbeatMs` while
   * a send is in flight, so a slow send keeps its claim and a dead process loses it quickly:
   * its rows are taken over within leaseMs + pollIntervalMs.
   */
  leaseMs?: number
  heartbeatMs?: number
  /** This process's identity on its claims (default: host, pid and a random tag). */
  workerId?: string
  backoff?: BackoffPolicy
  random?: () => number
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, logger, templates } = options
  const pollIntervalMs = options.pollIntervalMs ?? 1_000
  const batchSize = options.batchSize ?? 50
  const concurrency = options.concurrency ?? 16
  const leaseMs = options.leaseMs ?? 6_000
  const heartbeatMs = options.heartbeatMs ?? Math.max(10, Math.floor(leaseMs / 3))
  const workerId =
    options.workerId ?? `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`
  const log = logger.child({ component: 'outbox', workerId })
  const deliverDeps = {
    clock,
    log,
    mailer: options.mailer,
    sms: options.sms,
    webhooks: options.webhooks ?? createHttpWebhookSender(),
    templates,
    maxAttempts: options.maxAttempts ?? 8,
    backoff: options.backoff ?? defaultBackoff,
    random: options.random ?? Math.random,
  }
  const finishes = createFinishQueue(db)

  /** Rows this worker claimed and has not finished in the database yet: the heartbeat's list. */
  const held = new Set<string>()
  /** Sends in flight (they hold a slot), by row id. */
  const sending = new Map<string, Promise<void>>()
  /** Whole deliveries, the send and the write of its outcome. */
  const deliveries = new Set<Promise<void>>()
  const listeners = new Set<(outcome: Outcome) => void>()
  let stopping = false

  let heartbeat: NodeJS.Timeout | undefined
  let beating = false
  function beat() {
    if (held.size === 0) {
      clearInterval(heartbeat)
      heartbeat = undefined
      return
    }
    if (beating) return
    beating = true
    const leaseUntil = clock.now().getTime() + leaseMs
    renewOutboxLeases(db, { workerId, ids: [...held], leaseUntil })
      .catch((err: unknown) => log.warn('outbox heartbeat failed', { error: String(err) }))
      .finally(() => (beating = false))
  }

  function launch(row: OutboxMessageRow, token: string) {
    held.add(row.id)
    heartbeat ??= setInterval(beat, heartbeatMs).unref()
    let sent!: () => void
    sending.set(row.id, new Promise<void>((resolve) => (sent = resolve)))
    const delivery = (async () => {
      try {
        const result = await deliver(deliverDeps, row).finally(() => {
          sending.delete(row.id)
          sent()
        })
        const kept = await finishes.finish({ id: row.id, token, ...result.finish })
        if (!kept) log.warn('finished after losing the claim', { outboxId: row.id })
        result.logged()
        for (const listener of listeners) listener(result.outcome)
      } catch (err) {
        // The outcome could not be written: the row keeps its claim until the lease runs out.
        log.error('outbox delivery failed', { outboxId: row.id, error: String(err) })
      } finally {
        held.delete(row.id)
      }
    })()
    deliveries.add(delivery)
    void delivery.finally(() => deliveries.delete(delivery))
  }

  let again = false
  async function claimLoop(): Promise<number> {
    let claimed = 0
    for (;;) {
      if (stopping) return claimed
      const room = concurrency - sending.size
      if (room <= 0) {
        await Promise.race(sending.values())
        continue
      }
      again = false
      const now = clock.now().getTime()
      const token = randomBytes(12).toString('base64url')
      const claim = { token, workerId, now, leaseUntil: now + leaseMs }
      const rows = await claimOutboxBatch(db, claim, Math.min(room, batchSize))
      if (stopping) {
        // Claimed while stop() began: not in flight yet, so back to the queue untouched.
        await Promise.all(rows.map((row) => releaseOutboxClaim(db, row.id, token)))
        return claimed
      }
      claimed += rows.length
      for (const row of rows) launch(row, token)
      if (rows.length === 0 && !again) return claimed
    }
  }

  let claiming: Promise<number> | undefined
  /** Claims until nothing is due; a call while a claim loop runs makes it look once more. */
  function pump(): Promise<number> {
    if (claiming !== undefined) {
      again = true
      return claiming
    }
    claiming = claimLoop().finally(() => (claiming = undefined))
    return claiming
  }

  async function settle() {
    while (deliveries.size > 0) await Promise.all([...deliveries])
  }

  async function drain(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retried: 0, failed: 0 }
    const count = (outcome: Outcome) => (result[outcome] += 1)
    listeners.add(count)
    try {
      // Rows that fail move into the future, so this ends.
      for (;;) {
        const claimed = await pump()
        await settle()
        if (claimed === 0) return result
      }
    } finally {
      listeners.delete(count)
    }
  }

  let timer: NodeJS.Timeout | undefined
  let started = false
  function schedule(delay: number) {
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(tick, delay).unref()
  }
  function tick() {
    timer = undefined
    if (!started) return
    pump()
      .catch((err: unknown) => logTaskFailure({ db, logger: log }, 'outbox drain failed', err))
      .finally(() => {
        if (started && timer === undefined) schedule(pollIntervalMs)
      })
  }

  return {
    drain,
    wake() {
      if (!started) return
      if (claiming !== undefined) again = true
      else schedule(0)
    },
    start() {
      if (started) return
      started = true
      stopping = false
      schedule(0)
    },
    async stop(stopOptions = {}) {
      started = false
      stopping = true
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      const left = (stopOptions.deadline ?? Infinity) - Date.now()
      let wait: NodeJS.Timeout | undefined
      const inTime = await Promise.race([
        Promise.all([claiming?.catch(() => 0), settle()]).then(() => true),
        ...(Number.isFinite(left)
          ? [new Promise<boolean>((r) => (wait = setTimeout(() => r(false), Math.max(0, left))))]
          : []),
      ])
      clearTimeout(wait)
      if (!inTime) {
        // Their rows keep this worker's claim; once the lease runs out the next start (or
        // another process) sends them again, with the same Message-ID.
        log.warn('stopped with sends still in flight', { inFlight: sending.size })
      }
      clearInterval(heartbeat)
      heartbeat = undefined
      await Promise.all([options.mailer.close(), options.sms.close()])
    },
  }
}

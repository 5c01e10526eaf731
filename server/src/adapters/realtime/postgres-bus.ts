import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { logTaskFailure } from '../../db/storage-health.ts'
import type { Logger } from '../../logger.ts'
import { dispatch, type BusListener, type BusNotice, type EventBus } from './event-bus.ts'

/** NOTIFY payloads must stay under 8000 bytes; ours are small by design (no message text). */
const MAX_PAYLOAD = 7900

/**
 * Several processes on one PostgreSQL: notices travel through LISTEN/NOTIFY. One pooled client
 * is held for LISTEN; when it breaks, the bus reconnects with backoff and tells listeners to
 * re-read the logs (`reset`), since notices sent meanwhile were lost.
 *
 * The channel carries the schema name: NOTIFY is database-wide, and deployments (or test runs)
 * that share a database in separate schemas must not hear each other.
 */
export async function createPostgresBus(
  pool: pg.Pool,
  options: { schema?: string | undefined; logger: Logger },
): Promise<EventBus> {
  const channel = `porchlight_chat${options.schema !== undefined ? `_${options.schema}` : ''}`
  const origin = randomBytes(6).toString('base64url')
  const listeners = new Set<BusListener>()
  const logger = options.logger.child({ component: 'postgres-bus' })
  let closed = false
  let client: pg.PoolClient | undefined
  let retry: NodeJS.Timeout | undefined
  let backoff = 100

  const deliver = (notice: BusNotice) =>
    dispatch(listeners, notice, (err) =>
      logger.error('event listener failed', { error: String(err) }),
    )

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== channel || msg.payload === undefined) return
    try {
      const { o, n } = JSON.parse(msg.payload) as { o: string; n: BusNotice }
      // Our own notices were delivered locally at publish time.
      if (o !== origin) deliver(n)
    } catch (err) {
      logger.warn('unreadable notification', { error: String(err) })
    }
  }

  const connect = async (): Promise<void> => {
    const c = await pool.connect()
    const broken = (err?: Error) => {
      if (client !== c) return
      client = undefined
      c.off('notification', onNotification)
      c.release(err ?? new Error('listen connection ended'))
      if (closed) return
      logger.warn('listen connection lost; reconnecting', { error: err?.message })
      schedule()
    }
    c.on('notification', onNotification)
    c.on('error', broken)
    c.on('end', () => broken())
    await c.query(`LISTEN ${channel}`)
    client = c
    backoff = 100
  }

  const schedule = () => {
    retry = setTimeout(() => {
      connect()
        // Anything published while we were deaf is in the database; have listeners re-read.
        .then(() => deliver({ type: 'reset' }))
        .catch((err: Error) => {
          // Every 5 s while the database is away: a storage fault is named once, not each time.
          logTaskFailure({ db: pool, logger }, 'listen reconnect failed', err, {}, 'warn')
          backoff = Math.min(backoff * 2, 5000)
          if (!closed) schedule()
        })
    }, backoff)
    retry.unref()
  }

  await connect()

  return {
    async publish(notice) {
      queueMicrotask(() => deliver(notice))
      const payload = JSON.stringify({ o: origin, n: notice })
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
        throw new Error(`bus notice too large (${payload.length} bytes)`)
      }
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload])
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      closed = true
      if (retry !== undefined) clearTimeout(retry)
      const c = client
      client = undefined
      listeners.clear()
      if (c !== undefined) {
        c.off('notification', onNotification)
        try {
          await c.query(`UNLISTEN ${channel}`)
        } finally {
          c.release()
        }
      }
    },
  }
}

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { createPostgresBus } from '../../adapters/realtime/postgres-bus.ts'
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../db/database.ts'
import { storageHealthOf } from '../../db/storage-health.ts'
import { seedDemoStore } from '../../seed/demo-store.ts'
import { createTestApp, openTestDatabase, testDialect } from '../../test/harness.ts'
import { startTcpProxy } from '../../test/tcp-proxy.ts'
import { newKey, postContact, type Ctx } from '../requests/requests-test-support.ts'

// A real storage fault per case (SQLITE_FULL, SQLITE_READONLY, a refused PostgreSQL socket),
// driven through HTTP: what the client is told, what /readyz says, what the log says, what is
// left in the tables, and that it all comes back once the fault goes.

let sender = 0
/** A contact message from a new address each time (the contact limits are per address). */
function contact(ctx: Ctx, key = newKey()) {
  const n = ++sender
  return postContact(
    ctx,
    {
      message: `Where is my parcel? ${'Details. '.repeat(300)}`,
      name: `Shopper ${n}`,
      email: `shopper${n}@example.com`,
      locale: 'en',
    },
    { key, ip: `198.51.${n >> 8}.${n & 255}` },
  )
}

async function counts(db: DatabaseHandle['db']) {
  const count = async (table: 'tickets' | 'outbox_messages' | 'idempotency_keys') =>
    Number(
      (await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    )
  return {
    tickets: await count('tickets'),
    outbox: await count('outbox_messages'),
    keys: await count('idempotency_keys'),
  }
}

const linesNamed = (ctx: Ctx, msg: string) => ctx.logger.lines.filter((l) => l['msg'] === msg)

/** What the server logged about the fault apart from per-request access lines. */
function faultLog(ctx: Ctx) {
  return ctx.logger.lines.filter((l) => l['msg'] !== 'request' && l['level'] !== 'debug')
}

async function expectUnavailable(res: Response, code: string, retryAfter: string) {
  expect(res.status).toBe(503)
  expect(res.headers.get('retry-after')).toBe(retryAfter)
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code)
}

/** /readyz says not ready with the cause, and one log line (besides access lines) named it. */
async function expectNotReady(ctx: Ctx, code: string, cause: RegExp) {
  const notReady = await readiness(ctx)
  expect(notReady.status).toBe(503)
  expect(notReady.body.error?.code).toBe(code)
  expect(JSON.stringify(notReady.body.error?.details)).toMatch(cause)
  expect(faultLog(ctx)).toMatchObject([{ level: 'error', msg: 'storage fault', code }])
  expect(String(faultLog(ctx)[0]?.['cause'])).toMatch(cause)
}

async function readiness(ctx: Ctx) {
  const res = await ctx.app.request('/readyz')
  return {
    status: res.status,
    body: (await res.json()) as { status?: string; error?: { code: string; details?: unknown } },
  }
}

describe.runIf(testDialect === 'sqlite')('a full disk (SQLITE_FULL)', () => {
  it('answers 503 storage_full, keeps nothing of the failed write, and recovers', async () => {
    const ctx = await createTestApp()
    const pages = Number(
      (await sql<{ page_count: number }>`pragma page_count`.execute(ctx.db)).rows[0]?.page_count,
    )
    // No page beyond those already there: a write that needs one fails as on a full disk.
    await sql.raw(`pragma max_page_count = ${pages}`).execute(ctx.db)
    let accepted = 0
    let refused: { res: Response; key: string } | undefined
    for (let i = 0; i < 100 && refused === undefined; i++) {
      const key = newKey()
      const res = await contact(ctx, key)
      if (res.status === 201) accepted++
      else refused = { res, key }
    }
    if (refused === undefined) throw new Error('the database never filled up')
    await expectUnavailable(refused.res, 'storage_full', '30')
    // Every write that was acknowledged is whole; the refused one left nothing behind.
    expect(await counts(ctx.db)).toEqual({ tickets: accepted, outbox: accepted, keys: accepted })
    for (let i = 0; i < 5; i++) await expectUnavailable(await contact(ctx), 'storage_full', '30')

    // One line names the fault and its cause, for six failed requests and a probe.
    await expectNotReady(ctx, 'storage_full', /SQLITE_FULL/)
    expect(JSON.stringify(ctx.logger.lines)).not.toContain('cannot rollback')

    await sql.raw(`pragma max_page_count = ${pages * 100}`).execute(ctx.db)
    // The refused request, sent again with its key, is filed once: nothing of it was kept.
    expect((await contact(ctx, refused.key)).status).toBe(201)
    expect((await readiness(ctx)).status).toBe(200)
    expect(await counts(ctx.db)).toEqual({
      tickets: accepted + 1,
      outbox: accepted + 1,
      keys: accepted + 1,
    })
    // The "recovered" line waits until the fault has stayed away (storage-health.test.ts).
    expect(linesNamed(ctx, 'storage fault')).toHaveLength(1)
  })
})

describe.runIf(testDialect === 'sqlite')('a read-only database file (SQLITE_READONLY)', () => {
  it('answers 503 storage_unavailable, then writes again once the file is writable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'porchlight-readonly-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const url = `sqlite:${join(dir, 'store.sqlite')}`
    const setup = await openDatabase(url)
    await migrateToLatest(setup)
    await seedDemoStore(setup.db, new Date())
    await setup.close()
    // The file is write-protected when the server opens it (as after a restore with the wrong
    // owner, or a volume mounted read-only); SQLite then opens it read-only.
    let writeProtected = true
    const database = await openDatabase(url, { writeProtected: () => writeProtected })
    const ctx = await createTestApp({ database, seed: false })
    try {
      for (let i = 0; i < 3; i++) {
        await expectUnavailable(await contact(ctx), 'storage_unavailable', '5')
      }
      await expectNotReady(ctx, 'storage_unavailable', /SQLITE_READONLY/)
      expect(await counts(ctx.db)).toEqual({ tickets: 0, outbox: 0, keys: 0 })

      writeProtected = false
      expect((await contact(ctx)).status).toBe(201)
      expect((await readiness(ctx)).status).toBe(200)
      expect(await counts(ctx.db)).toEqual({ tickets: 1, outbox: 1, keys: 1 })
      expect(linesNamed(ctx, 'storage fault')).toHaveLength(1)
    } finally {
      await database.close()
    }
  })
})

/** The test database's URL with its port replaced by a local proxy's. */
function proxiedUrl(port: number) {
  const url = new URL(process.env['TEST_DATABASE_URL'] ?? '')
  url.hostname = '127.0.0.1'
  url.port = String(port)
  return url.toString()
}

describe.runIf(testDialect === 'postgres')('a lost PostgreSQL connection', () => {
  /** The app's pool goes through a proxy the test can cut; the schema is a normal test one. */
  async function appBehindProxy() {
    const direct = await openTestDatabase()
    const upstream = new URL(process.env['TEST_DATABASE_URL'] ?? '')
    const proxy = await startTcpProxy({ host: upstream.hostname, port: Number(upstream.port) })
    const database = await openDatabase(proxiedUrl(proxy.port), { schema: direct.schema ?? '' })
    const ctx = await createTestApp({ database, outbox: { pollIntervalMs: 5 } })
    return {
      ctx,
      direct,
      proxy,
      database,
      async close() {
        await ctx.deps.outbox.stop()
        await database.close()
        await proxy.close()
      },
    }
  }

  it('answers 503 storage_unavailable, logs it once, and serves again on reconnect', async () => {
    const { ctx, direct, proxy, close } = await appBehindProxy()
    try {
      expect((await contact(ctx)).status).toBe(201)
      await proxy.cut()
      for (let i = 0; i < 5; i++) {
        await expectUnavailable(await contact(ctx), 'storage_unavailable', '5')
      }
      // Whichever the pool met first: the cut connection or the refused new one.
      await expectNotReady(ctx, 'storage_unavailable', /ECONNREFUSED|Connection terminated/)
      // The outbox worker polls all along: its failures join the one line, not one each.
      ctx.deps.outbox.start()
      await vi.waitFor(
        () => expect(storageHealthOf(ctx.db).current()?.failures).toBeGreaterThanOrEqual(20),
        { timeout: 10_000, interval: 20 },
      )
      expect(faultLog(ctx)).toMatchObject([
        { level: 'error', msg: 'storage fault', code: 'storage_unavailable' },
      ])
      expect(await counts(direct.db)).toEqual({ tickets: 1, outbox: 1, keys: 1 })

      await proxy.restore()
      expect((await contact(ctx)).status).toBe(201)
      expect((await readiness(ctx)).status).toBe(200)
      expect(await counts(direct.db)).toEqual({ tickets: 2, outbox: 2, keys: 2 })
      expect(linesNamed(ctx, 'storage fault')).toHaveLength(1)
    } finally {
      await close()
    }
  })

  it('names a lost connection once while the chat bus keeps reconnecting', async () => {
    const { ctx, direct, proxy, close } = await appBehindProxy()
    const handle = await openDatabase(proxiedUrl(proxy.port), { schema: direct.schema ?? '' })
    const bus = await createPostgresBus(handle.pool as pg.Pool, {
      schema: direct.schema,
      logger: ctx.logger,
    })
    try {
      await proxy.cut()
      // The bus retries with a growing backoff (100 ms, 200 ms, ...): wait for a few attempts,
      // counted as faults noted or as lines of their own.
      const attempts = () =>
        (storageHealthOf(handle.pool as object).current()?.failures ?? 0) +
        linesNamed(ctx, 'listen reconnect failed').length
      await vi.waitFor(() => expect(attempts()).toBeGreaterThan(3), {
        timeout: 10_000,
        interval: 20,
      })
      expect(linesNamed(ctx, 'listen reconnect failed')).toEqual([])
      expect(linesNamed(ctx, 'storage fault')).toHaveLength(1)
    } finally {
      await proxy.restore()
      await bus.close()
      await handle.close()
      await close()
    }
  })

  it('outlives the server ending its idle connections (pg_terminate_backend)', async () => {
    const { ctx, proxy, database, close } = await appBehindProxy()
    try {
      expect((await contact(ctx)).status).toBe(201)
      // Nothing else may open connections meanwhile: the pool must be left with only the
      // clients the server is about to end.
      await ctx.deps.outbox.stop()
      const ports = proxy.upstreamPorts()
      expect(ports.length).toBeGreaterThan(0)
      const admin = new pg.Client({ connectionString: process.env['TEST_DATABASE_URL'] })
      await admin.connect()
      try {
        const ended = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where client_port = any($1)',
          [ports],
        )
        expect(ended.rowCount).toBe(ports.length)
      } finally {
        await admin.end()
      }
      // Unheard, the pool's 'error' event for the idle client would have ended this process.
      await vi.waitFor(() => expect(proxy.upstreamPorts()).toEqual([]), { timeout: 5_000 })
      // The proxy sees the ends before the pool does; a request in between would meet a dead
      // client (a 503, rightly). Wait until the pool has heard of every end and dropped them.
      await vi.waitFor(() => expect(database.pool?.totalCount).toBe(0), { timeout: 5_000 })
      expect((await contact(ctx)).status).toBe(201)
      expect((await readiness(ctx)).status).toBe(200)
    } finally {
      await close()
    }
  })
})

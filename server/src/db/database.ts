import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import type pg from 'pg'
import { migrations } from './migrations/index.ts'
import type { Logger } from '../logger.ts'
import { applyMigrations } from './migrator.ts'
import type { Database } from './schema.ts'
import { openSqliteConnection } from './sqlite-connection.ts'
import { createStorageHealth, registerStorageHealth, type StorageHealth } from './storage-health.ts'

export type Dialect = 'sqlite' | 'postgres'

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: Dialect
  /** A PostgreSQL pool for LISTEN/NOTIFY; absent on SQLite. */
  pool: pg.Pool | undefined
  /** PostgreSQL schema the tables live in; undefined means the default search path. */
  schema: string | undefined
  /** Storage faults seen by this process and whether they have cleared (see storage-health). */
  health: StorageHealth
  close(): Promise<void>
}

/**
 * The PostgreSQL driver, loaded only by a server that uses PostgreSQL (a SQLite start does not
 * pay for its modules).
 */
async function loadPg(): Promise<typeof pg> {
  const { default: driver } = await import('pg')
  // bigint (int8) columns hold epoch milliseconds, well inside Number's exact range.
  driver.types.setTypeParser(20, (v) => Number(v))
  return driver
}

export interface OpenOptions {
  /** PostgreSQL schema to use (tests give each app its own); created when missing. */
  schema?: string
  /** Where faults the pool meets on its own (an idle connection cut) are logged. */
  logger?: Logger
  /** SQLite test seam: see SqliteConnectionOptions. */
  writeProtected?: () => boolean
  /**
   * SQLite test seam: an in-memory database starts as a copy of this serialized one
   * (`serialize()` of a migrated database), so the suite migrates once rather than per test.
   */
  sqliteImage?: Buffer
}

/** Opens the database named by a `sqlite:` or `postgres:` URL. */
export async function openDatabase(
  url: string,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length), options)
  return openPostgres(url, options)
}

function openSqlite(path: string, options: OpenOptions): DatabaseHandle {
  const file = path === '' || path === ':memory:' ? ':memory:' : resolve(path)
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  if (options.sqliteImage !== undefined && file !== ':memory:') {
    throw new Error('a SQLite image opens only as an in-memory database')
  }
  const connection = openSqliteConnection(
    options.sqliteImage ?? file,
    options.writeProtected !== undefined ? { writeProtected: options.writeProtected } : {},
  )
  const health = createStorageHealth()
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: connection }),
    log: (event) => {
      if (event.level === 'error') {
        const code = (event.error as { code?: unknown }).code
        if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) connection.reopenSoon()
      } else if (health.current() !== undefined && !connection.inTransaction()) {
        // A write that committed (on its own or as `commit`) shows the storage takes writes again.
        if (committedWrite.test(event.query.sql)) health.recovered()
      }
    },
  })
  registerStorageHealth(db, health)
  return {
    db,
    dialect: 'sqlite',
    pool: undefined,
    schema: undefined,
    health,
    close: () => db.destroy(),
  }
}

const committedWrite = /^\s*(insert|update|delete|replace|commit)\b/i

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  const { schema } = options
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`invalid schema name ${schema}`)
  }
  const pg = await loadPg()
  if (schema !== undefined) {
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    } finally {
      await admin.end()
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  })
  const health = createStorageHealth()
  // A client whose connection drops (a restart, pg_terminate_backend, a network cut) emits
  // 'error', in use or idle; unheard, that event would end the process. The query in flight
  // fails on its own and the pool replaces the client, so this only has to note the fault.
  const { logger } = options
  pool.on('connect', (client) => {
    client.on('error', (err) =>
      health.report(err, { ...(logger ? { logger } : {}), source: 'connection' }),
    )
  })
  // The pool re-emits an idle client's error; the listener above has noted it already.
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      const fault = health.current()
      if (fault === undefined || event.level === 'error') return
      // Any answer shows the server is reachable again; a full disk is over once a commit is.
      if (fault.code === 'storage_unavailable' || /^\s*commit\b/i.test(event.query.sql)) {
        health.recovered()
      }
    },
  })
  registerStorageHealth(db, health)
  // The chat bus holds the pool, not Kysely: its reconnect failures join the same episode.
  registerStorageHealth(pool, health)
  return { db, dialect: 'postgres', pool, schema, health, close: () => db.destroy() }
}

/** Applies every migration not yet applied; throws with the failing migration's name. */
export async function migrateToLatest(
  handle: Pick<DatabaseHandle, 'db' | 'dialect'>,
): Promise<string[]> {
  return applyMigrations(handle.db, migrations, handle.dialect)
}

/** Resolves when the database answers a trivial query; throws why not. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db)
}

const probeRolledBack = new Error('probe rolled back')

/**
 * Tries a write without keeping it, to see whether a storage fault has cleared: on SQLite a
 * table created in a transaction that is rolled back (a read-only file refuses it; a full one
 * has no page for it); on PostgreSQL a round trip, since a lost connection is what it can tell.
 * Throws the fault when it is still there.
 */
export async function probeWrites(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`select 1`.execute(db)
    return
  }
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`create table porchlight_write_probe (x)`.execute(trx)
      throw probeRolledBack
    })
    .catch((err: unknown) => {
      if (err !== probeRolledBack) throw err
    })
}

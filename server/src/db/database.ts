import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { migrations } from './migrations/index.ts'
import { applyMigrations } from './migrator.ts'
import type { Database } from './schema.ts'

export type Dialect = 'sqlite' | 'postgres'

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: Dialect
  /** A PostgreSQL pool for LISTEN/NOTIFY; absent on SQLite. */
  pool: pg.Pool | undefined
  /** PostgreSQL schema the tables live in; undefined means the default search path. */
  schema: string | undefined
  close(): Promise<void>
}

// bigint (int8) columns hold epoch milliseconds, well inside Number's exact range.
pg.types.setTypeParser(20, (v) => Number(v))

export interface OpenOptions {
  /** PostgreSQL schema to use (tests give each app its own); created when missing. */
  schema?: string
}

/** Opens the database named by a `sqlite:` or `postgres:` URL. */
export async function openDatabase(
  url: string,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length))
  return openPostgres(url, options.schema)
}

function openSqlite(path: string): DatabaseHandle {
  const file = path === '' || path === ':memory:' ? ':memory:' : resolve(path)
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new SqliteDatabase(file)
  // WAL lets readers work while a write commits; FULL sync because an acknowledged ticket must
  // survive a power cut; busy_timeout rides out short write locks instead of failing at once.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = FULL')
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  })
  return { db, dialect: 'sqlite', pool: undefined, schema: undefined, close: () => db.destroy() }
}

const STATEMENT_CACHE_SIZE = 256

// Kysely prepares every query anew, and preparing costs more than running a small indexed read
// (it was the largest share of the order list's time). Statements are reusable, so keep them
// by SQL text; a statement still busy (a stream being read) is never handed out twice.
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = cache.get(sql)
      if (cached !== undefined && !cached.busy) return cached
      const statement = sqlite.prepare(sql)
      if (cached === undefined) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string)
        cache.set(sql, statement)
      }
      return statement
    },
  }
}

async function openPostgres(url: string, schema: string | undefined): Promise<DatabaseHandle> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`invalid schema name ${schema}`)
  }
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', pool, schema, close: () => db.destroy() }
}

/** Applies every migration not yet applied; throws with the failing migration's name. */
export async function migrateToLatest(
  handle: Pick<DatabaseHandle, 'db' | 'dialect'>,
): Promise<string[]> {
  return applyMigrations(handle.db, migrations, handle.dialect)
}

/** True when the database answers a trivial query. */
export async function isReachable(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}

import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import pg from 'pg'
import { testDialect } from './harness.ts'

/**
 * A database for server processes a test starts and kills: a SQLite file or a fresh PostgreSQL
 * schema (as the test project says), the env that points a server at it, and a way to look
 * inside from the test once the servers are gone.
 */
export interface ProcessDatabase {
  env: Record<string, string>
  /** Rows of one read-only query (SQLite: `?` parameters; PostgreSQL: `$1`). */
  rows<T>(query: string, params?: unknown[]): Promise<T[]>
  /** 'ok' when the database is intact (SQLite's PRAGMA integrity_check; PostgreSQL: a read). */
  integrity(): Promise<string>
  drop(): Promise<void>
}

export function processDatabase(): ProcessDatabase {
  if (testDialect === 'sqlite') {
    const file = join(mkdtempSync(join(tmpdir(), 'pl-crash-')), 'porchlight.db')
    const open = () => new SqliteDatabase(file, { readonly: true })
    return {
      env: { DATABASE_URL: `sqlite:${file}` },
      async rows<T>(query: string, params: unknown[] = []) {
        const db = open()
        try {
          return db.prepare(query).all(...params) as T[]
        } finally {
          db.close()
        }
      },
      async integrity() {
        const db = open()
        try {
          return String(db.pragma('integrity_check', { simple: true }))
        } finally {
          db.close()
        }
      },
      drop: async () => {},
    }
  }
  const url = process.env['TEST_DATABASE_URL']
  if (url === undefined) throw new Error('TEST_DATABASE_URL is needed on PostgreSQL')
  const schema = `p_${randomBytes(6).toString('hex')}`
  const withClient = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` })
    await client.connect()
    try {
      return await fn(client)
    } finally {
      await client.end()
    }
  }
  return {
    env: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
    rows: <T>(query: string, params: unknown[] = []) =>
      withClient(async (c) => (await c.query(query, params)).rows as T[]),
    integrity: () =>
      withClient(async (c) => {
        await c.query('select count(*) from tickets')
        await c.query('select count(*) from outbox_messages')
        return 'ok'
      }),
    drop: () =>
      withClient(async (c) => void (await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))),
  }
}

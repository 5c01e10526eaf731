import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { afterAll, inject, onTestFinished } from 'vitest'
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/database.ts'
import type { Database } from '../db/schema.ts'
import { claimFreeSchema, dropSchema, parkSchema, schemaName } from './postgres-schemas.ts'

/**
 * Which database this run of the server suite uses. The root vitest config runs the suite once
 * per database: `server:sqlite` always, `server:postgres` when TEST_DATABASE_URL is set.
 */
export const testDialect = process.env['PORCHLIGHT_TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite'

const fileHandles: Array<() => Promise<void>> = []
// One at a time: dropping a PostgreSQL test schema takes about 390 locks (every table, index,
// sequence and row type), and the server's shared lock table holds 64 per connection slot
// (6,400 by default). A file's 20-odd schemas dropped at once ran it out ("out of shared
// memory") once in a CI run.
afterAll(async () => {
  for (const close of fileHandles.splice(0)) await close()
})

/**
 * Closes a database when the test that opened it has finished, or, opened outside a test
 * (beforeAll, the file's top level), when the file's tests are done.
 */
function closeWhenDone(close: () => Promise<void>) {
  try {
    onTestFinished(close)
  } catch {
    fileHandles.push(close)
  }
}

// Migrating costs more than many a test (27 migrations); each file migrates one in-memory
// database and each test starts from a copy of its image. Foreign keys on, as openDatabase
// has them, so the migrations run as they do in production.
let sqliteImage: Promise<Buffer> | undefined
async function migratedSqliteImage(): Promise<Buffer> {
  const sqlite = new SqliteDatabase(':memory:')
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    await migrateToLatest({ db, dialect: 'sqlite' })
    return sqlite.serialize()
  } finally {
    await db.destroy()
  }
}

/**
 * A fresh, migrated database for one test: an in-memory SQLite database, or on PostgreSQL a
 * schema of its own (recycled from an earlier test, emptied, see postgres-schemas.ts), so tests
 * never see each other's rows.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testDialect === 'sqlite') {
    sqliteImage ??= migratedSqliteImage()
    const handle = await openDatabase('sqlite::memory:', { sqliteImage: await sqliteImage })
    fileHandles.push(handle.close)
    return handle
  }
  const url = process.env['TEST_DATABASE_URL']
  if (url === undefined) throw new Error('TEST_DATABASE_URL is required for the postgres run')
  const template = inject('pgTemplate')
  const prefix = inject('pgSchemaPrefix')
  const recycled = template?.recyclable ? await claimFreeSchema(url, prefix) : undefined
  const schema = recycled ?? schemaName(prefix)
  const handle = await openDatabase(url, { schema })
  try {
    if (recycled === undefined) await migrateToLatest(handle)
  } catch (err) {
    await handle.close()
    await dropSchema(url, schema)
    throw err
  }
  closeWhenDone(async () => {
    await handle.close()
    // Parked for the next test once its connections are closed; the global teardown sweeps
    // whatever a crashed worker left behind.
    if (template !== undefined) await parkSchema(url, template, schema)
    else await dropSchema(url, schema)
  })
  return handle
}

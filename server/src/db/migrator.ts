import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Applies pending migrations in name order, each recorded in `porchlight_migrations`.
 *
 * Our own small migrator instead of Kysely's: Kysely's checks for its bookkeeping tables by
 * introspecting every schema of the database, which grows slow with many schemas (one per
 * test) and fails when another process drops a schema mid-scan. Here nothing is introspected.
 * One transaction covers the whole run; on PostgreSQL an advisory lock (scoped to the
 * transaction and to the schema) makes several processes starting at once apply each migration exactly once,
 * and SQLite serializes writers by itself. Migrations that sort before applied ones (merged
 * later from another branch) are still applied: every migration runs once, whatever its place.
 */
export async function applyMigrations(
  db: Kysely<any>,
  migrations: Record<string, Migration>,
  dialect: 'sqlite' | 'postgres',
  now: () => Date = () => new Date(),
): Promise<string[]> {
  await sql`create table if not exists porchlight_migrations (
    name text primary key,
    applied_at bigint not null
  )`.execute(db)
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') {
      // 0x706c6d67 = "plmg", the key of Porchlight migrations, paired with the schema they
      // apply to: processes migrating one schema take turns, while other schemas of the same
      // database (each test's, another deployment's) never wait on each other.
      await sql`select pg_advisory_xact_lock(${0x706c6d67}, hashtext(current_schema()))`.execute(
        trx,
      )
    }
    const applied = new Set(
      (await trx.selectFrom('porchlight_migrations').select('name').execute()).map(
        (r: { name: string }) => r.name,
      ),
    )
    const pending = Object.keys(migrations)
      .sort()
      .filter((name) => !applied.has(name))
    for (const name of pending) {
      try {
        await migrations[name]!.up(trx)
      } catch (err) {
        throw new Error(`migration ${name} failed: ${(err as Error).message}`, { cause: err })
      }
      await trx
        .insertInto('porchlight_migrations')
        .values({ name, applied_at: now().getTime() })
        .execute()
    }
    return pending
  })
}

import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * The PostgreSQL schemas of a test run. Making a migrated schema costs seconds (47 tables, their
 * indexes and toast tables are hundreds of files), and the suite wanted one per test, so the run
 * migrates one template schema and then recycles: a test's schema, once the test is done, is
 * emptied back to the template's rows and parked under a free name; the next test renames it to
 * a fresh name of its own. Parking checks that the schema still has the template's shape; one
 * that does not (a test changed its tables) is dropped instead.
 */

/** What the global setup learns from the template and hands to the test workers. */
export interface SchemaTemplate {
  /** The run's prefix: every schema of the run is named `<prefix>_...`. */
  prefix: string
  /** The migrated schema nothing writes to; its rows are what a clean schema holds. */
  schema: string
  /** Digest of the template's tables, columns, constraints and indexes (see shapeOf). */
  shape: string
  /** Every table, parents before the tables that reference them. */
  tables: string[]
  /** Tables that hold rows in the template (migrations' bookkeeping, any seeded by a migration). */
  seeded: string[]
  /** False when the template holds what emptying cannot reset (sequences, triggers). */
  recyclable: boolean
}

/** Runs `work` on a short-lived connection of its own. */
export async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A random schema name under the run's prefix, which the global teardown sweeps. */
export const schemaName = (prefix: string, kind = '') =>
  `${prefix}_${kind}${randomBytes(6).toString('hex')}`

export function dropSchema(url: string, schema: string) {
  return withAdmin(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))
}

// Names of the schema itself are stripped from definitions so that two schemas compare equal.
const shapeQuery = `
  select md5(coalesce(string_agg(item, E'\\n' order by item), '')) as shape from (
    select format('rel %s %s %s %s', c.relname, c.relkind, c.relacl, c.reloptions) as item
      from pg_class c where c.relnamespace = $1::text::regnamespace
    union all
    select format('col %s.%s %s %s %s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
        a.attnotnull, pg_get_expr(d.adbin, d.adrelid))
      from pg_attribute a join pg_class c on c.oid = a.attrelid
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where c.relnamespace = $1::text::regnamespace and a.attnum > 0 and not a.attisdropped
    union all
    select format('con %s %s', conname, replace(pg_get_constraintdef(oid), $1::text || '.', ''))
      from pg_constraint where connamespace = $1::text::regnamespace
    union all
    select format('idx %s', replace(pg_get_indexdef(i.indexrelid), $1::text || '.', ''))
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where c.relnamespace = $1::text::regnamespace
    union all
    select format('trg %s', t.tgname) from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where c.relnamespace = $1::text::regnamespace and not t.tgisinternal
    union all
    select format('fn %s', proname) from pg_proc where pronamespace = $1::text::regnamespace
  ) items`

async function shapeOf(client: pg.Client, schema: string): Promise<string> {
  const { rows } = await client.query<{ shape: string }>(shapeQuery, [schema])
  return rows[0]!.shape
}

/** Reads what recycling needs from the migrated template schema. */
export async function describeTemplate(
  client: pg.Client,
  prefix: string,
  schema: string,
): Promise<SchemaTemplate> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = $1 order by tablename`,
    [schema],
  )
  const { rows: refs } = await client.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c where c.contype = 'f' and c.connamespace = $1::text::regnamespace`,
    [schema],
  )
  const { rows: blockers } = await client.query(
    `select 1 from pg_class where relnamespace = $1::text::regnamespace and relkind = 'S'
     union all
     select 1 from pg_trigger t join pg_class c on c.oid = t.tgrelid
       where c.relnamespace = $1::text::regnamespace and not t.tgisinternal`,
    [schema],
  )
  const unqualified = (name: string) => name.slice(name.indexOf('.') + 1)
  const ordered = parentsFirst(
    tables.map((t) => t.name),
    refs.map((r) => ({ child: unqualified(r.child), parent: unqualified(r.parent) })),
  )
  const seeded: string[] = []
  for (const table of ordered ?? []) {
    const { rowCount } = await client.query(`select 1 from ${schema}.${table} limit 1`)
    if (rowCount !== 0) seeded.push(table)
  }
  return {
    prefix,
    schema,
    shape: await shapeOf(client, schema),
    tables: ordered ?? [],
    seeded,
    recyclable: ordered !== undefined && blockers.length === 0,
  }
}

/** Tables sorted so each comes after those it references; undefined when references loop. */
function parentsFirst(tables: string[], refs: Array<{ child: string; parent: string }>) {
  const sorted: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (table: string): boolean => {
    if (state.get(table) === 'done') return true
    if (state.get(table) === 'visiting') return false
    state.set(table, 'visiting')
    for (const ref of refs) {
      if (ref.child === table && ref.parent !== table && !visit(ref.parent)) return false
    }
    state.set(table, 'done')
    sorted.push(table)
    return true
  }
  return tables.every(visit) ? sorted : undefined
}

/**
 * Takes a parked schema of the run and gives it a fresh name; undefined when none is free.
 * Renaming is atomic, so two workers never get the same one: the loser's rename fails.
 */
export async function claimFreeSchema(url: string, prefix: string): Promise<string | undefined> {
  return withAdmin(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      'select nspname as name from pg_namespace where starts_with(nspname, $1) order by random()',
      [`${prefix}_free_`],
    )
    for (const { name } of rows) {
      const schema = schemaName(prefix)
      try {
        await client.query(`ALTER SCHEMA ${name} RENAME TO ${schema}`)
        return schema
      } catch {
        // Another worker took it first.
      }
    }
    return undefined
  })
}

/**
 * Empties a test's schema back to the template's rows and parks it for the next test, once
 * nothing uses it any more (its connections closed); drops it when its shape has changed.
 */
export async function parkSchema(url: string, template: SchemaTemplate, schema: string) {
  await withAdmin(url, async (client) => {
    if (!template.recyclable || (await shapeOf(client, schema)) !== template.shape) {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      return
    }
    const emptied = [...template.tables].reverse().map((t) => `DELETE FROM ${schema}.${t};`)
    const refilled = template.seeded.map(
      (t) => `INSERT INTO ${schema}.${t} SELECT * FROM ${template.schema}.${t};`,
    )
    const parked = schemaName(template.prefix, 'free_')
    // One transaction: a schema is parked clean or not at all.
    await client.query(
      [
        'BEGIN;',
        ...emptied,
        ...refilled,
        `ALTER SCHEMA ${schema} RENAME TO ${parked};`,
        'COMMIT;',
      ].join('\n'),
    )
  })
}

import { describe, expect, inject, it } from 'vitest'
import { migrateToLatest, openDatabase } from '../db/database.ts'
import {
  claimFreeSchema,
  dropSchema,
  parkSchema,
  schemaName,
  withAdmin,
  type SchemaTemplate,
} from './postgres-schemas.ts'
import { testDialect } from './test-database.ts'

const url = process.env['TEST_DATABASE_URL'] as string

async function usedSchema() {
  const schema = schemaName(inject('pgSchemaPrefix'))
  const handle = await openDatabase(url, { schema })
  await migrateToLatest(handle)
  await handle.db
    .insertInto('stores')
    .values({
      id: 'st_used',
      name: 'Used',
      widget_key: 'pk_used',
      allowed_origins: '[]',
      settings: '{}',
      adapter_kind: 'demo',
      adapter_config: '{}',
      created_at: 0,
    })
    .execute()
  return { schema, handle }
}

const exists = (schema: string) =>
  withAdmin(url, async (c) => {
    const { rowCount } = await c.query('select 1 from pg_namespace where nspname = $1', [schema])
    return rowCount === 1
  })

describe.skipIf(testDialect !== 'postgres')('recycled PostgreSQL test schemas', () => {
  const template = () => inject('pgTemplate') as SchemaTemplate

  it('parks a used schema emptied back to the template, and hands it out under a new name', async () => {
    expect(template().recyclable).toBe(true)
    const { schema, handle } = await usedSchema()
    await handle.close()
    await parkSchema(url, template(), schema)
    expect(await exists(schema)).toBe(false)
    // Another worker may claim it first; whichever parked schema comes back is clean.
    const claimed = await claimFreeSchema(url, inject('pgSchemaPrefix'))
    expect(claimed).toBeDefined()
    try {
      const counts = await withAdmin(url, async (c) => ({
        stores: (await c.query(`select 1 from ${claimed}.stores`)).rowCount,
        migrations: (await c.query(`select 1 from ${claimed}.porchlight_migrations`)).rowCount,
        expected: (await c.query(`select 1 from ${template().schema}.porchlight_migrations`))
          .rowCount,
      }))
      expect(counts.stores).toBe(0)
      expect(counts.migrations).toBe(counts.expected)
      expect(counts.migrations).toBeGreaterThan(0)
    } finally {
      await dropSchema(url, claimed as string)
    }
  })

  it('drops rather than parks a schema whose tables a test changed', async () => {
    const { schema, handle } = await usedSchema()
    await handle.close()
    await withAdmin(url, (c) => c.query(`alter table ${schema}.stores add column extra text`))
    await parkSchema(url, template(), schema)
    expect(await exists(schema)).toBe(false)
    const parkedWithExtra = await withAdmin(url, (c) =>
      c.query(
        `select 1 from information_schema.columns
          where table_schema like $1 and table_name = 'stores' and column_name = 'extra'`,
        [`${inject('pgSchemaPrefix')}\\_free\\_%`],
      ),
    )
    expect(parkedWithExtra.rowCount).toBe(0)
  })
})

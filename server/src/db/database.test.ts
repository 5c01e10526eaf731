import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase, type DatabaseHandle } from './database.ts'
import { insertStore } from './stores.repository.ts'

describe('SQLite statement cache', () => {
  it('answers repeated queries correctly after streams, other parameters and writes', async () => {
    const handle = await openDatabase('sqlite::memory:')
    await migrateToLatest(handle)
    try {
      for (const id of ['st_a', 'st_b', 'st_c']) {
        await insertStore(handle.db, {
          id,
          name: id,
          widget_key: `pk_${id}_key`,
          allowed_origins: '[]',
          settings: '{}',
          adapter_kind: 'demo',
          adapter_config: '{}',
          created_at: 0,
        })
      }
      const query = () => handle.db.selectFrom('stores').select('id').orderBy('id')
      const streamed: string[] = []
      for await (const row of query().stream()) streamed.push(row.id)
      expect(streamed).toEqual(['st_a', 'st_b', 'st_c'])
      // The same statement serves again after a stream, with other parameters, and sees writes.
      expect((await query().execute()).map((r) => r.id)).toEqual(streamed)
      const one = (id: string) =>
        handle.db.selectFrom('stores').select('id').where('id', '=', id).execute()
      expect(await one('st_a')).toEqual([{ id: 'st_a' }])
      expect(await one('st_c')).toEqual([{ id: 'st_c' }])
      await handle.db.deleteFrom('stores').where('id', '=', 'st_b').execute()
      expect((await query().execute()).map((r) => r.id)).toEqual(['st_a', 'st_c'])
    } finally {
      await handle.close()
    }
  })
})

describe('SQLite when SQLite itself rolled the transaction back (SQLITE_FULL)', () => {
  const store = (id: string, settings = '{}') => ({
    id,
    name: id,
    widget_key: `pk_${id}_key`,
    allowed_origins: '[]',
    settings,
    adapter_kind: 'demo' as const,
    adapter_config: '{}',
    created_at: 0,
  })

  async function fullDatabase() {
    const handle = await openDatabase('sqlite::memory:')
    await migrateToLatest(handle)
    await insertStore(handle.db, store('st_a'))
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(handle.db)).rows[0]
    await sql.raw(`pragma max_page_count = ${pages?.page_count}`).execute(handle.db)
    return handle
  }
  const storeIds = async (handle: DatabaseHandle) =>
    (await handle.db.selectFrom('stores').select('id').orderBy('id').execute()).map((r) => r.id)

  it('throws the cause, not "cannot rollback - no transaction is active"', async () => {
    const handle = await fullDatabase()
    try {
      const attempt = handle.db.transaction().execute(async (trx) => {
        await insertStore(trx, store('st_b'))
        await insertStore(trx, store('st_c', 'x'.repeat(50_000)))
      })
      await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_FULL' })
      expect(await storeIds(handle)).toEqual(['st_a'])
    } finally {
      await handle.close()
    }
  })

  it('refuses the rest of a transaction whose callback swallowed the error', async () => {
    const handle = await fullDatabase()
    try {
      let swallowed: unknown
      const attempt = handle.db.transaction().execute(async (trx) => {
        await insertStore(trx, store('st_b'))
        await insertStore(trx, store('st_c', 'x'.repeat(50_000))).catch((err: unknown) => {
          swallowed = err
        })
        // Outside the transaction SQLite undid, this would commit on its own: half a write.
        await insertStore(trx, store('st_d'))
      })
      await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_ABORT_ROLLBACK' })
      expect(swallowed).toMatchObject({ code: 'SQLITE_FULL' })
      expect(await storeIds(handle)).toEqual(['st_a'])
      // The connection is usable again for the next transaction.
      await sql.raw('pragma max_page_count = 100000').execute(handle.db)
      await handle.db.transaction().execute((trx) => insertStore(trx, store('st_e')))
      expect(await storeIds(handle)).toEqual(['st_a', 'st_e'])
    } finally {
      await handle.close()
    }
  })
})

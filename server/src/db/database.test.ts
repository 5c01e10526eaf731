import { describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase } from './database.ts'
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

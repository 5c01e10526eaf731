import { describe, expect, it } from 'vitest'
import { DEMO_STORE_ID } from '../seed/demo-store.ts'
import { createTestApp, testDialect } from '../test/harness.ts'
import { listSettingsHistory, recordSettingsChange } from './settings-history.repository.ts'
import { findStoreById, saveStoreSettingsAt } from './stores.repository.ts'

describe(`settings history and versions (${testDialect})`, () => {
  it('records who changed what, newest first, and never a secret value', async () => {
    const { db } = await createTestApp()
    const actor = { kind: 'agent', id: 'ag_1', name: 'Ada' } as const
    await recordSettingsChange(db, {
      storeId: DEMO_STORE_ID,
      actor,
      section: 'widget',
      changes: [{ field: 'color', old: '#1f6feb', new: '#0b5e3a' }],
      at: 1000,
    })
    await recordSettingsChange(db, {
      storeId: DEMO_STORE_ID,
      actor: { kind: 'cli', name: 'porchlight store set' },
      section: 'webhooks',
      changes: [{ field: 'secret', old: 'whsec_old', new: 'whsec_new', secret: true }],
      at: 2000,
    })
    const entries = await listSettingsHistory(db, DEMO_STORE_ID, { limit: 10 })
    expect(entries.map((e) => e.section)).toEqual(['webhooks', 'widget'])
    expect(entries[0]).toMatchObject({
      at: 2000,
      actor: { kind: 'cli', name: 'porchlight store set' },
      changes: [{ field: 'secret', old: 'changed', new: 'changed', secret: true }],
    })
    expect(JSON.stringify(entries)).not.toContain('whsec_')
    expect(entries[1]).toMatchObject({ actor, changes: [{ field: 'color', new: '#0b5e3a' }] })
    expect(await listSettingsHistory(db, DEMO_STORE_ID, { limit: 10, before: 2000 })).toHaveLength(
      1,
    )
    expect(await listSettingsHistory(db, 'st_nobody', { limit: 10 })).toEqual([])
  })

  it('lets exactly one of two saves from the same version land', async () => {
    const { db } = await createTestApp()
    const store = await findStoreById(db, DEMO_STORE_ID)
    if (store === undefined) throw new Error('no demo store')
    const save = (color: string) =>
      saveStoreSettingsAt(db, store.id, store.settingsVersion, {
        settings: { ...store.settings, theme: { color } },
        name: `Store ${color}`,
      })
    const results = await Promise.all([save('#111111'), save('#222222')])
    expect(results.filter((v) => v === store.settingsVersion + 1)).toHaveLength(1)
    expect(results.filter((v) => v === null)).toHaveLength(1)
    const fresh = await findStoreById(db, store.id)
    expect(fresh?.settingsVersion).toBe(store.settingsVersion + 1)
    // The winner's settings and name, together.
    const winner = results[0] === null ? '#222222' : '#111111'
    expect(fresh?.settings['theme']).toEqual({ color: winner })
    expect(fresh?.name).toBe(`Store ${winner}`)
    expect(fresh?.allowedOrigins).toEqual(store.allowedOrigins)
  })
})

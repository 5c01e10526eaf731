import { describe, expect, it } from 'vitest'
import { findStoreById } from '../../db/stores.repository.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { settingsApp } from './settings-test-kit.ts'

const rules = {
  approveCancel: { enabled: true, withinHours: 4 },
  approveReturn: { enabled: true, lessThan: [{ currency: 'usd', amount: 5000 }] },
}

describe(`the Automation settings section (${testDialect})`, () => {
  it('is off by default, and any agent may read it', async () => {
    const t = await settingsApp()
    const read = await (await t.get('automation', t.agent.read)).json()
    expect(read).toMatchObject({
      section: 'automation',
      values: {
        approveCancel: { enabled: false, withinHours: 2 },
        approveReturn: { enabled: false, lessThan: [] },
      },
      problems: [],
      canEdit: false,
    })
  })

  it('saves valid rules, stores them where the rules read them, and records the change', async () => {
    const t = await settingsApp()
    const res = await t.edit('automation', rules)
    expect(res.status).toBe(200)
    const saved = await res.json()
    // Currency codes are kept upper-case, as orders name them.
    expect(saved.values.approveReturn.lessThan).toEqual([{ currency: 'USD', amount: 5000 }])
    const store = await findStoreById(t.db, 'st_demo')
    expect(store?.settings['automation']).toEqual(saved.values)
    const [entry] = await t.history()
    expect(entry).toMatchObject({
      section: 'automation',
      changes: [
        {
          field: 'approveCancel',
          old: { enabled: false, withinHours: 2 },
          new: { enabled: true, withinHours: 4 },
        },
        { field: 'approveReturn', new: saved.values.approveReturn },
      ],
    })
  })

  it('answers 400 naming the field, and saves nothing', async () => {
    const t = await settingsApp()
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { ...rules, approveCancel: { enabled: true, withinHours: 0 } },
        'values.approveCancel.withinHours',
      ],
      [
        { ...rules, approveCancel: { enabled: true, withinHours: 1.5 } },
        'values.approveCancel.withinHours',
      ],
      [
        { ...rules, approveReturn: { enabled: true, lessThan: [] } },
        'values.approveReturn.lessThan',
      ],
      [
        {
          ...rules,
          approveReturn: { enabled: true, lessThan: [{ currency: 'dollars', amount: 10 }] },
        },
        'values.approveReturn.lessThan.0.currency',
      ],
      [
        {
          ...rules,
          approveReturn: {
            enabled: true,
            lessThan: [
              { currency: 'EUR', amount: 10 },
              { currency: 'eur', amount: 20 },
            ],
          },
        },
        'values.approveReturn.lessThan.1.currency',
      ],
      [
        { ...rules, approveCancel: { enabled: 'yes', withinHours: 4 } },
        'values.approveCancel.enabled',
      ],
    ]
    for (const [values, path] of cases) {
      const res = await t.edit('automation', values)
      expect(res.status).toBe(400)
      const { error } = await res.json()
      expect(error.code).toBe('validation_failed')
      expect(error.details.map((d: { path: string }) => d.path)).toContain(path)
    }
    const extra = await t.edit('automation', { ...rules, approveEverything: true })
    expect(extra.status).toBe(400)
    expect((await findStoreById(t.db, 'st_demo'))?.settings['automation']).toBeUndefined()
    expect(await t.history()).toEqual([])
  })

  it('refuses an agent who is not an owner (403), and another store’s owner changes only theirs', async () => {
    const t = await settingsApp()
    const current = await (await t.get('automation')).json()
    const res = await t.put(
      'automation',
      { version: current.version, values: rules },
      t.agent.write,
    )
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('owner_required')
    await insertOtherStore(t)
    const other = await signInAgent(t, 'st_other', 'owner-of-other@example.com', 'owner')
    const theirs = await (await t.get('automation', other.read)).json()
    const saved = await t.put('automation', { version: theirs.version, values: rules }, other.write)
    expect(saved.status).toBe(200)
    expect((await findStoreById(t.db, 'st_demo'))?.settings['automation']).toBeUndefined()
    expect((await findStoreById(t.db, 'st_other'))?.settings['automation']).toMatchObject({
      approveCancel: { enabled: true },
    })
    expect(await t.history()).toEqual([])
  })

  it('lets one of two owners saving at once win; the other gets 409 and the fresh values', async () => {
    const t = await settingsApp()
    const second = await signInAgent(t, 'st_demo', 'second-owner-auto@example.com', 'owner')
    const current = await (await t.get('automation')).json()
    const save = (withinHours: number, headers: Record<string, string>) =>
      t.put(
        'automation',
        {
          version: current.version,
          values: { ...current.values, approveCancel: { enabled: true, withinHours } },
        },
        headers,
      )
    const [a, b] = await Promise.all([save(3, t.owner.write), save(9, second.write)])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const won = await (a.status === 200 ? a : b).json()
    const lost = await (a.status === 200 ? b : a).json()
    expect(lost.error.code).toBe('settings_stale')
    expect(lost.error.details.current).toEqual({ ...won, canEdit: true })
    expect(await t.history()).toHaveLength(1)
  })
})

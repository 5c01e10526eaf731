import { describe, expect, it } from 'vitest'
import { findStoreById, updateStoreSettings } from '../../db/stores.repository.ts'
import { DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { signInAgent, insertOtherStore } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { settingsApp } from './settings-test-kit.ts'

const widgetConfig = async (app: { request: (path: string) => Response | Promise<Response> }) =>
  (await app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}`)).json()

describe(`settings sections over HTTP (${testDialect})`, () => {
  it('lets any agent read a section, and says whether they may save it', async () => {
    const t = await settingsApp()
    const asAgent = await (await t.get('widget', t.agent.read)).json()
    expect(asAgent).toMatchObject({
      section: 'widget',
      values: { color: '#7a4b2a', position: 'right', greeting: {} },
      problems: [],
      canEdit: false,
    })
    expect(typeof asAgent.version).toBe('number')
    expect((await (await t.get('widget')).json()).canEdit).toBe(true)
    expect((await t.app.request('/v1/agent/settings/widget')).status).toBe(401)
  })

  it('saves a valid section, records who changed what, and shoppers see it at once', async () => {
    const t = await settingsApp()
    const before = await (await t.get('widget')).json()
    const res = await t.edit('widget', { color: '#0B5E3A', position: 'left' })
    expect(res.status).toBe(200)
    const saved = await res.json()
    expect(saved.values).toMatchObject({ color: '#0b5e3a', position: 'left' })
    expect(saved.version).toBe(before.version + 1)
    expect((await widgetConfig(t.app)).theme).toMatchObject({ color: '#0b5e3a', position: 'left' })
    const [entry] = await t.history()
    expect(entry).toMatchObject({
      actor: { kind: 'agent', name: 'Agent of st_demo' },
      section: 'widget',
      changes: [
        { field: 'color', old: '#7a4b2a', new: '#0b5e3a' },
        { field: 'position', old: 'right', new: 'left' },
      ],
    })
  })

  it('refuses an agent who is not an owner, with nothing saved', async () => {
    const t = await settingsApp()
    const current = await (await t.get('widget')).json()
    const res = await t.put(
      'widget',
      { version: current.version, values: { ...current.values, color: '#000000' } },
      t.agent.write,
    )
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('owner_required')
    expect((await widgetConfig(t.app)).theme.color).toBe('#7a4b2a')
    expect(await t.history()).toEqual([])
  })

  it('answers 400 naming the field, and saves nothing of the rest', async () => {
    const t = await settingsApp()
    const res = await t.edit('widget', { color: '#ff0000', position: 'left' })
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.code).toBe('validation_failed')
    expect(error.details).toEqual([
      { path: 'values.color', message: expect.stringContaining('3.99:1') },
    ])
    expect((await widgetConfig(t.app)).theme.position).toBe('right')
    const store = await t.edit('store', { timezone: 'Nowhere/Land', name: 'Renamed' })
    expect(store.status).toBe(400)
    expect((await store.json()).error.details[0].path).toBe('values.timezone')
    expect((await findStoreById(t.db, 'st_demo'))?.name).not.toBe('Renamed')
    const unknown = await t.edit('chat', { revertHours: 24, sneaky: true })
    expect(unknown.status).toBe(400)
    expect(await t.history()).toEqual([])
  })

  it('lets one of two owners saving at once win; the other gets 409 and the fresh values', async () => {
    const t = await settingsApp()
    const second = await signInAgent(t, 'st_demo', 'second-owner-xyz@example.com', 'owner')
    const current = await (await t.get('chat')).json()
    const save = (revertHours: number, headers: Record<string, string>) =>
      t.put(
        'chat',
        { version: current.version, values: { ...current.values, revertHours } },
        headers,
      )
    const [a, b] = await Promise.all([save(12, t.owner.write), save(48, second.write)])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual([200, 409])
    const winner = a.status === 200 ? a : b
    const loser = a.status === 200 ? b : a
    const won = await winner.json()
    const lost = await loser.json()
    expect(lost.error.code).toBe('settings_stale')
    expect(lost.error.details.current).toEqual({ ...won, canEdit: true })
    expect(await t.history()).toHaveLength(1)
  })

  it('reports fields broken in storage as problems, with the defaults shoppers get', async () => {
    const t = await settingsApp()
    const store = await findStoreById(t.db, 'st_demo')
    await updateStoreSettings(t.db, 'st_demo', {
      ...store?.settings,
      theme: { color: 'blue', position: 'left' },
      chat: { revertHours: -3 },
    })
    const widget = await (await t.get('widget')).json()
    expect(widget.problems).toEqual([{ field: 'color', reason: expect.any(String) }])
    expect(widget.values).toMatchObject({ color: '#1f6feb', position: 'left' })
    expect((await widgetConfig(t.app)).theme.color).toBe('#1f6feb')
    const chat = await (await t.get('chat')).json()
    expect(chat.problems.map((p: { field: string }) => p.field)).toEqual(['revertHours'])
    expect(chat.values.revertHours).toBe(24)
  })

  it('keeps each store to its own settings', async () => {
    const t = await settingsApp()
    await insertOtherStore(t)
    const other = await signInAgent(t, 'st_other', 'owner-of-other@example.com', 'owner')
    const mine = await (await t.get('store')).json()
    const theirs = await (await t.get('store', other.read)).json()
    expect(theirs.values.name).toBe('Other store')
    // The other store's owner saving at the demo store's version changes only their store.
    const res = await t.put(
      'store',
      { version: theirs.version, values: { ...theirs.values, name: 'Taken over' } },
      other.write,
    )
    expect(res.status).toBe(200)
    expect((await findStoreById(t.db, 'st_demo'))?.name).toBe(mine.values.name)
    expect(await t.history()).toEqual([])
  })
})

import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listSettingsHistory } from '../db/settings-history.repository.ts'
import { findStoreById } from '../db/stores.repository.ts'
import { DEMO_STORE_ID, seedDemoStore } from '../seed/demo-store.ts'
import { cliRunner } from '../test/cli-runner.ts'
import { openTestDatabase, testDialect } from '../test/harness.ts'

async function setup() {
  const database = await openTestDatabase()
  await seedDemoStore(database.db, new Date('2026-01-15T12:00:00Z'))
  const dir = await mkdtemp(join(tmpdir(), 'porchlight-settings-'))
  const file = async (content: unknown) => {
    const path = join(dir, `s-${Math.random().toString(36).slice(2)}.json`)
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content))
    return path
  }
  return { ...cliRunner(database), db: database.db, file }
}

describe(`store show / store set (${testDialect})`, () => {
  it('prints the settings as JSON that store set takes back, recording the change', async () => {
    const t = await setup()
    expect(await t.run('store', 'show', '--store', DEMO_STORE_ID)).toBe(0)
    const shown = JSON.parse(t.out.join('\n'))
    expect(Object.keys(shown)).toEqual(['store', 'widget', 'policies', 'chat', 'automation'])
    expect(shown.widget.color).toBe('#7a4b2a')
    expect(shown.automation.approveCancel).toEqual({ enabled: false, withinHours: 2 })
    shown.widget.color = '#0b5e3a'
    shown.chat.revertHours = 12
    shown.automation.approveCancel.enabled = true
    t.out.length = 0
    expect(
      await t.run('store', 'set', '--store', DEMO_STORE_ID, '--file', await t.file(shown)),
    ).toBe(0)
    expect(t.out.join('\n')).toContain('Saved store, widget, policies, chat, automation')
    const store = await findStoreById(t.db, DEMO_STORE_ID)
    expect(store?.settings['theme']).toMatchObject({ color: '#0b5e3a' })
    const history = await listSettingsHistory(t.db, DEMO_STORE_ID, { limit: 10 })
    expect(store?.settings['automation']).toMatchObject({ approveCancel: { enabled: true } })
    expect(history.map((h) => h.section).sort()).toEqual(['automation', 'chat', 'widget'])
    expect(history[0]?.actor).toEqual({ kind: 'cli', name: 'porchlight store set' })
  })

  it('refuses a file with a wrong field, naming it, and saves nothing of the rest', async () => {
    const t = await setup()
    const before = await findStoreById(t.db, DEMO_STORE_ID)
    const bad = {
      widget: { color: '#0b5e3a', position: 'left', greeting: {} },
      chat: {
        hours: null,
        closedDays: ['tomorrow'],
        backAt: {},
        typicalReply: 'auto',
        revertHours: 24,
      },
    }
    expect(await t.run('store', 'set', '--store', DEMO_STORE_ID, '--file', await t.file(bad))).toBe(
      1,
    )
    expect(t.err.join('\n')).toContain('chat.closedDays.0')
    expect(t.err.join('\n')).toContain('Nothing was saved.')
    expect((await findStoreById(t.db, DEMO_STORE_ID))?.settings).toEqual(before?.settings)
    expect(await t.run('store', 'set', '--store', DEMO_STORE_ID, '--file', await t.file('{'))).toBe(
      1,
    )
    expect(
      await t.run('store', 'set', '--store', DEMO_STORE_ID, '--file', await t.file({ shop: {} })),
    ).toBe(1)
    expect(await listSettingsHistory(t.db, DEMO_STORE_ID, { limit: 10 })).toEqual([])
  })

  it('names an unknown store, and asks for --file', async () => {
    const t = await setup()
    expect(await t.run('store', 'show', '--store', 'st_nobody')).toBe(1)
    expect(t.err.join('\n')).toContain('store_not_found')
    expect(await t.run('store', 'set', '--store', DEMO_STORE_ID)).toBe(2)
  })
})

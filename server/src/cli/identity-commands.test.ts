import { describe, expect, it } from 'vitest'
import { findStoreById } from '../db/stores.repository.ts'
import { seedDemoStore } from '../seed/demo-store.ts'
import { cliRunner } from '../test/cli-runner.ts'
import { openTestDatabase, testDialect } from '../test/harness.ts'

async function setup() {
  const database = await openTestDatabase()
  await seedDemoStore(database.db, new Date())
  const cli = cliRunner(database, { SECRET_KEY: 'cli-identity-secret-key-0123456789abcdef' })
  return { db: database.db, ...cli }
}

describe(`CLI: store identity-secret and store require-totp (${testDialect})`, () => {
  it('makes a secret shown once, rotates with a grace period, lists and ends them', async () => {
    const t = await setup()
    expect(await t.run('store', 'identity-secret', '--store', 'st_demo')).toBe(0)
    const first = /^secret: (plid_\S+)$/.exec(t.out.find((l) => l.startsWith('secret:')) ?? '')?.[1]
    const firstKid = /^kid: +(idk_\S+)$/.exec(t.out.find((l) => l.startsWith('kid:')) ?? '')?.[1]
    expect(first).toBeDefined()
    expect(await t.run('store', 'identity-secret', '--store', 'st_demo')).toBe(0)
    t.out.length = 0
    expect(await t.run('store', 'identity-secret', '--store', 'st_demo', '--list')).toBe(0)
    expect(t.out).toHaveLength(2)
    expect(t.out.filter((l) => l.endsWith('current'))).toHaveLength(1)
    expect(t.out.find((l) => l.startsWith(`${firstKid}  `))).toMatch(/ends \d{4}-/)
    expect(t.out.join('\n')).not.toContain(first)
    expect(await t.run('store', 'identity-secret', '--store', 'st_demo', '--end', firstKid!)).toBe(
      0,
    )
    expect(await t.run('store', 'identity-secret', '--store', 'st_demo', '--end', firstKid!)).toBe(
      1,
    )
    expect(t.err.at(-1)).toContain('identity_secret_not_found')
    expect(await t.run('store', 'identity-secret', '--store', 'st_nope')).toBe(1)
    expect(t.err.at(-1)).toContain('store_not_found')
    expect(await t.run('store', 'identity-secret')).toBe(2)
  })

  it('requires two-factor sign-in of a store’s agents, and stops requiring it', async () => {
    const t = await setup()
    expect(await t.run('store', 'require-totp', '--store', 'st_demo')).toBe(0)
    expect((await findStoreById(t.db, 'st_demo'))?.settings['agentTotpRequired']).toBe(true)
    expect(await t.run('store', 'require-totp', '--store', 'st_demo', '--off')).toBe(0)
    expect((await findStoreById(t.db, 'st_demo'))?.settings['agentTotpRequired']).toBe(false)
  })
})

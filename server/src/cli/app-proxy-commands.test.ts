import { describe, expect, it } from 'vitest'
import { findStoreById } from '../db/stores.repository.ts'
import { seedDemoStore } from '../seed/demo-store.ts'
import { cliRunner } from '../test/cli-runner.ts'
import { openTestDatabase, testDialect } from '../test/harness.ts'

async function setup() {
  const database = await openTestDatabase()
  await seedDemoStore(database.db, new Date())
  const cli = cliRunner(database, {
    SECRET_KEY: 'cli-app-proxy-secret-key-0123456789abcdef',
    PUBLIC_URL: 'https://support.example.com',
  })
  return { db: database.db, ...cli }
}

describe(`CLI: store app-proxy (${testDialect})`, () => {
  it('keeps the default path and prints what the Dev Dashboard app needs', async () => {
    const t = await setup()
    expect(await t.run('store', 'app-proxy', '--store', 'st_demo')).toBe(0)
    expect((await findStoreById(t.db, 'st_demo'))?.settings['shopifyAppProxy']).toBe(
      '/apps/porchlight',
    )
    expect(t.out).toEqual([
      "In the Dev Dashboard app's App proxy: prefix apps, subpath porchlight,",
      'proxy URL https://support.example.com/v1/shopify/proxy/st_demo',
    ])
  })

  it('takes another path Shopify allows, and refuses one it does not, saving nothing', async () => {
    const t = await setup()
    expect(await t.run('store', 'app-proxy', '--store', 'st_demo', '--path', '/tools/help')).toBe(0)
    expect((await findStoreById(t.db, 'st_demo'))?.settings['shopifyAppProxy']).toBe('/tools/help')
    for (const bad of ['/shop/help', '/apps/a/b', 'apps/help', '/apps/' + 'x'.repeat(31)]) {
      expect(await t.run('store', 'app-proxy', '--store', 'st_demo', '--path', bad)).toBe(2)
    }
    expect((await findStoreById(t.db, 'st_demo'))?.settings['shopifyAppProxy']).toBe('/tools/help')
    expect(await t.run('store', 'app-proxy', '--store', 'st_nope')).toBe(1)
    expect(t.err.at(-1)).toContain('store_not_found')
    expect(await t.run('store', 'app-proxy')).toBe(2)
  })
})

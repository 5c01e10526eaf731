import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.ts'
import { findStoreByWidgetKey } from '../db/stores.repository.ts'
import { loadAssetsFromStrings } from '../test/assets.ts'
import { createTestApp, testDialect } from '../test/harness.ts'
import { DEMO_WIDGET_KEY } from './demo-store.ts'
import { seedTestHostsStore, TEST_HOSTS_WIDGET_KEY } from './test-hosts-store.ts'
import { PRODUCTION_TEST_KEY } from '../test/keys.ts'

const hostOrigin = 'http://localhost:41234'

describe('PORCHLIGHT_TEST_HOST_ORIGINS', () => {
  it('is empty unless set, and reads a comma-separated list of origins', () => {
    expect(loadConfig({}).testHostOrigins).toEqual([])
    expect(
      loadConfig({ PORCHLIGHT_TEST_HOST_ORIGINS: ' http://localhost:1 , https://a.test ' })
        .testHostOrigins,
    ).toEqual(['http://localhost:1', 'https://a.test'])
  })

  it.each([['localhost:1'], ['http://localhost:1/'], ['http://a.test/path'], ['ftp://a.test']])(
    'refuses %j, which is not an http(s) origin',
    (value) => {
      expect(() => loadConfig({ PORCHLIGHT_TEST_HOST_ORIGINS: value })).toThrow(ConfigError)
    },
  )

  it('cannot be set in production', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SECRET_KEY: PRODUCTION_TEST_KEY,
        PORCHLIGHT_TEST_HOST_ORIGINS: hostOrigin,
      }),
    ).toThrow(/PORCHLIGHT_TEST_HOST_ORIGINS/)
  })
})

describe(`test hosts store (${testDialect})`, () => {
  it('lets the host origins embed the panel and read the config, and no one else', async () => {
    const { app, db, clock } = await createTestApp({
      assets: loadAssetsFromStrings({ '/app/index.html': '<!doctype html><p>app' }),
    })
    await seedTestHostsStore(db, [hostOrigin], clock.now())

    const panel = await app.request(`/w/${TEST_HOSTS_WIDGET_KEY}`)
    const ancestors = /frame-ancestors ([^;]*)/.exec(
      panel.headers.get('content-security-policy') ?? '',
    )?.[1]
    expect(ancestors?.split(' ')).toContain(hostOrigin)
    const config = await app.request(`/v1/widget/config?key=${TEST_HOSTS_WIDGET_KEY}`, {
      headers: { origin: hostOrigin },
    })
    expect(config.headers.get('access-control-allow-origin')).toBe(hostOrigin)
    expect((await config.json()).theme).toEqual({
      color: '#0b6e4f',
      position: 'left',
      logoUrl: null,
    })
    // The demo store is untouched: the host origins cannot read or frame it.
    const demo = await app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}`, {
      headers: { origin: hostOrigin },
    })
    expect(demo.headers.get('access-control-allow-origin')).toBeNull()
    const demoPanel = await app.request(`/w/${DEMO_WIDGET_KEY}`)
    expect(demoPanel.headers.get('content-security-policy')).not.toContain(hostOrigin)
  })

  it('replaces the origins on the next start instead of adding a second store', async () => {
    const { db, clock } = await createTestApp()
    await seedTestHostsStore(db, [hostOrigin], clock.now())
    await seedTestHostsStore(db, ['http://localhost:5000'], clock.now())
    const store = await findStoreByWidgetKey(db, TEST_HOSTS_WIDGET_KEY)
    expect(store?.allowedOrigins).toEqual(['http://localhost:5000'])
    const count = await db
      .selectFrom('stores')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('widget_key', '=', TEST_HOSTS_WIDGET_KEY)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)
  })
})

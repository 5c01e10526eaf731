import { describe, expect, it } from 'vitest'
import type { Store } from '../db/stores.repository.ts'
import { publicStoreConfig, storeOrigins } from './store-config.ts'

const store = (theme: Record<string, unknown>): Store => ({
  id: 'st_x',
  name: 'Lumen',
  widgetKey: 'pk_lumen',
  allowedOrigins: [],
  settings: { theme },
  adapterKind: 'demo',
  adapterConfig: {},
  settingsVersion: 1,
})

const logo = (logoUrl: unknown) =>
  publicStoreConfig(store({ logoUrl }), 'https://support.example.com').theme.logoUrl

describe('the public store configuration', () => {
  it.each([
    ['https://cdn.lumen.example/logo.png', 'https://cdn.lumen.example/logo.png'],
    ['http://cdn.lumen.example/logo.png', 'http://cdn.lumen.example/logo.png'],
  ])('passes the logo %s on', (raw, expected) => {
    expect(logo(raw)).toBe(expected)
  })

  it.each([
    'javascript:alert(1)',
    'data:image/svg+xml,<svg onload=alert(1)>',
    '/logo.png',
    'https://cdn.example@evil.example/logo.png',
    42,
  ])('leaves out the logo %j', (raw) => {
    expect(logo(raw)).toBeNull()
  })
})

describe('the origins a store allows', () => {
  it('adds our own origin, and in development every loopback name of it on its port', () => {
    expect(storeOrigins(['https://shop.example'], 'http://localhost:9000')).toEqual([
      'http://localhost:9000',
      'http://127.0.0.1:9000',
      'https://shop.example',
    ])
    expect(storeOrigins([], 'http://127.0.0.1:8787')).toContain('http://localhost:8787')
    expect(storeOrigins([], 'http://127.0.0.1:8787')).not.toContain('http://localhost:8788')
  })

  it('adds only its own origin for a public address', () => {
    expect(storeOrigins(['https://shop.example'], 'https://support.example.com')).toEqual([
      'https://support.example.com',
      'https://shop.example',
    ])
  })
})

describe('the app proxy path the loader asks on a Shopify storefront', () => {
  const shopify = (adapterConfig: Record<string, unknown>, settings = {}): Store => ({
    ...store({}),
    adapterKind: 'shopify',
    adapterConfig: { domain: 'lumen.myshopify.com', ...adapterConfig },
    settings,
  })
  const proxyOf = (s: Store) => publicStoreConfig(s, 'https://support.example.com').appProxy

  it('is the default subpath for a store connected through an app', () => {
    expect(proxyOf(shopify({ mode: 'client_credentials' }))).toBe('/apps/porchlight/identity')
    expect(proxyOf(shopify({ mode: 'oauth' }))).toBe('/apps/porchlight/identity')
  })

  it('follows the store’s own subpath, when it is one Shopify allows', () => {
    const custom = { shopifyAppProxy: '/tools/lumen-help' }
    expect(proxyOf(shopify({ mode: 'oauth' }, custom))).toBe('/tools/lumen-help/identity')
    for (const bad of ['/apps', '//evil.example/x', '/apps/a/b', 'https://x/apps/y', '/shop/x']) {
      expect(proxyOf(shopify({ mode: 'oauth' }, { shopifyAppProxy: bad }))).toBe(
        '/apps/porchlight/identity',
      )
    }
  })

  it('is null where Shopify would not sign the request: legacy apps and other stores', () => {
    expect(proxyOf(shopify({ mode: 'legacy' }))).toBeNull()
    expect(proxyOf(shopify({}))).toBeNull()
    expect(proxyOf(store({}))).toBeNull()
  })
})

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

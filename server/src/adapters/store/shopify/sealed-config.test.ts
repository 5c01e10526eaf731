import { describe, expect, it } from 'vitest'
import { createManualClock } from '../../../clock.ts'
import { findStoreById } from '../../../db/stores.repository.ts'
import { makeKeyring } from '../../../keyring.ts'
import { createMemoryLogger } from '../../../logger.ts'
import { openTestDatabase, testDialect } from '../../../test/harness.ts'
import { readShopifyConfig, sealShopifyConfig } from './shopify-config.ts'
import { FakeShop } from './testing/fake-shop.ts'
import { insertShopifyStore, testRuntime, virtualTime, WEBHOOK_SECRET } from './testing/test-kit.ts'

const OLD = 'old-secret-key-0123456789abcdefghijklmnop'
const NEW = 'new-secret-key-0123456789abcdefghijklmnop'

describe(`Shopify secrets at rest (${testDialect})`, () => {
  it('reads a plaintext config saved before sealing, and seals it under the current key', async () => {
    const { db } = await openTestDatabase()
    const shop = new FakeShop()
    const store = await insertShopifyStore(db, shop)
    expect(store.adapterConfig['accessToken']).toBe(shop.accessToken)
    const ring = makeKeyring(NEW)
    const runtime = testRuntime(
      { db, clock: createManualClock(), logger: createMemoryLogger() },
      virtualTime(),
      {
        keyring: ring,
      },
    )
    expect(runtime.connectionOf(store)).toEqual({
      mode: 'legacy',
      domain: shop.domain,
      accessToken: shop.accessToken,
      webhookSecret: WEBHOOK_SECRET,
    })
    await runtime.idle()
    const after = (await findStoreById(db, store.id))!
    const text = JSON.stringify(after.adapterConfig)
    expect(text).not.toContain(shop.accessToken)
    expect(text).not.toContain(WEBHOOK_SECRET)
    expect(readShopifyConfig(after.adapterConfig, store.id, ring)).toEqual({
      connection: runtime.connectionOf(store),
      needsReseal: false,
    })
  })

  it('keeps opening secrets across a key rotation and moves them to the new key', async () => {
    const { db } = await openTestDatabase()
    const shop = new FakeShop()
    const store = await insertShopifyStore(db, shop)
    const connection = {
      mode: 'client_credentials' as const,
      domain: shop.domain,
      clientId: 'client0123456789',
      clientSecret: 'shpss_rotating_secret',
      webhookSecret: 'shpss_rotating_secret',
    }
    const sealedOld = sealShopifyConfig(connection, { shopName: 'x' }, store.id, makeKeyring(OLD))
    await db
      .updateTable('stores')
      .set({ adapter_config: JSON.stringify(sealedOld) })
      .where('id', '=', store.id)
      .execute()
    const rotating = makeKeyring(NEW, OLD)
    const runtime = testRuntime(
      { db, clock: createManualClock(), logger: createMemoryLogger() },
      virtualTime(),
      {
        keyring: rotating,
      },
    )
    const before = (await findStoreById(db, store.id))!
    expect(runtime.connectionOf(before)).toEqual(connection)
    await runtime.idle()
    const after = (await findStoreById(db, store.id))!
    // Now it opens with SECRET_KEY alone, once SECRET_KEY_PREVIOUS is dropped.
    expect(readShopifyConfig(after.adapterConfig, store.id, makeKeyring(NEW))?.connection).toEqual(
      connection,
    )
    expect(readShopifyConfig(before.adapterConfig, store.id, makeKeyring(NEW))).toBeUndefined()
    expect(after.adapterConfig['shopName']).toBe('x')
  })

  it('keeps a webhook key of its own beside the client secret, when the admin made the webhooks', () => {
    const ring = makeKeyring(NEW)
    const app = {
      mode: 'client_credentials' as const,
      domain: 'lumen-loom.myshopify.com',
      clientId: 'client0123456789',
      clientSecret: 'shpss_app_secret_0000',
    }
    const own = sealShopifyConfig(
      { ...app, webhookSecret: 'admin_webhook_key_0000' },
      {},
      'st_x',
      ring,
    )
    expect(JSON.stringify(own)).not.toContain('admin_webhook_key_0000')
    expect(readShopifyConfig(own, 'st_x', ring)?.connection.webhookSecret).toBe(
      'admin_webhook_key_0000',
    )
    const same = sealShopifyConfig({ ...app, webhookSecret: app.clientSecret }, {}, 'st_x', ring)
    expect(same['webhookSecret']).toBeUndefined()
    expect(readShopifyConfig(same, 'st_x', ring)?.connection.webhookSecret).toBe(app.clientSecret)
  })
})

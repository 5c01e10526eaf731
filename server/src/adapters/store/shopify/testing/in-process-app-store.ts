import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/schema.ts'
import { replaceShopifyToken } from '../../../../db/shopify-tokens.repository.ts'
import type { Keyring } from '../../../../keyring.ts'
import { sealSecret } from '../../../../secret-box.ts'
import { sealShopifyConfig } from '../shopify-config.ts'
import { tokenPurpose } from '../token-keeper.ts'
import type { FakeShop } from './fake-shop.ts'
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './fake-oauth.ts'

export const TEST_SHOPIFY_APP_STORE_ID = 'st_test_shopify_app'
export const TEST_SHOPIFY_APP_WIDGET_KEY = 'pk_test_shopify_app'
/** The Dev Dashboard app's client secret: Shopify signs the app proxy's requests with it. */
export const TEST_SHOPIFY_APP_SECRET = TEST_CLIENT_SECRET

/** A client credentials token lives about a day; a journey never gets near its renewal. */
const TOKEN_LIFE_MS = 86_399_000

/**
 * A second store on the in-process shop (PORCHLIGHT_TEST_FAKE_SHOPIFY), connected the way the
 * README recommends, through a Dev Dashboard app's client credentials, for journeys that need
 * the app's secret (Shopify's app proxy). Its token row holds the shop's own token, so the
 * process needs no token endpoint and the legacy store beside it keeps working.
 */
export async function seedShopifyAppStore(
  db: Kysely<Database>,
  input: { shop: FakeShop; origins: string[]; now: Date; keyring: Keyring },
): Promise<void> {
  const { shop, keyring, now } = input
  const storeId = TEST_SHOPIFY_APP_STORE_ID
  const config = JSON.stringify(
    sealShopifyConfig(
      {
        mode: 'client_credentials',
        domain: shop.domain,
        clientId: TEST_CLIENT_ID,
        clientSecret: TEST_SHOPIFY_APP_SECRET,
        webhookSecret: TEST_SHOPIFY_APP_SECRET,
      },
      { shopName: shop.shopName, scopes: shop.scopes, customerAccess: 'level_2' },
      storeId,
      keyring,
    ),
  )
  await upsertShopifyTestStore(db, {
    id: storeId,
    name: `${shop.shopName} (Shopify app test)`,
    widgetKey: TEST_SHOPIFY_APP_WIDGET_KEY,
    origins: input.origins,
    settings: {},
    config,
    now,
  })
  await replaceShopifyToken(db, storeId, {
    domain: shop.domain,
    accessToken: sealSecret(keyring, tokenPurpose(storeId, 'access'), shop.accessToken),
    refreshToken: null,
    issuedAt: now.getTime(),
    expiresAt: now.getTime() + TOKEN_LIFE_MS,
    refreshExpiresAt: null,
  })
}

/** Writes a Shopify test store; each start rewrites its connection, as the shop is new. */
export async function upsertShopifyTestStore(
  db: Kysely<Database>,
  store: {
    id: string
    name: string
    widgetKey: string
    origins: string[]
    settings: Record<string, unknown>
    config: string
    now: Date
  },
): Promise<void> {
  const allowed = JSON.stringify(store.origins)
  await db
    .insertInto('stores')
    .values({
      id: store.id,
      name: store.name,
      widget_key: store.widgetKey,
      allowed_origins: allowed,
      settings: JSON.stringify(store.settings),
      adapter_kind: 'shopify',
      adapter_config: store.config,
      created_at: store.now.getTime(),
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        adapter_kind: 'shopify',
        adapter_config: store.config,
        allowed_origins: allowed,
      }),
    )
    .execute()
}

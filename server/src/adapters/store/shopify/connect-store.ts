import { setTimeout as delay } from 'node:timers/promises'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../../db/schema.ts'
import { deleteShopifyToken, replaceShopifyToken } from '../../../db/shopify-tokens.repository.ts'
import { replaceWebhookSubscriptions } from '../../../db/shopify-webhooks.repository.ts'
import { clearStoreOrderCache } from './order-cache.ts'
import { findStoreById } from '../../../db/stores.repository.ts'
import type { Keyring } from '../../../keyring.ts'
import type { Logger } from '../../../logger.ts'
import { sealSecret } from '../../../secret-box.ts'
import { AdminClient, fixedToken } from './admin-client.ts'
import { CostLimiter } from './cost-limiter.ts'
import { probeCustomerAccess, type CustomerAccess } from './customer-access.ts'
import { shopInfo } from './operations.ts'
import { REQUIRED_SCOPES, scopeWarnings } from './scopes.ts'
import {
  readShopifyConfig,
  sealShopifyConfig,
  shopDomain,
  type ShopifyConnection,
} from './shopify-config.ts'
import { clientCredentialsGrant, type TokenGrant } from './token-endpoint.ts'
import { tokenPurpose } from './token-keeper.ts'
import {
  ensureWebhookSubscriptions,
  storeWebhookUrl,
  webhookWarnings,
} from './webhook-subscriptions.ts'

export { RECOMMENDED_SCOPES, REQUIRED_SCOPES, scopeWarnings, WEBHOOK_TOPICS } from './scopes.ts'

const secretText = (what: string) =>
  z.string().trim().min(8, `the ${what} looks too short`).max(1000)
const clientId = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_-]{8,100}$/,
    'the client ID is the letters and digits shown in the Dev Dashboard',
  )

const legacyInput = z.object({
  mode: z.literal('legacy').default('legacy'),
  domain: shopDomain,
  accessToken: secretText('Admin API access token'),
  webhookSecret: secretText('webhook secret'),
})
const clientCredentialsInput = z.object({
  mode: z.literal('client_credentials'),
  domain: shopDomain,
  clientId,
  clientSecret: secretText('client secret'),
  webhookSecret: secretText('webhook secret').optional(),
})

export type ConnectInput = { storeId: string } & (
  | { mode?: 'legacy'; domain: string; accessToken: string; webhookSecret: string }
  | {
      mode: 'client_credentials'
      domain: string
      clientId: string
      clientSecret: string
      /** Only for webhooks made in the shop's admin; otherwise the client secret signs them. */
      webhookSecret?: string
    }
)

export type ConnectField = 'domain' | 'accessToken' | 'webhookSecret' | 'clientId' | 'clientSecret'

export type ConnectResult =
  | {
      ok: true
      mode: ShopifyConnection['mode']
      shopName: string
      domain: string
      scopes: string[]
      customerAccess: CustomerAccess
      warnings: Array<{ code: string; message: string }>
      /** The topics the shop holds a subscription of ours for. */
      subscribedTopics: string[]
    }
  | {
      ok: false
      code:
        | 'invalid_config'
        | 'store_not_found'
        | 'shopify_auth_failed'
        | 'shopify_credentials_rejected'
        | 'shopify_unreachable'
        | 'shop_mismatch'
        | 'missing_scopes'
      message: string
      /** For invalid_config: the input at fault. */
      field?: ConnectField
      /** For missing_scopes. */
      missing?: string[]
    }

export interface ConnectDeps {
  apiVersion: string
  /** Porchlight's public URL: the webhook subscriptions point at it. */
  publicUrl: string
  logger: Logger
  keyring: Keyring
  /** Epoch ms; defaults to the system clock. */
  now?(): number
  fetch?: typeof fetch
}

/**
 * Connects a store to a Shopify shop with a legacy token or a Dev Dashboard app's client
 * credentials: gets a token (client credentials grant), checks it with a real query (the
 * shop's name, the scopes, the customer data the app may read), then saves the connection with
 * its secrets sealed. The CLI and the console's settings screen both call it; the OAuth
 * install calls saveCheckedConnection with the token its code bought.
 */
export async function connectShopifyStore(
  db: Kysely<Database>,
  input: ConnectInput,
  deps: ConnectDeps,
): Promise<ConnectResult> {
  const schema = input.mode === 'client_credentials' ? clientCredentialsInput : legacyInput
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path[0]
    return {
      ok: false,
      code: 'invalid_config',
      message: `${issue?.path.join('.')}: ${issue?.message}`,
      ...(typeof field === 'string' && isField(field) ? { field } : {}),
    }
  }
  const now = deps.now ?? (() => Date.now())
  let connection: ShopifyConnection
  let grant: TokenGrant | null = null
  if (parsed.data.mode === 'client_credentials') {
    const { domain, clientId: id, clientSecret, webhookSecret } = parsed.data
    connection = {
      mode: 'client_credentials',
      domain,
      clientId: id,
      clientSecret,
      webhookSecret: webhookSecret ?? clientSecret,
    }
    const got = await clientCredentialsGrant(connection, {
      now,
      ...(deps.fetch !== undefined ? { fetch: deps.fetch } : {}),
    })
    if (!got.ok) {
      return got.failure === 'rejected'
        ? {
            ok: false,
            code: 'shopify_credentials_rejected',
            message: `Shopify refused this client ID and secret for ${domain}. Check that the app is installed on the shop and that the secret is the current one (Dev Dashboard > app > Settings).`,
          }
        : {
            ok: false,
            code: 'shopify_unreachable',
            message: `Could not get a token from ${domain}: ${got.message}`,
          }
    }
    grant = got.grant
  } else {
    const { domain, accessToken, webhookSecret } = parsed.data
    connection = { mode: 'legacy', domain, accessToken, webhookSecret }
  }
  return saveCheckedConnection(db, input.storeId, connection, grant, deps)
}

function isField(field: string): field is ConnectField {
  return ['domain', 'accessToken', 'webhookSecret', 'clientId', 'clientSecret'].includes(field)
}

/** Checks a connection with a real query and, when it passes, saves it (sealed). */
export async function saveCheckedConnection(
  db: Kysely<Database>,
  storeId: string,
  connection: ShopifyConnection,
  grant: TokenGrant | null,
  deps: ConnectDeps,
): Promise<ConnectResult> {
  const store = await findStoreById(db, storeId)
  if (store === undefined) {
    return { ok: false, code: 'store_not_found', message: `No store has the id ${storeId}.` }
  }
  const token = connection.mode === 'legacy' ? connection.accessToken : grant?.accessToken
  if (token === undefined) throw new Error('a token-based connection needs its first token')
  const client = new AdminClient({
    domain: connection.domain,
    tokens: fixedToken(token),
    apiVersion: deps.apiVersion,
    limiter: new CostLimiter({ now: () => performance.now(), sleep: (ms) => delay(ms) }),
    logger: deps.logger,
    sleep: (ms) => delay(ms),
    random: Math.random,
    maxAttempts: 2,
    ...(deps.fetch !== undefined ? { fetch: deps.fetch } : {}),
  })
  const answer = await client.request(shopInfo, {})
  if (!answer.ok) {
    const refused = answer.failure === 'unauthorized'
    return {
      ok: false,
      code: refused ? 'shopify_auth_failed' : 'shopify_unreachable',
      message: refused
        ? `Shopify refused this Admin API token for ${connection.domain}.`
        : `Could not query ${connection.domain}: ${answer.message}`,
    }
  }
  const { shop, currentAppInstallation } = answer.data
  if (shop.myshopifyDomain.toLowerCase() !== connection.domain) {
    return {
      ok: false,
      code: 'shop_mismatch',
      message: `The token belongs to ${shop.myshopifyDomain}, not ${connection.domain}.`,
    }
  }
  const granted = new Set(currentAppInstallation?.accessScopes.map((s) => s.handle) ?? [])
  // A write scope includes its read scope.
  const missing = Object.keys(REQUIRED_SCOPES).filter(
    (scope) => !granted.has(scope) && !granted.has(scope.replace(/^read_/, 'write_')),
  )
  if (missing.length > 0) {
    return {
      ok: false,
      code: 'missing_scopes',
      message: `The app lacks these Admin API scopes: ${missing.join(', ')}.`,
      missing,
    }
  }
  const customerAccess = await probeCustomerAccess(client)
  const previous = readShopifyConfig(store.adapterConfig, store.id, deps.keyring)?.connection
  const scopes = [...granted].sort()
  // A subscription Shopify refuses (an address that is not public HTTPS, say) does not refuse
  // the connection: orders still load, only less fresh (the cache's age limit), and the owner
  // sees a warning naming the topics and Shopify's reason until a reconnect fixes it.
  const hooks = await ensureWebhookSubscriptions(client, storeWebhookUrl(deps.publicUrl, store.id))
  const config = sealShopifyConfig(
    connection,
    {
      shopName: shop.name,
      scopes,
      customerAccess,
      ...(hooks.missing.length > 0 ? { webhooksMissing: hooks.missing } : {}),
    },
    store.id,
    deps.keyring,
  )
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('stores')
      .set({ adapter_kind: 'shopify', adapter_config: JSON.stringify(config) })
      .where('id', '=', store.id)
      .execute()
    if (grant === null) {
      await deleteShopifyToken(trx, store.id)
    } else {
      await replaceShopifyToken(trx, store.id, {
        domain: connection.domain,
        accessToken: sealSecret(deps.keyring, tokenPurpose(store.id, 'access'), grant.accessToken),
        refreshToken:
          grant.refreshToken === null
            ? null
            : sealSecret(deps.keyring, tokenPurpose(store.id, 'refresh'), grant.refreshToken),
        issuedAt: grant.issuedAt,
        expiresAt: grant.expiresAt,
        refreshExpiresAt: grant.refreshExpiresAt,
      })
    }
    // Orders cached from another shop must not show under this one.
    if (previous?.domain !== connection.domain) await clearStoreOrderCache(trx, store.id)
    await replaceWebhookSubscriptions(trx, store.id, hooks.subscribed, (deps.now ?? Date.now)())
  })
  const warnings = [...scopeWarnings(scopes), ...webhookWarnings(hooks.missing)]
  for (const w of warnings)
    deps.logger.warn('shopify connection warning', { domain: connection.domain, ...w })
  return {
    ok: true,
    mode: connection.mode,
    shopName: shop.name,
    domain: connection.domain,
    scopes,
    customerAccess,
    warnings,
    subscribedTopics: hooks.subscribed.map((h) => h.topic),
  }
}

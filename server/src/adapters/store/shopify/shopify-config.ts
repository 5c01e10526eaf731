import type { ShopifyConnectionMode } from '@porchlight/shared/api/settings'
import { z } from 'zod'
import type { Keyring } from '../../../keyring.ts'
import { isSealed, openSecret, sealSecret } from '../../../secret-box.ts'

/** A shop's own domain; the Admin API lives only there, so nothing else is accepted. */
export const shopDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/, 'expected <shop>.myshopify.com')

/**
 * How a store reaches its shop:
 * - `client_credentials`: a Dev Dashboard app of the merchant's own organization; Porchlight
 *   trades the client ID and secret for a token (about 24 hours, no refresh token).
 * - `oauth`: the app was installed through Porchlight's OAuth install; an expiring offline
 *   token with a refresh token that rotates on every use.
 * - `legacy`: a `shpat_` token of an admin-created custom app (no new ones since 2026-01-01).
 * Configs saved before modes existed have no `mode` and are legacy.
 */
export type ShopifyMode = ShopifyConnectionMode

/** A store's Shopify connection with its secrets opened; never leaves the server. */
export type ShopifyConnection =
  | { mode: 'legacy'; domain: string; accessToken: string; webhookSecret: string }
  | {
      mode: 'client_credentials' | 'oauth'
      domain: string
      clientId: string
      clientSecret: string
      /** The app's client secret, unless webhooks were made in the admin with a key of their own. */
      webhookSecret: string
    }

/** Facts the connect check learned, kept beside the connection for the settings screen. */
export interface ShopifyFacts {
  shopName?: string
  scopes?: string[]
  /** Which protected customer data the app may read (see customer-access.ts). */
  customerAccess?: string
  /** Webhook topics Shopify did not hold at the last connect, with its reason. */
  webhooksMissing?: Array<{ topic: string; message: string }>
  /**
   * Set by a disconnect (the owner's, or Shopify's app/uninstalled): the tokens are gone and the
   * store serves no orders, but the secrets that sign webhooks stay, because Shopify still sends
   * shop/redact (48 hours after an uninstall) and customers/redact, which must be verified.
   */
  disconnected?: { at: number; reason: 'owner' | 'app_uninstalled' }
}

/** The fields of `stores.adapter_config` that hold a secret, sealed at rest. */
const SECRET_FIELDS = ['accessToken', 'webhookSecret', 'clientSecret'] as const
type SecretField = (typeof SECRET_FIELDS)[number]

export function secretPurpose(storeId: string, field: string): string {
  return `shopify:${storeId}:${field}`
}

export interface ReadConfig {
  connection: ShopifyConnection
  /** Some secret is plaintext (saved before sealing) or sealed under the previous key. */
  needsReseal: boolean
}

/**
 * Parses and opens a store's adapter config; undefined when it is not a complete Shopify
 * config or a secret does not open (sealed under a key no longer on the ring, or altered).
 */
export function readShopifyConfig(
  raw: Record<string, unknown>,
  storeId: string,
  ring: Keyring,
): ReadConfig | undefined {
  const domain = shopDomain.safeParse(raw['domain'])
  if (!domain.success || raw['disconnected'] !== undefined) return undefined
  let needsReseal = false
  const secret = (field: SecretField): string | undefined => {
    const value = raw[field]
    if (typeof value !== 'string' || value === '') return undefined
    if (!isSealed(value)) {
      needsReseal = true
      return value
    }
    const opened = openSecret(ring, secretPurpose(storeId, field), value)
    if (!opened.ok) return undefined
    if (opened.stale) needsReseal = true
    return opened.plaintext
  }
  const mode = raw['mode'] ?? 'legacy'
  if (mode === 'legacy') {
    const accessToken = secret('accessToken')
    const webhookSecret = secret('webhookSecret')
    if (accessToken === undefined || webhookSecret === undefined) return undefined
    return {
      connection: { mode, domain: domain.data, accessToken, webhookSecret },
      needsReseal,
    }
  }
  if (mode === 'client_credentials' || mode === 'oauth') {
    const clientId = raw['clientId']
    const clientSecret = secret('clientSecret')
    if (typeof clientId !== 'string' || clientId === '' || clientSecret === undefined) {
      return undefined
    }
    return {
      connection: {
        mode,
        domain: domain.data,
        clientId,
        clientSecret,
        webhookSecret: secret('webhookSecret') ?? clientSecret,
      },
      needsReseal,
    }
  }
  return undefined
}

/**
 * The keys a store's webhooks may be signed with, connected or not (see `disconnected`): the
 * app's client secret signs what the app subscribed and the compliance topics; a legacy custom
 * app's API secret key (its `webhookSecret`) signs its own; a key of the shop's admin
 * (Settings > Notifications) signs the webhooks a merchant made there by hand.
 */
export function webhookKeysOf(
  raw: Record<string, unknown>,
  storeId: string,
  ring: Keyring,
): { domain: string; keys: string[] } | undefined {
  const domain = shopDomain.safeParse(raw['domain'])
  if (!domain.success) return undefined
  const keys: string[] = []
  for (const field of ['clientSecret', 'webhookSecret'] as const) {
    const value = raw[field]
    if (typeof value !== 'string' || value === '') continue
    if (!isSealed(value)) keys.push(value)
    else {
      const opened = openSecret(ring, secretPurpose(storeId, field), value)
      if (opened.ok) keys.push(opened.plaintext)
    }
  }
  return keys.length === 0 ? undefined : { domain: domain.data, keys: [...new Set(keys)] }
}

/** The adapter config to store for a connection: secrets sealed under the current key. */
export function sealShopifyConfig(
  connection: ShopifyConnection,
  facts: ShopifyFacts,
  storeId: string,
  ring: Keyring,
): Record<string, unknown> {
  const seal = (field: SecretField, value: string) =>
    sealSecret(ring, secretPurpose(storeId, field), value)
  const base = { mode: connection.mode, domain: connection.domain, ...facts }
  if (connection.mode === 'legacy') {
    return {
      ...base,
      accessToken: seal('accessToken', connection.accessToken),
      webhookSecret: seal('webhookSecret', connection.webhookSecret),
    }
  }
  return {
    ...base,
    clientId: connection.clientId,
    clientSecret: seal('clientSecret', connection.clientSecret),
    // Webhooks made in the shop's admin (Settings > Notifications) are signed with a key of
    // their own; the app's own subscriptions with its client secret.
    ...(connection.webhookSecret !== connection.clientSecret
      ? { webhookSecret: seal('webhookSecret', connection.webhookSecret) }
      : {}),
  }
}

/** The facts recorded beside a stored connection (never a secret). */
export function readShopifyFacts(raw: Record<string, unknown>): ShopifyFacts {
  const facts: ShopifyFacts = {}
  if (typeof raw['shopName'] === 'string' && raw['shopName'] !== '')
    facts.shopName = raw['shopName']
  if (Array.isArray(raw['scopes'])) {
    facts.scopes = raw['scopes'].filter((s): s is string => typeof s === 'string')
  }
  if (typeof raw['customerAccess'] === 'string') facts.customerAccess = raw['customerAccess']
  const missing = raw['webhooksMissing']
  if (Array.isArray(missing)) {
    facts.webhooksMissing = missing.filter(
      (m): m is { topic: string; message: string } =>
        typeof m?.topic === 'string' && typeof m?.message === 'string',
    )
  }
  const off = raw['disconnected'] as { at?: unknown; reason?: unknown } | undefined
  if (typeof off?.at === 'number' && (off.reason === 'owner' || off.reason === 'app_uninstalled')) {
    facts.disconnected = { at: off.at, reason: off.reason }
  }
  return facts
}

/** The stored mode, for the settings screen even when the secrets no longer open. */
export function storedMode(raw: Record<string, unknown>): ShopifyMode | null {
  const mode = raw['mode'] ?? (typeof raw['domain'] === 'string' ? 'legacy' : undefined)
  return mode === 'legacy' || mode === 'client_credentials' || mode === 'oauth' ? mode : null
}

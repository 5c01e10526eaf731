import {
  connectShopifyStore,
  REQUIRED_SCOPES,
  type ConnectInput,
} from '../adapters/store/shopify/connect-store.ts'
import { COMPLIANCE_TOPICS } from '../adapters/store/shopify/compliance-payload.ts'
import type { CustomerAccess } from '../adapters/store/shopify/customer-access.ts'
import { storeWebhookUrl } from '../adapters/store/shopify/webhook-subscriptions.ts'
import { keyringOf } from '../keyring.ts'
import { resolveSecret } from '../secret.ts'
import { UsageError, type Command, type OptionValues } from './command.ts'

function required(
  values: OptionValues,
  name: string,
  envName?: string,
  env?: Record<string, string | undefined>,
) {
  const v = values[name] ?? (envName !== undefined ? env?.[envName] : undefined)
  if (typeof v !== 'string' || v.trim() === '') {
    throw new UsageError(`--${name} is required${envName ? ` (or set ${envName})` : ''}`)
  }
  return v.trim()
}

function optional(
  values: OptionValues,
  name: string,
  envName: string,
  env: Record<string, string | undefined>,
): { webhookSecret?: string } {
  const v = values[name] ?? env[envName]
  return typeof v === 'string' && v.trim() !== '' ? { webhookSecret: v.trim() } : {}
}

const ACCESS_WORDS: Record<CustomerAccess, string> = {
  level_2: 'customers with their email and phone (level 2)',
  level_1: 'customers without email or phone (level 1): shoppers cannot be matched to orders',
  none: 'no customer data: shoppers cannot be matched to orders',
  unknown: 'not known yet (the shop has no customer to check with)',
}

const connectShopify: Command = {
  group: 'store',
  name: 'connect-shopify',
  summary: 'Connect a store to its Shopify shop (checked with a test query)',
  usage: [
    'Recommended: a Dev Dashboard app of your organization, installed on the shop:',
    '  SHOPIFY_CLIENT_SECRET=... porchlight store connect-shopify --store <id> \\',
    '      --domain <shop>.myshopify.com --client-id <client id>',
    '',
    "Legacy: an admin-created custom app's token (Shopify makes no new ones since 2026-01-01):",
    '  SHOPIFY_ACCESS_TOKEN=shpat_... SHOPIFY_WEBHOOK_SECRET=... \\',
    '      porchlight store connect-shopify --store <id> --domain <shop>.myshopify.com [--legacy]',
    '',
    '--client-secret, --token and --webhook-secret work too, but end up in your shell history.',
    "For an OAuth install, an owner opens the console's Shopify settings instead.",
  ].join('\n'),
  options: {
    store: { type: 'string' },
    domain: { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    legacy: { type: 'boolean' },
    token: { type: 'string' },
    'webhook-secret': { type: 'string' },
  },
  async run(values, ctx) {
    const storeId = required(values, 'store')
    const domain = required(values, 'domain')
    // Without --client-id it is a legacy token (what this command took before modes existed).
    const legacy = values['client-id'] === undefined
    if (!legacy && values['legacy'] === true) {
      throw new UsageError('give either --client-id (recommended) or --legacy, not both')
    }
    const input: ConnectInput = legacy
      ? {
          storeId,
          domain,
          mode: 'legacy',
          accessToken: required(values, 'token', 'SHOPIFY_ACCESS_TOKEN', ctx.env),
          webhookSecret: required(values, 'webhook-secret', 'SHOPIFY_WEBHOOK_SECRET', ctx.env),
        }
      : {
          storeId,
          domain,
          mode: 'client_credentials',
          clientId: required(values, 'client-id'),
          clientSecret: required(values, 'client-secret', 'SHOPIFY_CLIENT_SECRET', ctx.env),
          // Only for webhooks made in the shop's admin; the app's own are signed with its secret.
          ...optional(values, 'webhook-secret', 'SHOPIFY_WEBHOOK_SECRET', ctx.env),
        }
    const { db } = await ctx.database()
    const result = await connectShopifyStore(db, input, {
      apiVersion: ctx.config.shopifyApiVersion,
      publicUrl: ctx.config.publicUrl,
      logger: ctx.logger,
      keyring: keyringOf({ ...ctx.config, secretKey: resolveSecret(ctx.config.secretKey) }),
    })
    if (!result.ok) {
      ctx.err(`Not connected (${result.code}): ${result.message}`)
      if (result.code === 'missing_scopes') {
        ctx.err('Porchlight needs:')
        for (const [scope, why] of Object.entries(REQUIRED_SCOPES))
          ctx.err(`  ${scope.padEnd(16)} ${why}`)
      }
      return 1
    }
    const address = storeWebhookUrl(ctx.config.publicUrl, storeId)
    const how = legacy ? 'legacy token' : 'client credentials; the token renews itself'
    ctx.out(
      `Connected ${storeId} to "${result.shopName}" (${result.domain}), Admin API ${ctx.config.shopifyApiVersion}, ${how}.`,
    )
    ctx.out(`Customer data the app may read: ${ACCESS_WORDS[result.customerAccess]}.`)
    for (const w of result.warnings) ctx.err(`Warning: ${w.message}`)
    ctx.out('')
    ctx.out(`Porchlight subscribed these webhook topics at ${address}:`)
    for (const topic of result.subscribedTopics) ctx.out(`  ${topic}`)
    ctx.out(
      `Privacy topics (${COMPLIANCE_TOPICS.join(', ')}): Shopify takes them only from the app's configuration; set them to the same address.`,
    )
    return 0
  },
}

/** The `store` command group. */
export const storeCommands: Command[] = [connectShopify]

import {
  connectShopifyStore,
  REQUIRED_SCOPES,
  WEBHOOK_TOPICS,
} from '../adapters/store/shopify/connect-store.ts'
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

const connectShopify: Command = {
  group: 'store',
  name: 'connect-shopify',
  summary: 'Connect a store to its Shopify shop (checked with a test query)',
  usage: [
    'porchlight store connect-shopify --store <id> --domain <shop>.myshopify.com \\',
    '    --token <admin api access token> --webhook-secret <secret>',
    '',
    'The token and secret may come from SHOPIFY_ACCESS_TOKEN and SHOPIFY_WEBHOOK_SECRET instead,',
    'which keeps them out of your shell history.',
  ].join('\n'),
  options: {
    store: { type: 'string' },
    domain: { type: 'string' },
    token: { type: 'string' },
    'webhook-secret': { type: 'string' },
  },
  async run(values, ctx) {
    const input = {
      storeId: required(values, 'store'),
      domain: required(values, 'domain'),
      accessToken: required(values, 'token', 'SHOPIFY_ACCESS_TOKEN', ctx.env),
      webhookSecret: required(values, 'webhook-secret', 'SHOPIFY_WEBHOOK_SECRET', ctx.env),
    }
    const { db } = await ctx.database()
    const result = await connectShopifyStore(db, input, {
      apiVersion: ctx.config.shopifyApiVersion,
      logger: ctx.logger,
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
    const address = `${ctx.config.publicUrl}/v1/webhooks/shopify/${input.storeId}`
    ctx.out(
      `Connected ${input.storeId} to "${result.shopName}" (${result.domain}), Admin API ${ctx.config.shopifyApiVersion}.`,
    )
    for (const w of result.warnings) ctx.err(`Warning: ${w.message}`)
    ctx.out('')
    ctx.out(`Subscribe these webhook topics (JSON) to ${address}:`)
    for (const topic of WEBHOOK_TOPICS) ctx.out(`  ${topic}`)
    return 0
  },
}

/** The `store` command group. */
export const storeCommands: Command[] = [connectShopify]

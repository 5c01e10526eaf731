import { z } from 'zod'

/** A shop's own domain; the Admin API lives only there, so nothing else is accepted. */
export const shopDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/, 'expected <shop>.myshopify.com')

/** What a Shopify store keeps in `stores.adapter_config`. */
export const shopifyAdapterConfig = z.object({
  domain: shopDomain,
  accessToken: z.string().min(8, 'the Admin API access token looks too short'),
  webhookSecret: z.string().min(8, 'the webhook secret looks too short'),
})

export type ShopifyAdapterConfig = z.infer<typeof shopifyAdapterConfig>

/** Parses a store's adapter config; undefined when it is not a complete Shopify config. */
export function readShopifyConfig(raw: Record<string, unknown>): ShopifyAdapterConfig | undefined {
  const parsed = shopifyAdapterConfig.safeParse(raw)
  return parsed.success ? parsed.data : undefined
}

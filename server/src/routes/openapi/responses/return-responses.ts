import {
  RETURN_STEPS,
  type RefundableView,
  type ReturnProgress,
} from '@porchlight/shared/api/returns'
import type { ExchangeOptions, ExchangeView } from '@porchlight/shared/api/exchanges'
import { z } from 'zod'

/** The answers of the return and appeasement routes, typed by shared/src/api/returns.ts. */

const iso = z.iso.datetime({ offset: true })
const money = z.strictObject({
  amount: z.number().int().describe('Minor units'),
  currency: z.string(),
})

const exchangeView: z.ZodType<ExchangeView> = z.strictObject({
  orderId: z.string().nullable().describe('The new order (demo store); null on Shopify'),
  orderName: z.string().describe('“#1003E”, or the return’s name on Shopify'),
  lines: z.array(
    z.strictObject({
      lineItemId: z.string(),
      variantId: z.string(),
      title: z.string(),
      quantity: z.number().int(),
    }),
  ),
})

export const exchangeOptions: z.ZodType<ExchangeOptions> = z.strictObject({
  lineItemId: z.string(),
  productTitle: z.string(),
  options: z.array(
    z.strictObject({
      variantId: z.string(),
      title: z.string(),
      price: money,
      available: z.number().int().describe('Units in stock now (always at least 1 here)'),
    }),
  ),
  exchangeable: z
    .literal(false)
    .optional()
    .describe('Present when the store cannot exchange the line at all; options is then empty'),
})

export const returnProgress: z.ZodType<ReturnProgress> = z.strictObject({
  reference: z.string().describe('The RMA reference the shopper writes on the parcel'),
  address: z
    .strictObject({
      name: z.string(),
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string(),
      region: z.string().nullable(),
      postalCode: z.string().nullable(),
      country: z.string(),
    })
    .nullable()
    .describe('settings.returns.address; null until the store sets one'),
  label: z
    .strictObject({
      url: z.string().describe('A link, or /v1/return-labels/{token} for an uploaded PDF'),
      kind: z.enum(['url', 'pdf']),
    })
    .nullable(),
  lines: z.array(
    z.strictObject({
      lineItemId: z.string(),
      title: z.string(),
      quantity: z.number().int(),
      received: z.number().int(),
    }),
  ),
  steps: z.array(z.strictObject({ step: z.enum(RETURN_STEPS), at: iso, amount: money.optional() })),
  exchange: exchangeView.optional().describe('The exchange the store made with this return'),
})

export const refundableView: z.ZodType<RefundableView> = z.strictObject({
  lines: z.array(z.strictObject({ lineItemId: z.string(), title: z.string(), refundable: money })),
  total: money,
})

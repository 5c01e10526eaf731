import {
  RETURN_STEPS,
  type RefundableView,
  type ReturnProgress,
} from '@porchlight/shared/api/returns'
import { z } from 'zod'

/** The answers of the return and appeasement routes, typed by shared/src/api/returns.ts. */

const iso = z.iso.datetime({ offset: true })
const money = z.strictObject({
  amount: z.number().int().describe('Minor units'),
  currency: z.string(),
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
})

export const refundableView: z.ZodType<RefundableView> = z.strictObject({
  lines: z.array(z.strictObject({ lineItemId: z.string(), title: z.string(), refundable: money })),
  total: money,
})

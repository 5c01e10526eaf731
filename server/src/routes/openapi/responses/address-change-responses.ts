import type { AddressChangeView } from '@porchlight/shared/api/address-changes'
import { ADDRESS_FIELDS } from '@porchlight/shared/orders/address-fields'
import { z } from 'zod'

/** The answer of the address change route, typed by shared/src/api/address-changes.ts. */

const address = z.strictObject({
  name: z.string(),
  company: z.string().nullable(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  phone: z.string().nullable(),
})

export const addressChangeView: z.ZodType<AddressChangeView> = z.strictObject({
  previous: address.nullable().describe('The order’s shipping address when the shopper asked'),
  requested: address.describe('The address the shopper asked for, as checked and stored'),
  changed: z.array(z.enum(ADDRESS_FIELDS)),
  requestedAt: z.iso.datetime({ offset: true }),
})

import {
  ORDER_LOOKUP_PAGE_SIZES,
  type OrderLookupPage,
  type OrderLookupRow,
  type OrderNoteJson,
} from '@porchlight/shared/api/order-lookup'
import {
  FINANCIAL_STATUSES,
  FULFILLMENT_STATUSES,
  ORDER_STATUSES,
} from '@porchlight/shared/orders/model'
import { z } from 'zod'
import { ticketJson } from './agent-responses.ts'

/** The order lookup's answers (shared/src/api/order-lookup.ts), typed by the contract. */

const iso = z.iso.datetime({ offset: true })
const money = z.strictObject({ amount: z.number().int(), currency: z.string() })

const lookupRow: z.ZodType<OrderLookupRow> = z.strictObject({
  id: z.string(),
  name: z.string(),
  createdAt: iso,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  customerName: z.string().nullable(),
  postalCode: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  financialStatus: z.enum(FINANCIAL_STATUSES),
  fulfillmentStatus: z.enum(FULFILLMENT_STATUSES),
  total: money.describe('Minor units (cents)'),
  ticketCount: z.number().int(),
})

export const orderLookupPage: z.ZodType<OrderLookupPage> = z.strictObject({
  orders: z.array(lookupRow),
  nextCursor: z.string().nullable(),
  pageSize: z.union(ORDER_LOOKUP_PAGE_SIZES.map((n) => z.literal(n))),
})

export const orderNote: z.ZodType<OrderNoteJson> = z.strictObject({
  id: z.string(),
  orderId: z.string(),
  author: z.strictObject({ id: z.string(), name: z.string() }),
  body: z.string(),
  createdAt: iso,
})

export const orderNoteResponse = z.strictObject({ note: orderNote })

export const shopperMessageResponse = z.strictObject({ ticket: ticketJson })

// The order with its timeline and summary is the ticket page's order view, named by its parts.
export const agentOrderView = z.looseObject({
  order: z.looseObject({ id: z.string() }),
  displayStatus: z.unknown(),
  timeline: z.array(z.unknown()),
  detail: z.looseObject({}),
  tickets: z.array(ticketJson),
  notes: z.array(orderNote),
})

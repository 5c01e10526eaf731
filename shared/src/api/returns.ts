/**
 * After a return is approved: the instructions the shopper follows, what agents record as it
 * comes back, and appeasements (part of one line refunded). Agent routes:
 *
 *   POST /v1/agent/tickets/:id/return-label   ReturnLabelRequest (JSON) or a PDF body
 *                                             (Content-Type application/pdf, ?version=) -> TicketView
 *   POST /v1/agent/tickets/:id/receipts       ReceiveReturnRequest -> TicketView
 *   POST /v1/agent/tickets/:id/appeasements   AppeasementRequest -> TicketView
 *   GET  /v1/agent/tickets/:id/refundable     -> RefundableView
 *
 * The shopper sees ReturnProgress on each of their return requests (GET /v1/requests), and an
 * uploaded label at its unguessable address GET /v1/return-labels/:token.
 */
import type { Money } from '../orders/model.ts'
import type { ExchangeView } from './exchanges.ts'

/** The steps of a return the shopper's timeline shows, in the order they happen. */
export const RETURN_STEPS = ['approved', 'label_ready', 'received', 'refunded'] as const
export type ReturnStep = (typeof RETURN_STEPS)[number]

/** Where the parcel goes: a store setting (`settings.returns.address`, see orders/return-settings). */
export interface ReturnAddress {
  name: string
  line1: string
  line2: string | null
  city: string
  region: string | null
  postalCode: string | null
  /** ISO 3166-1 alpha-2. */
  country: string
}

export interface ReturnLineProgress {
  lineItemId: string
  title: string
  /** Units the return expects. */
  quantity: number
  /** Units the store has received so far. */
  received: number
}

/** A return after its approval, as the shopper and the agent see it. */
export interface ReturnProgress {
  /** The RMA reference to write on the parcel. */
  reference: string
  address: ReturnAddress | null
  /** A link to the label (the store's, the agent's, or our address for an uploaded PDF). */
  label: { url: string; kind: 'url' | 'pdf' } | null
  lines: ReturnLineProgress[]
  /** Each step once it happened (received and refunded may happen several times). */
  steps: Array<{ step: ReturnStep; at: string; amount?: Money }>
  /** The exchange the store made with this return, when the shopper asked for one. */
  exchange?: ExchangeView
}

/** JSON body of POST return-label: the link to a label the store made elsewhere. */
export interface ReturnLabelRequest {
  version: number
  url: string
}

export interface ReceiveReturnRequest {
  version: number
  /** Units that arrived now, per line (at most what the return still expects). */
  lines: Array<{ lineItemId: string; quantity: number }>
  note?: string
}

/** Why an agent refunds part of a line (seed 003's appeasement reasons). */
export const APPEASEMENT_REASONS = [
  'damaged',
  'late_delivery',
  'missing_part',
  'not_as_described',
  'goodwill',
  'other',
] as const
export type AppeasementReason = (typeof APPEASEMENT_REASONS)[number]

export interface AppeasementRequest {
  version: number
  lineItemId: string
  amount: Money
  reason: AppeasementReason
  /** For the store and the history; not sent to the shopper. */
  comment?: string
}

/** What remains refundable on an order, per line and in total. */
export interface RefundableView {
  lines: Array<{ lineItemId: string; title: string; refundable: Money }>
  total: Money
}

/** Stable error codes of the return and appeasement routes (each with its status in errors.ts). */
export const RETURN_ERROR_CODES = [
  'label_invalid', // 400: not a PDF, too large, or not an https link
  'return_not_found', // 404: the ticket has no approved return
  'receipt_exceeds_return', // 422: more units than the return still expects; details.lines
  'appeasement_exceeds_line', // 422: more than the line's remainder; details.refundable
  'line_not_on_order', // 422
] as const
export type ReturnErrorCode = (typeof RETURN_ERROR_CODES)[number]

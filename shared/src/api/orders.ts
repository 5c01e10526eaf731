/**
 * The shopper's order contract between the panel and the server. Types only (the widget imports
 * them for free); the server validates query parameters with its own schemas.
 *
 *   GET /v1/orders?limit=&cursor=&locale=&tz=    -> 200 OrderListResponse
 *   GET /v1/orders/:id?locale=&tz=               -> 200 OrderDetailResponse
 *
 * Both need `Authorization: Bearer <session token>`; a session reads only the orders of its own
 * verified email or phone on its own store. Query parameters:
 *   limit   1 to 50, default 10
 *   cursor  the `nextCursor` of the previous page, as given (opaque)
 *   locale  BCP 47 for money and dates, default the store's default locale
 *   tz      IANA time zone for dates (the browser's), default UTC
 * Unknown parameters are refused.
 *
 * Everything a shopper reads as words is a code (display status, event kinds, reasons); the
 * widget's catalogs turn codes into sentences, using the `data` of a reason for placeholders.
 * Money and dates come formatted for the locale (`formatted`), beside the raw values.
 *
 * Errors ({ error: { code, message } }):
 *   400 validation_failed   a query parameter is missing its shape (details list which)
 *   400 invalid_cursor      the cursor was not made by this server for this list
 *   401 session_missing | session_expired | session_revoked
 *   404 order_not_found     no such order for this shopper (also: another shopper's or store's)
 */
import type { SessionEndedCode } from './auth.ts'
import type { EdgeErrorCode } from './errors.ts'
import type { DisplayStatusCode } from '../orders/display-status.ts'
import type { IneligibleReason } from '../orders/eligibility.ts'
import type { IssueReason, IssueScenarioCode } from '../orders/issue-scenarios.ts'
import type { LineNotReturnable, ShipmentState } from '../orders/order-facts.ts'
import type { FormattedDate, FormattedMoney, OrderSummary } from '../orders/summary.ts'
import type { OrderEventKind, ShipmentEntryKind } from '../orders/timeline.ts'
import type { RequestSummary } from './requests.ts'

/** The order's one shopper-facing status. */
export interface OrderStatusView {
  /** e.g. 'in_transit'; one of DISPLAY_STATUS_CODES. */
  code: DisplayStatusCode
  /** Set while on the way and an estimate is known: "Arriving on <date>". Date only is meant. */
  estimatedDeliveryAt: FormattedDate | null
}

/** The latest thing that happened to the order's parcels, for the one-line "where is it". */
export interface LastParcelEvent {
  kind: ShipmentEntryKind
  at: FormattedDate
  /** Carrier's text, to show as text (never HTML). */
  message: string | null
  location: string | null
}

/** One row of the order list. */
export interface OrderListItem {
  id: string
  /** Shopper-facing number, e.g. "#1042". */
  name: string
  createdAt: FormattedDate
  status: OrderStatusView
  /** Latest parcel event across shipments; null before anything shipped. */
  lastEvent: LastParcelEvent | null
  /** Tracking link of the parcel the latest event belongs to. */
  trackingUrl: string | null
  total: FormattedMoney
  /** Units ordered, all lines together. */
  itemCount: number
  /**
   * First line item, for a thumbnail and "Linen throw and 2 more" (or "Mug × 4" when it is the
   * only line); `quantity` is its units.
   */
  preview: { title: string; imageUrl: string | null; quantity: number } | null
}

export interface OrderListResponse {
  /** Newest first. */
  orders: OrderListItem[]
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null
}

export interface TimelineEntryView<K extends string> {
  kind: K
  /** Date and time, formatted. */
  at: FormattedDate
  message: string | null
  location: string | null
  /** For 'refund_issued'. */
  amount?: FormattedMoney
}

/** One parcel with its own timeline, oldest entry first. */
export interface ShipmentView {
  id: string
  state: ShipmentState
  carrier: string | null
  trackingNumber: string | null
  trackingUrl: string | null
  estimatedDeliveryAt: FormattedDate | null
  /** What is in this parcel (line item ids of `lineItems`). */
  lines: Array<{ lineItemId: string; quantity: number }>
  entries: Array<TimelineEntryView<ShipmentEntryKind>>
}

/** An action the shopper may ask for, or the reason it is not offered. */
export type ActionOffer =
  /** `until`: when the offer ends (e.g. return window), null without a time limit. */
  | { offered: true; until: FormattedDate | null }
  /** `reason.code` e.g. 'return_window_closed' with `reason.data.closedAt` (ISO). */
  | { offered: false; reason: IneligibleReason }

export interface LineItemView {
  id: string
  title: string
  variantTitle: string | null
  quantity: number
  unitPrice: FormattedMoney
  /** unitPrice × quantity. */
  total: FormattedMoney
  imageUrl: string | null
  finalSale: boolean
  giftCard: boolean
  refundedQuantity: number
  /** Units a return request may still include (0 when the line cannot be returned). */
  returnableQuantity: number
  /** Why none of this line can be returned; null when some can. */
  notReturnableReason: LineNotReturnable | null
}

export interface OrderDetail {
  id: string
  name: string
  createdAt: FormattedDate
  status: OrderStatusView
  summary: OrderSummary
  /** Order milestones (placed, paid, refunds, returns, cancellation), oldest first. */
  events: Array<TimelineEntryView<OrderEventKind>>
  /** One per parcel, oldest parcel first. */
  shipments: ShipmentView[]
  lineItems: LineItemView[]
  /** Requests the shopper may file; an agent still decides each one. */
  actions: {
    cancel: ActionOffer
    return: ActionOffer
    /** Deliver elsewhere: offered until fulfilment starts (orders/address-change.ts). */
    addressChange: ActionOffer
    /** Reasons to pick from for a return: the store's own list, else the default codes. */
    returnReasons: IssueReason[]
    /** Reasons to pick from for a cancellation: the store's own list, else the default codes. */
    cancelReasons: IssueReason[]
  }
  /** "Report an issue": the scenario the order is in and the reasons to pick from. */
  issue: {
    scenario: IssueScenarioCode
    /** Built-in codes have no labels (the catalogs have them); a store's own carry `labels`. */
    reasons: IssueReason[]
  }
  /** Requests filed about this order (returns, cancellations, issues, messages), newest first. */
  requests: RequestSummary[]
}

export interface OrderDetailResponse {
  order: OrderDetail
}

/** Stable error codes of the order routes' own (in `{ error: { code } }`). */
export const ORDER_ERROR_CODES = [
  'invalid_cursor', // 400
  'order_not_found', // 404
] as const

/** Every code the order routes answer: their own, 400 validation_failed, a session's end (401). */
export type OrderErrorCode =
  | (typeof ORDER_ERROR_CODES)[number]
  | Extract<EdgeErrorCode, 'validation_failed'>
  | SessionEndedCode

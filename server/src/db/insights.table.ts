import type { Selectable } from 'kysely'

export const SHOPPER_EVENT_KINDS = ['signed_in', 'order_viewed', 'tracking_viewed'] as const
export type ShopperEventKind = (typeof SHOPPER_EVENT_KINDS)[number]

/** What a signed-in shopper did, as the server saw it answer; the insights page counts these. */
export interface ShopperEventsTable {
  id: string
  store_id: string
  kind: ShopperEventKind
  identity_kind: 'email' | 'phone'
  identity_value: string
  order_id: string | null
  created_at: number
}

/** The products a return or issue report is about, by title at the time it was filed. */
export interface TicketProductsTable {
  ticket_id: string
  store_id: string
  title: string
  quantity: number
  created_at: number
}

/** A shopper's rating of how a ticket (or the chat it holds) went: at most one per ticket. */
export interface TicketRatingsTable {
  ticket_id: string
  store_id: string
  /** 1 to 5. */
  score: number
  comment: string | null
  /** Where it was given: the panel or the link in the resolution email. */
  source: 'panel' | 'email'
  created_at: number
}

export type ShopperEventRow = Selectable<ShopperEventsTable>
export type TicketRatingRow = Selectable<TicketRatingsTable>

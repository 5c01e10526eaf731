import type { Selectable } from 'kysely'

/** An approved return after the decision: instructions for the shopper and what came back. */
export interface TicketReturnsTable {
  ticket_id: string
  store_id: string
  order_id: string
  /** The store's own id for the return (demo `rt_…`, Shopify's numeric Return id). */
  store_return_id: string
  /** The RMA reference the shopper writes on the parcel. */
  reference: string
  /** JSON array of { lineItemId, quantity }: the units the return expects. */
  lines: string
  /** JSON object lineItemId -> units received so far. */
  received: string
  /** 'url' (the agent's or the store's link) or 'pdf' (uploaded); null until there is one. */
  label_kind: 'url' | 'pdf' | null
  label_url: string | null
  label_pdf: string | null
  /** Random and unguessable: the uploaded PDF is served at /v1/return-labels/<token>. */
  label_token: string | null
  label_at: number | null
  /** Bumped by every write; a receipt writes only at the version it read. */
  version: number
  created_at: number
  updated_at: number
}

export type TicketReturnRow = Selectable<TicketReturnsTable>

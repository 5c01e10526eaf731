import type { Insertable, Selectable } from 'kysely'

/** Agents' notes about an order (any store platform), seen by every agent of the store. */
export interface OrderNotesTable {
  id: string
  store_id: string
  /** The store adapter's order id. */
  order_id: string
  author_id: string
  /** Plain text as the agent typed it. */
  body: string
  created_at: number
}

export type OrderNoteRow = Selectable<OrderNotesTable>
export type NewOrderNoteRow = Insertable<OrderNotesTable>

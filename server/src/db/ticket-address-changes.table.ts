import type { Selectable } from 'kysely'

/** What an address change request asked for (migration 0028). */
export interface TicketAddressChangesTable {
  ticket_id: string
  store_id: string
  order_id: string
  /** JSON Address: where the order was going when the shopper asked; null when unknown. */
  previous: string | null
  /** JSON Address: where the shopper wants it to go. */
  requested: string
  created_at: number
}

export type TicketAddressChangeRow = Selectable<TicketAddressChangesTable>

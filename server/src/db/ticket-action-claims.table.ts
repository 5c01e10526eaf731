import type { Selectable } from 'kysely'

/** A store action (decision, refund, receipt) in flight on a ticket; one per ticket at a time. */
export interface TicketActionClaimsTable {
  ticket_id: string
  store_id: string
  /** Drawn by the claimer; only it may release the claim. */
  token: string
  agent_id: string | null
  action: 'decision' | 'refund' | 'receipt'
  created_at: number
  /** Past this instant the claim is stale (its process died) and may be taken over. */
  expires_at: number
}

export type TicketActionClaimRow = Selectable<TicketActionClaimsTable>

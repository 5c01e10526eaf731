import type { ExchangeView } from '@porchlight/shared/api/exchanges'
import type { Order } from '@porchlight/shared/orders/model'
import { returnSettings } from '@porchlight/shared/orders/return-settings'
import type { Kysely } from 'kysely'
import type { StoreAdapter } from '../../adapters/store/store-adapter.ts'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'
import { insertTicketReturn } from '../../db/ticket-returns.repository.ts'
import { appendTicketEvent, type Ticket } from '../../db/tickets.repository.ts'

/** What an approved return sets up for the shopper: where, under which reference, which label. */
export interface ApprovedReturn {
  returnId: string
  reference: string
  /** `exchangedFor`: the variant sent instead of a refund, for an exchanged line. */
  lines: Array<{ lineItemId: string; quantity: number; title: string; exchangedFor?: string }>
  /** A label the store already made (Shopify's reverse delivery), when there is one. */
  label: { url: string } | null
}

/**
 * After the store opened the return: its reference (the store's name for it, else one of
 * ours from the ticket number) and the label the store may have made with it. The label is a
 * read that may fail without undoing anything: the agent can attach one later.
 */
export async function approvedReturn(
  adapter: StoreAdapter,
  order: Order,
  ticket: Ticket,
  created: { returnId: string; reference?: string },
  exchange?: ExchangeView,
): Promise<ApprovedReturn> {
  const label = await adapter.returnLabel(order.id, created.returnId)
  return {
    returnId: created.returnId,
    reference: created.reference ?? `RMA-${ticket.number}`,
    lines: ticket.lines.map((l) => {
      const swap = exchange?.lines.find((x) => x.lineItemId === l.lineItemId)
      return {
        lineItemId: l.lineItemId,
        quantity: l.quantity,
        title: order.lineItems.find((li) => li.id === l.lineItemId)?.title ?? l.lineItemId,
        ...(swap !== undefined ? { exchangedFor: swap.variantId } : {}),
      }
    }),
    label: label.ok ? label.value : null,
  }
}

/** Stores the approved return beside the ticket, in the approval's transaction. */
export async function recordApprovedReturn(
  trx: Kysely<Database>,
  input: { ticket: Ticket; returned: ApprovedReturn; now: Date },
): Promise<void> {
  const { ticket, returned, now } = input
  const at = now.getTime()
  const inserted = await insertTicketReturn(trx, {
    ticket_id: ticket.id,
    store_id: ticket.store_id,
    order_id: ticket.order_id ?? '',
    store_return_id: returned.returnId,
    reference: returned.reference,
    lines: JSON.stringify(returned.lines),
    received: '{}',
    label_kind: returned.label === null ? null : 'url',
    label_url: returned.label?.url ?? null,
    label_pdf: null,
    label_token: null,
    label_at: returned.label === null ? null : at,
    version: 1,
    created_at: at,
    updated_at: at,
  })
  // The ticket is approved once (its claim sees to it), so a second row means a bug upstream.
  if (!inserted) throw new Error(`ticket ${ticket.id} already has an approved return`)
  if (returned.label !== null) {
    await appendTicketEvent(trx, {
      ticketId: ticket.id,
      storeId: ticket.store_id,
      kind: 'return_label_added',
      actor: { kind: 'system', id: null },
      data: { source: 'store', url: returned.label.url, storeCall: 'returnLabel' },
      at: now,
    })
  }
}

/** What the approval's message tells the shopper about sending the items back. */
export function returnInstructions(store: Store, returned: ApprovedReturn) {
  return {
    reference: returned.reference,
    address: returnSettings(store.settings).address,
    labelUrl: returned.label?.url ?? null,
  }
}

import { randomBytes } from 'node:crypto'
import type { Store } from '../../db/stores.repository.ts'
import { setReturnLabel, type ReturnLabelChange } from '../../db/ticket-returns.repository.ts'
import { changeTicket, type Ticket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import { emitTicketEvent } from '../webhooks/emit.ts'
import type { DecisionDeps } from './decisions.ts'
import { requireApprovedReturn } from './return-receipts.ts'
import { returnLabelPath } from './return-progress.ts'
import { storeFailure } from './store-failures.ts'
import { queueTicketNotice } from './ticket-notices.ts'
import { requireTicket, versionConflict } from './ticket-page.ts'

/** Labels are a page or two; anything bigger is not a label. */
export const MAX_LABEL_BYTES = 2 * 1024 * 1024

/** Where a label comes from: a link, an uploaded PDF, or the store's own (Shopify's reverse delivery). */
export type LabelSource =
  { kind: 'url'; url: string } | { kind: 'pdf'; bytes: Uint8Array } | { kind: 'store' }

export interface LabelInput {
  ticketId: string
  agent: { id: string; name: string }
  version: number
  label: LabelSource
}

/** 400 label_invalid unless the bytes are a PDF of a sensible size. */
export function checkLabelPdf(bytes: Uint8Array): void {
  const magic = Buffer.from(bytes.subarray(0, 5)).toString('latin1')
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_LABEL_BYTES || magic !== '%PDF-') {
    throw new AppError('label_invalid', 'Upload the label as a PDF file of at most 2 MB.')
  }
}

/**
 * The agent gives the shopper the return label: a link the store made elsewhere, an uploaded
 * PDF (served at an unguessable address), or the label the store itself made for the return.
 * The shopper is told at once, in their language. Replacing a label tells them again.
 */
export async function attachReturnLabel(
  deps: DecisionDeps,
  store: Store,
  input: LabelInput,
): Promise<Ticket> {
  const ticket = await requireTicket(deps, store.id, input.ticketId)
  const row = await requireApprovedReturn(deps, ticket)
  const at = deps.clock.now().getTime()
  let change: ReturnLabelChange
  let source: string
  if (input.label.kind === 'pdf') {
    checkLabelPdf(input.label.bytes)
    change = {
      label_kind: 'pdf',
      label_url: null,
      label_pdf: Buffer.from(input.label.bytes).toString('base64'),
      label_token: randomBytes(24).toString('base64url'),
      label_at: at,
    }
    source = 'upload'
  } else {
    let url = input.label.kind === 'url' ? input.label.url : null
    if (input.label.kind === 'store') {
      const found = await deps.storeAdapters(store).returnLabel(row.order_id, row.store_return_id)
      if (!found.ok) throw storeFailure('refund_not_allowed', found)
      if (found.value === null) {
        throw new AppError('label_invalid', 'The store has made no label for this return yet.')
      }
      url = found.value.url
    }
    change = { label_kind: 'url', label_url: url, label_pdf: null, label_token: null, label_at: at }
    source = input.label.kind === 'store' ? 'store' : 'link'
  }
  const now = deps.clock.now()
  const url =
    change.label_token !== null ? returnLabelPath(change.label_token) : (change.label_url ?? '')
  const changed = await deps.db.transaction().execute(async (trx) => {
    const fresh = await changeTicket(trx, store.id, ticket.id, {
      changes: {},
      expectedVersion: input.version,
      event: {
        kind: 'return_label_added',
        actor: { kind: 'agent', id: input.agent.id },
        data: {
          source,
          ...(source === 'upload' ? {} : { url }),
          ...(source === 'store' ? { storeCall: 'returnLabel' } : {}),
        },
      },
      now,
    })
    if (fresh === undefined) return undefined
    await setReturnLabel(trx, store.id, ticket.id, change, now.getTime())
    await queueTicketNotice(trx, {
      ticket: fresh,
      store,
      notice: { kind: 'return_label', url, returnReference: row.reference },
      now,
    })
    await emitTicketEvent(trx, {
      event: 'return.label_ready',
      ticket: fresh,
      now,
      extra: { label: { by: input.agent.id, source, url, reference: row.reference } },
    })
    return fresh
  })
  if (changed === undefined) throw await versionConflict(deps, store.id, ticket.id)
  deps.outbox.wake()
  return changed
}

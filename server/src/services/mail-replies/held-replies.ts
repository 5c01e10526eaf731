/**
 * Replies from an address that is not the ticket's shopper's (a forward, a colleague, someone
 * who guessed nothing: they hold the reply address) wait here for an agent, who lets one into
 * the thread or throws it away. Taking one is a single delete, so two agents cannot both
 * accept it (and post it twice).
 */
import type { HeldReplyJson } from '@porchlight/shared/api/mail-replies'
import { ticketReference } from '@porchlight/shared/tickets/reference'
import {
  deleteHeldAttachments,
  heldAttachmentsMeta,
  listHeldReplies,
  releaseHeldAttachments,
  takeHeldReply,
} from '../../db/mail-replies.repository.ts'
import { findTicket, type Ticket } from '../../db/tickets.repository.ts'
import type { TicketEventRow } from '../../db/tickets.table.ts'
import { AppError } from '../../errors.ts'
import { chatWrite, type ChatDeps, type ChatTrx } from '../chat/chat-writes.ts'
import { announceToAgents, postInThread } from './thread-post.ts'

/** The live event that tells open consoles the held list changed. */
export const HELD_REPLIES_KIND = 'held_replies'

export function announceHeld(w: ChatTrx, ticket: Pick<Ticket, 'id'>, heldId: string, at: Date) {
  return announceToAgents(w, ticket.id, HELD_REPLIES_KIND, { heldId }, at)
}

const HELD_LIST_MAX = 200

/** The store's held replies, oldest first, optionally of one ticket. */
export async function heldReplies(
  deps: Pick<ChatDeps, 'db'>,
  storeId: string,
  ticketId?: string,
): Promise<HeldReplyJson[]> {
  const rows = (await listHeldReplies(deps.db, storeId, HELD_LIST_MAX)).filter(
    (r) => ticketId === undefined || r.ticket_id === ticketId,
  )
  const files = await heldAttachmentsMeta(
    deps.db,
    storeId,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    ticketReference: ticketReference(Number(r.ticket_number)),
    from: r.from_address,
    subject: r.subject,
    body: r.body,
    attachments: files
      .filter((f) => f.held_id === r.id)
      .map((f) => ({ id: f.id, filename: f.filename, contentType: f.content_type, size: f.size })),
    receivedAt: new Date(r.created_at).toISOString(),
  }))
}

const notFound = () =>
  new AppError('held_reply_not_found', 'No such held reply: another agent may have taken it.')

/** Lets a held reply into its ticket's thread, as the shopper's reply would have been. */
export async function acceptHeldReply(
  deps: ChatDeps,
  storeId: string,
  input: { id: string; agentId: string },
): Promise<TicketEventRow> {
  const now = deps.clock.now()
  return chatWrite(deps, storeId, async (w) => {
    const held = await takeHeldReply(w.trx, storeId, input.id)
    if (held === undefined) throw notFound()
    const ticket = await findTicket(w.trx, storeId, held.ticket_id)
    if (ticket === undefined) throw notFound()
    const files = await heldAttachmentsMeta(w.trx, storeId, [held.id])
    await releaseHeldAttachments(w.trx, storeId, held.id)
    const event = await postInThread(
      w,
      ticket,
      {
        from: held.from_address,
        subject: held.subject,
        body: held.body,
        attachments: files.map((f) => ({
          id: f.id,
          filename: f.filename,
          contentType: f.content_type,
          size: f.size,
        })),
      },
      now,
      input.agentId,
    )
    await announceHeld(w, ticket, held.id, now)
    return event
  })
}

/** Throws a held reply away, with its attachments. */
export async function discardHeldReply(deps: ChatDeps, storeId: string, id: string) {
  const now = deps.clock.now()
  await chatWrite(deps, storeId, async (w) => {
    const held = await takeHeldReply(w.trx, storeId, id)
    if (held === undefined) throw notFound()
    await deleteHeldAttachments(w.trx, storeId, held.id)
    await announceHeld(w, { id: held.ticket_id }, held.id, now)
  })
}

import type { HeldRepliesResponse } from '@porchlight/shared/api/mail-replies'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { findAttachment } from '../../db/mail-replies.repository.ts'
import { AppError } from '../../errors.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import {
  acceptHeldReply,
  discardHeldReply,
  heldReplies,
} from '../../services/mail-replies/held-replies.ts'
import { ticketEventJson } from '../../services/tickets/ticket-view.ts'

const idShape = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

export const heldRepliesQuery = z.strictObject({ ticket: idShape.optional() })

/**
 * Replies held because someone other than the ticket's shopper sent them: list them (all, or
 * one ticket's), accept one into its thread, or discard it. Attachments of the thread and of
 * held replies are downloaded here, always as attachments (never shown inline by the browser).
 */
export const heldReplyRoutes = new Hono<AppEnv>()
  .use('/v1/agent/held-replies', requireAgent)
  .use('/v1/agent/held-replies/*', requireAgent)
  .use('/v1/agent/mail-attachments/*', requireAgent)
  .get('/v1/agent/held-replies', async (c) => {
    const query = heldRepliesQuery.safeParse(c.req.query())
    if (!query.success) {
      throw new AppError('validation_failed', 'Unknown or malformed filter.', query.error.issues)
    }
    const list = await heldReplies(c.get('deps'), c.get('store').id, query.data.ticket)
    return c.json({ heldReplies: list } satisfies HeldRepliesResponse)
  })
  .post('/v1/agent/held-replies/:id/accept', async (c) => {
    const id = idShape.safeParse(c.req.param('id'))
    if (!id.success) throw new AppError('held_reply_not_found', 'No such held reply.')
    const event = await acceptHeldReply(c.get('deps'), c.get('store').id, {
      id: id.data,
      agentId: c.get('agent').agentId,
    })
    c.get('deps').outbox.wake()
    return c.json({ event: ticketEventJson(event) })
  })
  .post('/v1/agent/held-replies/:id/discard', async (c) => {
    const id = idShape.safeParse(c.req.param('id'))
    if (!id.success) throw new AppError('held_reply_not_found', 'No such held reply.')
    await discardHeldReply(c.get('deps'), c.get('store').id, id.data)
    return c.body(null, 204)
  })
  .get('/v1/agent/mail-attachments/:id', async (c) => {
    const id = idShape.safeParse(c.req.param('id'))
    const row = id.success
      ? await findAttachment(c.get('deps').db, c.get('store').id, id.data)
      : undefined
    if (row === undefined) throw new AppError('attachment_not_found', 'No such attachment.')
    return c.body(Buffer.from(row.content, 'base64'), 200, {
      'content-type': row.content_type,
      'content-disposition': `attachment; filename="${row.filename.replace(/[^\x20-\x7e]|"/g, '_')}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    })
  })

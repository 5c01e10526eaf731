import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { clientAddress } from '../../http/client-ip.ts'
import { readJson } from '../../http/json-body.ts'
import { resolveStore, storeCors } from '../../middleware/store.ts'
import { chatAvailability } from '../../services/chat/availability.ts'
import type { ChatHub } from '../../services/chat/hub.ts'
import { linkVisitorConversations } from '../../services/chat/linking.ts'
import { captureOfflineMessage } from '../../services/chat/offline-capture.ts'
import {
  findParticipant,
  startVisitor,
  type ChatParticipant,
} from '../../services/chat/participants.ts'
import {
  getCurrentConversation,
  markShopperRead,
  olderShopperMessages,
  postShopperMessage,
  shopperUnreadCount,
} from '../../services/chat/shopper-chat.ts'
import { issueStreamTicket, redeemStreamTicket } from '../../services/chat/stream-tickets.ts'
import {
  email,
  locale,
  messageText,
  parseLastEventId,
  personName,
  postMessageBody,
  queryParam,
  readBody,
} from './chat-schemas.ts'

const STREAM_PATH = '/v1/conversations/stream'

function bearer(c: Context<AppEnv>): string | undefined {
  const match = /^Bearer\s+(\S{10,200})$/i.exec(c.req.header('authorization') ?? '')
  return match?.[1]
}

/**
 * The shopper side of a chat: a signed-in shopper (`pls_` token) or a visitor (`plc_` token),
 * of the store named by X-Porchlight-Key. A token of another store is refused like no token.
 */
async function participantOf(c: Context<AppEnv>): Promise<ChatParticipant> {
  const { db, clock } = c.get('deps')
  const token = bearer(c)
  const participant =
    token !== undefined ? await findParticipant(db, token, clock.now()) : undefined
  if (participant === undefined || participant.storeId !== c.get('store').id) {
    throw new AppError('chat_unauthenticated', 'Sign in or give your name and email to chat.')
  }
  return participant
}

async function optionalParticipantOf(c: Context<AppEnv>) {
  return c.req.header('authorization') === undefined ? undefined : participantOf(c)
}

const visitorBody = z.strictObject({ name: personName, email })
const linkBody = z.strictObject({ visitorToken: z.string().regex(/^plc_[A-Za-z0-9_-]{43}$/) })
const offlineBody = z.strictObject({
  name: personName.optional(),
  email: email.optional(),
  message: messageText,
  locale: locale.optional(),
})

/** Live chat for shoppers, under /v1/conversations (see docs/chat-api.md). */
export function shopperChatRoutes(hub: ChatHub) {
  return (
    new Hono<AppEnv>()
      // The stream is opened by ticket alone (EventSource sends no headers); the rest name the store.
      .use('/v1/conversations/*', async (c, next) => {
        if (c.req.path === STREAM_PATH) return next()
        await resolveStore(c, async () => {
          await storeCors(c, next)
        })
      })
      .post('/v1/conversations/visitors', async (c) => {
        const body = await readJson(c, visitorBody)
        const { db, clock } = c.get('deps')
        const { token, expiresAt } = await startVisitor(db, {
          storeId: c.get('store').id,
          name: body.name,
          email: body.email,
          now: clock.now(),
          ip: clientAddress(c),
        })
        return c.json({ token, expiresAt: expiresAt.toISOString() }, 201)
      })
      .get('/v1/conversations/current', async (c) => {
        const participant = await participantOf(c)
        return c.json(await getCurrentConversation(c.get('deps'), c.get('store'), participant))
      })
      .get('/v1/conversations/current/messages', async (c) => {
        const participant = await participantOf(c)
        const before = queryParam(
          'before',
          c.req.query('before'),
          z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
        )
        return c.json(
          await olderShopperMessages(c.get('deps'), c.get('store'), participant, before),
        )
      })
      .post('/v1/conversations/current/messages', async (c) => {
        const participant = await participantOf(c)
        const body = await readJson(c, postMessageBody)
        const result = await postShopperMessage(c.get('deps'), c.get('store'), participant, {
          text: body.text,
          clientId: body.clientId ?? null,
          locale: body.locale ?? null,
          ip: clientAddress(c),
        })
        return c.json(result, 201)
      })
      .post('/v1/conversations/current/read', async (c) => {
        const participant = await participantOf(c)
        const body = await readJson(c, readBody)
        return c.json(
          await markShopperRead(
            c.get('deps'),
            c.get('store'),
            participant,
            body.throughSeq ?? null,
          ),
        )
      })
      .get('/v1/conversations/unread', async (c) => {
        const participant = await participantOf(c)
        return c.json({
          count: await shopperUnreadCount(c.get('deps'), c.get('store'), participant),
        })
      })
      .post('/v1/conversations/link', async (c) => {
        const participant = await participantOf(c)
        if (participant.kind !== 'session' || participant.identity === null) {
          throw new AppError('chat_unauthenticated', 'Sign in first, then link the chat.')
        }
        const body = await readJson(c, linkBody)
        return c.json(
          await linkVisitorConversations(
            c.get('deps'),
            c.get('store'),
            participant.identity,
            body.visitorToken,
          ),
        )
      })
      .post('/v1/conversations/stream-tickets', async (c) => {
        const participant = await participantOf(c)
        const { db, clock } = c.get('deps')
        const { ticket, expiresInSeconds } = await issueStreamTicket(
          db,
          { audience: 'shopper', storeId: participant.storeId, participant },
          clock.now(),
        )
        return c.json({ ticket, expiresInSeconds, url: `${STREAM_PATH}?ticket=${ticket}` }, 201)
      })
      .get(STREAM_PATH, async (c) => {
        const { db, clock, isShuttingDown } = c.get('deps')
        if (isShuttingDown()) {
          throw new AppError('shutting_down', 'The server is shutting down; reconnect.')
        }
        const principal = await redeemStreamTicket(
          db,
          c.req.query('ticket') ?? '',
          'shopper',
          clock.now(),
        )
        if (principal === undefined) {
          throw new AppError('stream_ticket_invalid', 'Ask for a new stream ticket.')
        }
        const lastEventId = parseLastEventId(
          c.req.header('last-event-id'),
          c.req.query('lastEventId'),
        )
        return hub.open(principal, lastEventId)
      })
      .get('/v1/conversations/availability', async (c) =>
        c.json(await chatAvailability(c.get('deps'), c.get('store'))),
      )
      .post('/v1/conversations/offline', async (c) => {
        const participant = await optionalParticipantOf(c)
        const body = await readJson(c, offlineBody)
        const address = body.email ?? participant?.email ?? undefined
        if (address === undefined || (participant === undefined && body.name === undefined)) {
          throw new AppError(
            'validation_failed',
            'Give your name and email to get replies by email.',
          )
        }
        const store = c.get('store')
        const result = await captureOfflineMessage(c.get('deps'), store, participant, {
          name: body.name ?? participant?.name ?? null,
          email: address,
          message: body.message,
          locale:
            body.locale ??
            (typeof store.settings['defaultLocale'] === 'string'
              ? store.settings['defaultLocale']
              : 'en'),
          ip: clientAddress(c),
        })
        return c.json(result, 201)
      })
  )
}

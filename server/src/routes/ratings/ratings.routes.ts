import { ticketReference } from '@porchlight/shared/tickets/reference'
import { findStoreById } from '../../db/stores.repository.ts'
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { findConversationForRating, findTicketForRating } from '../../db/ratings.repository.ts'
import { findTicket, type Ticket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { findUnsafeValue } from '../../http/safe-input.ts'
import { requireShopper } from '../../middleware/shopper-session.ts'
import { findParticipant } from '../../services/chat/participants.ts'
import { readRatingToken } from '../../services/ratings/rating-link.ts'
import { rateTicket } from '../../services/ratings/ratings.ts'
import { storeLocale } from '../../services/requests/file-request.ts'
import { resolveMailLocale } from '@porchlight/shared/i18n/mail/messages'
import { ratingDonePage, ratingFormPage, ratingWords } from './rating-page.ts'
import { ratingBody, ratingForm, ratingToken } from './rating-schemas.ts'

const ticketNotFound = () => new AppError('ticket_not_found', 'No such ticket.')

function secrets(c: Context<AppEnv>): string[] {
  const { secretKey, secretKeyPrevious } = c.get('deps').config
  return [secretKey, secretKeyPrevious].filter((s): s is string => s !== undefined)
}

/** The ticket an email's link names, or a page saying why the link does not work. */
async function linkedTicket(c: Context<AppEnv>): Promise<Ticket | Response> {
  const deps = c.get('deps')
  const token = ratingToken.safeParse(c.req.param('token'))
  const check = token.success
    ? readRatingToken(secrets(c), token.data, deps.clock.now())
    : ({ ok: false, why: 'invalid' } as const)
  const ticket = check.ok ? await findTicketForRating(deps.db, check.ticketId) : undefined
  if (ticket !== undefined) return ticket
  const expired = !check.ok && check.why === 'expired'
  // No ticket to take the language from: the browser's, else English.
  const words = ratingWords(
    resolveMailLocale((c.req.header('accept-language') ?? 'en').split(',')[0] ?? 'en'),
  )
  const page = expired
    ? ratingDonePage(words, words.expiredTitle, words.expiredText)
    : ratingDonePage(words, words.invalidTitle, words.invalidText)
  return c.html(page.html, expired ? 410 : 400, { 'Content-Security-Policy': page.csp })
}

/**
 * Satisfaction ratings (issue 20 item 5): the shopper rates a resolved request from the panel,
 * a finished chat from the panel, or either from the link in the resolution email. The first
 * rating of a ticket stands; any second one answers 409 already_rated.
 */
export const ratingRoutes = new Hono<AppEnv>()
  .post('/v1/tickets/:id/rating', requireShopper, async (c) => {
    const body = await readJson(c, ratingBody)
    const deps = c.get('deps')
    const ticket = await findTicket(deps.db, c.get('store').id, c.req.param('id'))
    const { identity } = c.get('shopper')
    // Someone else's ticket answers like a missing one: ids reveal nothing.
    if (
      ticket === undefined ||
      ticket.identity_kind !== identity.kind ||
      ticket.identity_value !== identity.value
    ) {
      throw ticketNotFound()
    }
    const rating = await rateTicket(deps, ticket, {
      score: body.score,
      comment: body.comment ?? null,
      source: 'panel',
    })
    return c.json({ rating }, 201)
  })
  .get('/rate/:token', async (c) => {
    const ticket = await linkedTicket(c)
    if (ticket instanceof Response) return ticket
    const score = Number(c.req.query('score'))
    const { words, store } = await pageOf(c, ticket)
    const page = ratingFormPage(words, {
      storeName: store?.name ?? 'the store',
      reference: ticketReference(ticket.number),
      action: c.req.path,
      preselected: Number.isInteger(score) && score >= 1 && score <= 5 ? score : null,
    })
    return c.html(page.html, 200, { 'Content-Security-Policy': page.csp })
  })
  .post('/rate/:token', async (c) => {
    const ticket = await linkedTicket(c)
    if (ticket instanceof Response) return ticket
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()))
    const parsed = ratingForm.safeParse(form)
    const { words } = await pageOf(c, ticket)
    if (!parsed.success || findUnsafeValue(form) !== undefined) {
      const page = ratingDonePage(words, words.pickTitle, words.pickText)
      return c.html(page.html, 400, { 'Content-Security-Policy': page.csp })
    }
    try {
      await rateTicket(c.get('deps'), ticket, {
        score: parsed.data.score,
        comment: parsed.data.comment ?? null,
        source: 'email',
      })
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'already_rated') throw err
      const page = ratingDonePage(words, words.alreadyTitle, words.alreadyText)
      return c.html(page.html, 409, { 'Content-Security-Policy': page.csp })
    }
    const page = ratingDonePage(words, words.thanksTitle, words.thanksText)
    return c.html(page.html, 201, { 'Content-Security-Policy': page.csp })
  })

/** The ticket's store, and the page's words in the language of the shopper's emails. */
async function pageOf(c: Context<AppEnv>, ticket: Ticket) {
  const store = await findStoreById(c.get('deps').db, ticket.store_id)
  const locale = resolveMailLocale(ticket.locale, store && storeLocale(store))
  return { store, words: ratingWords(locale) }
}

/**
 * Rating a chat that ended, by its participant (signed-in shopper or visitor). Mounted after
 * the shopper chat routes, whose middleware names the store (X-Porchlight-Key) and answers CORS.
 */
export const chatRatingRoutes = new Hono<AppEnv>().post(
  '/v1/conversations/:id/rating',
  async (c) => {
    const body = await readJson(c, ratingBody)
    const deps = c.get('deps')
    const store = c.get('store')
    const token = /^Bearer\s+(\S{10,200})$/i.exec(c.req.header('authorization') ?? '')?.[1]
    const who =
      token === undefined ? undefined : await findParticipant(deps.db, token, deps.clock.now())
    if (who === undefined || who.storeId !== store.id) {
      throw new AppError('chat_unauthenticated', 'Sign in or give your name and email to chat.')
    }
    const conversation = await findConversationForRating(deps.db, store.id, c.req.param('id'))
    const owns =
      conversation !== undefined &&
      ((who.visitorId !== null && conversation.visitor_id === who.visitorId) ||
        (who.identity !== null &&
          conversation.identity_kind === who.identity.kind &&
          conversation.identity_value === who.identity.value))
    if (!owns) throw new AppError('conversation_not_found', 'No such conversation.')
    const ticket = await findTicket(deps.db, store.id, conversation.ticket_id)
    if (ticket === undefined) throw new AppError('conversation_not_found', 'No such conversation.')
    const rating = await rateTicket(deps, ticket, {
      score: body.score,
      comment: body.comment ?? null,
      source: 'panel',
    })
    return c.json({ rating }, 201)
  },
)

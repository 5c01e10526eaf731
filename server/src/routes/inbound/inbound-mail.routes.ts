import { timingSafeEqual } from 'node:crypto'
import type { InboundMailAnswer } from '@porchlight/shared/api/mail-replies'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { receiveReplyMail } from '../../services/mail-replies/receive-reply.ts'

/** Where providers' inbound routes post; app.ts leaves its body limit to this route. */
export const INBOUND_MAIL_PATH = '/v1/inbound/mail/'

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * `POST /v1/inbound/mail/:secret`: one raw MIME message as the body (message/rfc822, or any
 * type: providers differ), for email providers' inbound routing. The secret in the URL is the
 * credential (INBOUND_MAIL_SECRET). Bodies over INBOUND_MAIL_MAX_BYTES are refused from their
 * Content-Length, before they are read. A message taken in or deliberately dropped (a loop,
 * an unknown address, a repeat) answers 202, so the provider does not post it again; only a
 * body that is no message answers 400.
 */
export const inboundMailRoutes = new Hono<AppEnv>().post(
  `${INBOUND_MAIL_PATH}:secret`,
  async (c, next) => {
    const inbound = c.get('deps').config.inboundMail
    const secret = inbound?.httpSecret
    if (secret === undefined) {
      throw new AppError('inbound_mail_disabled', 'This server receives no replies over HTTP.')
    }
    if (!sameSecret(c.req.param('secret') ?? '', secret)) {
      throw new AppError('inbound_secret_invalid', 'This inbound address is not valid.')
    }
    const limit = bodyLimit({
      maxSize: inbound!.maxBytes,
      onError: () => {
        c.get('deps').logger.info('inbound mail dropped', { via: 'http', reason: 'too_large' })
        throw new AppError(
          'payload_too_large',
          `Messages are limited to ${inbound!.maxBytes} bytes.`,
        )
      },
    })
    return limit(c, next)
  },
  async (c) => {
    const raw = Buffer.from(await c.req.arrayBuffer())
    const outcome = await receiveReplyMail(c.get('deps'), raw, { via: 'http' })
    if (outcome.kind === 'dropped' && outcome.reason === 'malformed') {
      throw new AppError('inbound_mail_malformed', 'The body is not a MIME message with a sender.')
    }
    const answer: InboundMailAnswer =
      outcome.kind === 'dropped'
        ? { outcome: 'dropped', reason: outcome.reason }
        : { outcome: outcome.kind }
    return c.json(answer, 202)
  },
)

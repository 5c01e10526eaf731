import {
  fillMail,
  isMailLocale,
  mailCatalog,
  type MailLocale,
} from '@porchlight/shared/i18n/mail/messages'
import { DeliveryError } from '../../adapters/delivery-error.ts'
import type { DeliveryFailure } from '../../db/auth-challenges.table.ts'
import { markCodeDelivered, markCodeUndeliverable } from '../../db/auth-challenges.repository.ts'
import type { OutboxTemplate, QueuedMessage } from '../outbox/outbox.ts'
import { CODE_TTL_MS } from './auth-settings.ts'
import { codeSecret } from './code-keys.ts'
import { deriveCode } from './one-time-code.ts'

export const AUTH_CODE_TEMPLATE = 'auth-code'

/** What the outbox row holds: enough to derive the code again, never the code. */
export interface AuthCodeParams {
  challengeId: string
  counter: number
  locale: MailLocale
  storeName: string
  /** Id of the secret key the code derives from (public); null for older challenges. */
  keyId?: string | null
}

const minutes = CODE_TTL_MS / 60_000

/**
 * A store name as one short line of plain text: control characters (CR, LF, ...) and line or
 * paragraph separators become spaces, so the name can neither start a mail header nor add a
 * line to a text message (such as a fake `@host #code` line).
 */
export function oneLine(value: string, max = 100): string {
  const flat = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return [...flat].slice(0, max).join('')
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  )
}

/** The sign-in email: subject, plain text and a simple HTML body naming the store. */
export function renderCodeEmail(locale: MailLocale, storeName: string, code: string) {
  const { dir, signInCode: t } = mailCatalog(locale)
  const store = oneLine(storeName)
  const subject = fillMail(t.subject, { store })
  const intro = fillMail(t.intro, { store })
  const expiry = fillMail(t.expiry, { minutes })
  const warning = fillMail(t.warning, { store })
  const text = [intro, '', `    ${code}`, '', expiry, '', t.ignore, warning, ''].join('\n')
  const p = (s: string, style = '') => `<p${style && ` style="${style}"`}>${escapeHtml(s)}</p>`
  const html = [
    '<!doctype html>',
    `<html lang="${locale}" dir="${dir}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1a1a1a;line-height:1.5">',
    p(intro),
    `<p dir="ltr" style="font-size:32px;font-weight:700;letter-spacing:6px;font-family:ui-monospace,Menlo,Consolas,monospace">${code}</p>`,
    p(expiry),
    p(t.ignore, 'color:#555'),
    p(warning, 'color:#555'),
    '</body></html>',
  ].join('\n')
  return { subject, text, html }
}

/**
 * The sign-in text message. Its last line is the origin-bound form `@host #code`, which lets
 * phones offer the code only on the site it belongs to (WebOTP, iOS and Android autofill).
 */
export function renderCodeSms(
  locale: MailLocale,
  storeName: string,
  code: string,
  host: string,
): string {
  const text = fillMail(mailCatalog(locale).signInCode.sms, {
    code,
    store: oneLine(storeName, 40),
    minutes,
  })
  return `${text}\n\n@${host} #${code}`
}

function readParams(message: QueuedMessage): AuthCodeParams {
  const p = message.params
  if (
    typeof p['challengeId'] !== 'string' ||
    typeof p['counter'] !== 'number' ||
    typeof p['storeName'] !== 'string' ||
    typeof p['locale'] !== 'string' ||
    !isMailLocale(p['locale'])
  ) {
    throw new DeliveryError('rejected', true, 'malformed auth-code params')
  }
  return p as unknown as AuthCodeParams
}

function failureOf(channel: QueuedMessage['channel'], error: DeliveryError): DeliveryFailure {
  if (error.reason === 'unsubscribed') return 'phone_unsubscribed'
  if (error.reason === 'invalid_recipient' && channel === 'sms') return 'invalid_phone'
  return 'undeliverable'
}

/** The outbox template of sign-in codes: derives the code when sending, from the secret. */
export function authCodeTemplate(config: {
  secretKey: string
  secretKeyPrevious?: string | undefined
  publicUrl: string
}): OutboxTemplate {
  const host = new URL(config.publicUrl).hostname
  return {
    async render(message) {
      const params = readParams(message)
      const secret = codeSecret(config, params.keyId)
      // Rotated out before it was sent: the code could not be checked anyway.
      if (secret === undefined) throw new DeliveryError('rejected', true, 'code key retired')
      const code = await deriveCode(secret, params.challengeId, params.counter)
      return message.channel === 'email'
        ? { channel: 'email', ...renderCodeEmail(params.locale, params.storeName, code) }
        : { channel: 'sms', body: renderCodeSms(params.locale, params.storeName, code, host) }
    },
    async onDelivered(trx, message, now) {
      const params = readParams(message)
      await markCodeDelivered(trx, params.challengeId, params.counter, now.getTime())
    },
    async onFailed(trx, message, error) {
      const params = readParams(message)
      await markCodeUndeliverable(
        trx,
        params.challengeId,
        params.counter,
        failureOf(message.channel, error),
      )
    },
  }
}

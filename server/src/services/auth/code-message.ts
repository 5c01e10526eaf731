import { fillMail, mailCatalog, type MailLocale } from '@porchlight/shared/i18n/mail/messages'
import { DeliveryError } from '../../adapters/delivery-error.ts'
import type { DeliveryFailure } from '../../db/auth-challenges.table.ts'
import { markCodeDelivered, markCodeUndeliverable } from '../../db/auth-challenges.repository.ts'
import { renderMail, type RenderedMail } from '../mail/mail-document.ts'
import { oneLine } from '../mail/one-line.ts'
import type { OutboxTemplate, QueuedMessage } from '../outbox/outbox.ts'
import type { OutboxPayloads, OutboxTemplateName } from '../outbox/payloads.ts'
import { CODE_TTL_MS } from './auth-settings.ts'
import { codeSecret } from './code-keys.ts'
import { deriveCode } from './one-time-code.ts'

export const AUTH_CODE_TEMPLATE = 'auth-code' satisfies OutboxTemplateName

/** What the outbox row holds: enough to derive the code again, never the code. */
export type AuthCodeParams = OutboxPayloads[typeof AUTH_CODE_TEMPLATE]

const minutes = CODE_TTL_MS / 60_000

/** The sign-in email: the code on its own line (left to right in every language). */
export function renderCodeEmail(locale: MailLocale, storeName: string, code: string): RenderedMail {
  const { dir, signInCode: t } = mailCatalog(locale)
  const store = oneLine(storeName)
  return renderMail({
    lang: locale,
    dir,
    subject: fillMail(t.subject, { store }),
    paragraphs: [
      fillMail(t.intro, { store }),
      { text: code, style: 'code' },
      fillMail(t.expiry, { minutes }),
      { text: t.ignore, style: 'muted' },
      { text: fillMail(t.warning, { store }), style: 'muted' },
    ],
  })
}

/**
 * The sign-in text message. Its last line is the origin-bound form, which lets phones offer the
 * code only on the site it belongs to (WebOTP, iOS and Android autofill): `@host #code` when the
 * panel is this server's own page; `@storefront #code @host` when it is framed in the
 * storefront's page (WebOTP's form for a cross-origin iframe: the top-level host, then ours).
 */
export function renderCodeSms(
  locale: MailLocale,
  storeName: string,
  code: string,
  host: string,
  storefront?: string | null,
): string {
  const text = fillMail(mailCatalog(locale).signInCode.sms, {
    code,
    store: oneLine(storeName, 40),
    minutes,
  })
  const bound =
    storefront && storefront !== host ? `@${storefront} #${code} @${host}` : `@${host} #${code}`
  return `${text}\n\n${bound}`
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
}): OutboxTemplate<typeof AUTH_CODE_TEMPLATE> {
  const host = new URL(config.publicUrl).hostname
  return {
    async render(message) {
      const { params } = message
      const secret = codeSecret(config, params.keyId)
      // Rotated out before it was sent: the code could not be checked anyway.
      if (secret === undefined) throw new DeliveryError('rejected', true, 'code key retired')
      const code = await deriveCode(secret, params.challengeId, params.counter)
      return message.channel === 'email'
        ? { channel: 'email', ...renderCodeEmail(params.locale, params.storeName, code) }
        : {
            channel: 'sms',
            body: renderCodeSms(params.locale, params.storeName, code, host, params.storefrontHost),
          }
    },
    async onDelivered(trx, message, now) {
      const { params } = message
      await markCodeDelivered(trx, params.challengeId, params.counter, now.getTime())
    },
    async onFailed(trx, message, error) {
      const { params } = message
      await markCodeUndeliverable(
        trx,
        params.challengeId,
        params.counter,
        failureOf(message.channel, error),
      )
    },
  }
}

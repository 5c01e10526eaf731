import { fillMail, type MailLocale } from '@porchlight/shared/i18n/mail/messages'
import { ticketMailCatalog } from '@porchlight/shared/i18n/mail/tickets/catalogs'
import type { RatingPageTexts } from '@porchlight/shared/i18n/mail/tickets/types'
import { randomBytes } from 'node:crypto'
import { safeHtml, trustedHtml, type SafeHtml } from '../../services/mail/html.ts'

const STYLE = `
body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1c2126;background:#f4f6f8}
main{max-width:520px;margin:40px auto;padding:24px;background:#fff;border:1px solid #d6dbe0;border-radius:8px}
h1{font-size:1.4rem;margin:0 0 12px}
fieldset{border:none;padding:0;margin:0 0 16px}
legend{font-weight:600;margin-bottom:8px}
.scores{display:flex;gap:8px;flex-wrap:wrap}
.scores label{display:flex;align-items:center;gap:6px;border:1px solid #767f89;border-radius:6px;padding:8px 12px}
label[for=comment]{display:block;font-weight:600;margin-bottom:4px}
textarea{width:100%;box-sizing:border-box;font:inherit;border:1px solid #767f89;border-radius:6px;padding:8px}
button{margin-top:16px;font:inherit;background:#0b57b7;color:#fff;border:none;border-radius:6px;padding:10px 18px;cursor:pointer}
:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.muted{color:#545d68}`

/** The rating page's words in one language, with its direction. */
export function ratingWords(
  locale: MailLocale,
): RatingPageTexts & { lang: MailLocale; dir: string } {
  const catalog = ticketMailCatalog(locale)
  return { ...catalog.ratingPage, lang: locale, dir: catalog.dir }
}

type Words = ReturnType<typeof ratingWords>

/**
 * A page with its own nonce-locked style: no script, forms post only back here. Every value
 * goes through the server's one HTML tag, which escapes it.
 */
function ratingPage(words: Words, title: string, body: SafeHtml): { html: string; csp: string } {
  const nonce = randomBytes(16).toString('base64')
  const html = safeHtml`<!doctype html>
<html lang="${words.lang}" dir="${words.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style nonce="${nonce}">${trustedHtml(STYLE)}</style></head>
<body><main>${body}</main></body></html>`
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
  return { html: html.toString(), csp }
}

export function ratingFormPage(
  words: Words,
  input: { storeName: string; reference: string; action: string; preselected: number | null },
) {
  const scores = [1, 2, 3, 4, 5].map(
    (n) =>
      safeHtml`<label><input type="radio" name="score" value="${n}" required${
        input.preselected === n ? trustedHtml(' checked') : ''
      }> ${n}</label>`,
  )
  const heading = fillMail(words.heading, { store: input.storeName })
  return ratingPage(
    words,
    heading,
    safeHtml`<h1>${heading}</h1>
<p class="muted">${fillMail(words.about, { reference: input.reference })}</p>
<form method="post" action="${input.action}">
<fieldset><legend>${words.legend}</legend><div class="scores">${scores}</div></fieldset>
<label for="comment">${words.commentLabel}</label>
<textarea id="comment" name="comment" rows="4" maxlength="1000"></textarea>
<button type="submit">${words.submit}</button>
</form>`,
  )
}

/** A page with one message: done, already rated, a bad or expired link. */
export function ratingDonePage(words: Words, title: string, text: string) {
  return ratingPage(words, title, safeHtml`<h1>${title}</h1><p>${text}</p>`)
}

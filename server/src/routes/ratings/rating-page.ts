import { randomBytes } from 'node:crypto'

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  )

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

/** A page with its own nonce-locked style: no script, forms post only back here. */
export function ratingPage(title: string, body: string): { html: string; csp: string } {
  const nonce = randomBytes(16).toString('base64')
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main>${body}</main></body></html>`
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
  return { html, csp }
}

export function ratingFormPage(input: {
  storeName: string
  reference: string
  action: string
  preselected: number | null
}) {
  const scores = [1, 2, 3, 4, 5]
    .map(
      (n) =>
        `<label><input type="radio" name="score" value="${n}" required${
          input.preselected === n ? ' checked' : ''
        }> ${n}</label>`,
    )
    .join('')
  return ratingPage(
    `Rate your experience with ${input.storeName}`,
    `<h1>How did ${escape(input.storeName)} do?</h1>
<p class="muted">About request ${escape(input.reference)}.</p>
<form method="post" action="${escape(input.action)}">
<fieldset><legend>Your rating, from 1 (poor) to 5 (excellent)</legend><div class="scores">${scores}</div></fieldset>
<label for="comment">Anything to add? (optional)</label>
<textarea id="comment" name="comment" rows="4" maxlength="1000"></textarea>
<button type="submit">Send rating</button>
</form>`,
  )
}

export function ratingDonePage(title: string, text: string) {
  return ratingPage(title, `<h1>${escape(title)}</h1><p>${escape(text)}</p>`)
}

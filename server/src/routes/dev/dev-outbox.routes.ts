import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import type { CapturedMessage } from '../../adapters/dev-outbox/dev-outbox.ts'
import { AppError } from '../../errors.ts'
import { safeHtml, type SafeHtml } from '../../services/mail/html.ts'

function card(m: CapturedMessage): SafeHtml {
  const head = safeHtml`<h2>${m.channel === 'email' ? 'Email' : 'SMS'} to ${m.to}</h2>
<p class="meta">${m.at} · ${m.id}</p>`
  if (m.channel === 'sms') return safeHtml`<article>${head}<pre>${m.text}</pre></article>`
  // The HTML body is shown in a sandbox without scripts, from an escaped srcdoc attribute.
  return safeHtml`<article>${head}<p><strong>${m.subject}</strong></p><pre>${m.text}</pre>
<details><summary>HTML version</summary><iframe sandbox srcdoc="${m.html}" title="HTML version"></iframe></details></article>`
}

function page(messages: CapturedMessage[]): string {
  return safeHtml`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev outbox · Porchlight</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:46rem;padding:0 1rem;color:#1a1a1a}
article{border:1px solid #ddd;border-radius:8px;padding:0 1rem 1rem;margin:1rem 0}
h2{font-size:1.05rem;margin:1rem 0 0}.meta{color:#666;font-size:.85rem;margin:0}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.75rem;border-radius:6px}
iframe{width:100%;height:22rem;border:1px solid #ddd;border-radius:6px}
</style></head><body>
<h1>Dev outbox</h1>
<p>Emails and text messages this server would have sent. Shown because no SMTP server or Twilio
account is configured; this page does not exist in production. Refreshes every 5 seconds.
JSON: <a href="/dev/outbox.json">/dev/outbox.json</a>.</p>
${messages.length === 0 ? safeHtml`<p><em>Nothing yet.</em></p>` : messages.map((m) => [card(m), '\n'])}
</body></html>`.toString()
}

function captured(c: { get(k: 'deps'): AppEnv['Variables']['deps'] }): CapturedMessage[] {
  const devOutbox = c.get('deps').devOutbox
  if (devOutbox === undefined) throw new AppError('not_found', 'There is no dev outbox here.')
  return devOutbox.list()
}

/** The dev outbox: what would have been sent, for development without SMTP or Twilio. */
export const devOutboxRoutes = new Hono<AppEnv>()
  .get('/dev/outbox.json', (c) =>
    c.json({ messages: captured(c) }, 200, { 'Cache-Control': 'no-store' }),
  )
  .get('/dev/outbox', (c) =>
    c.body(page(captured(c)), 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'",
    }),
  )

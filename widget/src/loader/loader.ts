/**
 * The script merchants paste. It must stay tiny, write nothing to the host's cookies or storage,
 * cause no layout shift, survive hostile page CSS (shadow roots), work under a strict CSP and
 * Trusted Types (constructed stylesheets, CSSOM, no innerHTML), and never throw into the host
 * page. The panel itself lives in an iframe on our origin.
 *
 * Merchants may call the API before this script has loaded, through the queue stub:
 *   window.Porchlight=window.Porchlight||function(){(Porchlight.q=Porchlight.q||[]).push(arguments)}
 *   Porchlight('on', 'ticket:created', fn); Porchlight('open'); Porchlight('setLocale', 'fr')
 *   Porchlight('identify', token)  // a JWT the merchant's server signed: the shopper skips the code
 */
import { pickLocale } from '@porchlight/shared/api/embed-messages'
import { warn } from './dom.ts'
import { startWidget } from './widget.ts'

type Api = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[]; loaded?: true }

try {
  const w = window as unknown as { Porchlight?: Api }
  const script = (document.currentScript ??
    document.querySelector('script[data-store][src*="porchlight"]')) as HTMLScriptElement | null
  const key = script?.dataset['store']
  // A single-page app may run the tag again: the first copy keeps the page, later ones stop.
  if (script && key && !w.Porchlight?.loaded) {
    const queue = Array.from(w.Porchlight?.q ?? [], (args) => Array.from(args))
    let exec: ((args: unknown[]) => void) | undefined
    const api: Api = (...args) => (exec ? exec(args) : void queue.push(args))
    api.loaded = true
    w.Porchlight = api
    const locale =
      pickLocale(script.dataset['locale'], document.documentElement.lang, navigator.language) ??
      'en'
    startWidget(new URL(script.src).origin, key, locale, queue, (e) => (exec = e)).catch((err) =>
      warn('not started: check data-store and the allowed origins', err),
    )
  }
} catch (err) {
  // Never break the merchant's page; say what happened where a developer would look.
  warn('failed to start', err)
}

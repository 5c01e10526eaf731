import {
  normalizeLocale,
  PANEL_EVENTS,
  type HostToPanel,
} from '@porchlight/shared/api/embed-messages'
import { post, safe, warn, type Ctx } from './dom.ts'
import { mountEmbeds } from './embeds.ts'
import { createLauncher, type Theme, type Words } from './launcher.ts'

type Handler = (detail?: unknown) => void

/**
 * Starts the widget once the store's settings are known, then hands the `Porchlight(...)`
 * command runner to `bind`. Settings come from one small, cached CORS fetch rather than from
 * data attributes: the colour and side live in the store's settings, not in every theme's copy
 * of the tag, and a page whose origin the store does not allow gets no launcher (its iframe
 * would be refused by frame-ancestors). The logo is the panel's to show, inside our frame.
 */
export async function startWidget(
  origin: string,
  key: string,
  locale: string,
  queue: unknown[][],
  bind: (exec: (args: unknown[]) => void) => void,
): Promise<void> {
  // The locale brings the launcher's words in the page's language (see createLauncher).
  const loadConfig = async (l: string) => {
    const res = await fetch(
      `${origin}/v1/widget/config?key=${encodeURIComponent(key)}&locale=${encodeURIComponent(l)}`,
    )
    if (!res.ok) throw new Error(`config ${res.status}`)
    return (await res.json()) as { theme?: Theme; launcher?: Words; appProxy?: string }
  }
  const config = await loadConfig(locale)

  const handlers: Record<string, Handler[]> = {}
  const ctx: Ctx = {
    origin,
    key,
    locale,
    frames: [],
    ready: new WeakSet(),
    // A subscriber that throws is warned about and stops nothing: the others still hear it.
    emit: (name, detail) => handlers[name]?.slice().forEach((fn) => safe(fn)(detail)),
  }
  const launcher = createLauncher(ctx, config.theme ?? {}, config.launcher)

  // The help-center page shows the portal inline; a launcher beside it would open a second one.
  const scan = safe(() => {
    mountEmbeds(ctx)
    launcher.host.hidden = !!document.querySelector('[data-porchlight="portal"]')
    if (launcher.host.hidden) launcher.close()
  })
  scan()
  // On <html>, not <body>: a page that swaps <body> on navigation (Turbo and the like) keeps the
  // launcher, and a transform or filter on <body> cannot become the fixed launcher's container.
  document.documentElement.append(launcher.host)
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true })

  addEventListener(
    'message',
    safe((e: MessageEvent) => {
      const frame = e.origin === origin && ctx.frames.find((f) => f.contentWindow === e.source)
      const d = (e.data ?? {}) as Record<string, unknown>
      const type = d['type']
      if (!frame) return
      const panel = frame === launcher.panel()
      if (type === 'porchlight:ready') {
        ctx.ready.add(frame)
        post(ctx, frame, { type: 'porchlight:locale', locale: ctx.locale })
        if (ctx.identity) post(ctx, frame, { type: 'porchlight:identify', token: ctx.identity })
        // On a Shopify storefront (the store has an app proxy, and Shopify's theme script set
        // `window.Shopify`; a help page elsewhere has no proxy): the proxy's identity path, on the
        // shop's own origin (so fetch's default credentials send the shop's cookies), where Shopify
        // adds who is signed in, signed. Each panel gets a grant of its own, as a grant works
        // once. A refusal (nobody signed in) has no grant, and the panel drops what is not one.
        if (config.appProxy && 'Shopify' in window)
          fetch(config.appProxy)
            .then((r) => r.json())
            .then((g) => post(ctx, frame, { type: 'porchlight:grant', grant: g.grant }), warn)
        if (panel && launcher.isOpen()) post(ctx, frame, { type: 'porchlight:open' })
      } else if (type === 'porchlight:close' && panel) launcher.close()
      else if (type === 'porchlight:resize' && !panel && Number(d['height']) >= 0)
        frame.style.height = `${Math.min(Math.ceil(Number(d['height'])), 1e5)}px`
      else if (type === 'porchlight:unread') launcher.unread(d['count'])
      else if (type === 'porchlight:event' && PANEL_EVENTS.includes(d['name'] as never))
        ctx.emit(d['name'] as string, d['detail'])
    }),
  )

  const toAll = (m: HostToPanel) => ctx.frames.forEach((f) => post(ctx, f, m))
  const run = (cmd: unknown, a: unknown, b: unknown) => {
    if (cmd === 'open') launcher.open()
    else if (cmd === 'close') launcher.close()
    else if (cmd === 'toggle') (launcher.isOpen() ? launcher.close : launcher.open)()
    else if (cmd === 'setLocale') {
      const l = normalizeLocale(a)
      if (!l) return warn('setLocale: not a language tag', a)
      ctx.locale = l
      toAll({ type: 'porchlight:locale', locale: l })
      loadConfig(l).then((c) => launcher.say(c.launcher), warn)
    } else if (cmd === 'identify' && typeof a === 'string') {
      // The panel checks the token's shape (readHostMessage), the server everything else.
      ctx.identity = a
      toAll({ type: 'porchlight:identify', token: a })
    } else if (
      (cmd === 'on' || cmd === 'off') &&
      typeof a === 'string' &&
      typeof b === 'function'
    ) {
      const list = (handlers[a] ??= [])
      if (cmd === 'off') list.splice(list.indexOf(b as Handler) >>> 0, 1)
      else {
        list.push(b as Handler)
        // Commands only run once the widget is up, so a `ready` subscriber hears it at once.
        if (a === 'ready') safe(b as Handler)()
      }
    } else warn('unknown command', cmd)
  }
  const exec = safe((args: unknown[]) => run(args[0], args[1], args[2]))
  // Direct calls from now on; then the calls queued before we were here, in their order, in
  // this same task so that none can slip between.
  bind(exec)
  queue.splice(0).forEach(exec)
}

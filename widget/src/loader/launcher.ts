import { panelFrame, post, shadowHost, type Ctx } from './dom.ts'

export interface Theme {
  color?: unknown
  position?: unknown
}

export interface Launcher {
  host: HTMLElement
  panel(): HTMLIFrameElement | undefined
  isOpen(): boolean
  open(): void
  close(): void
  /** The unread badge; the chat will drive it through `porchlight:unread` messages. */
  unread(count: unknown): void
  /** New words for the button, after `setLocale`. */
  say(words: Words | undefined): void
}

/**
 * The button's words in the page's language, from the store's configuration (asked for again
 * after `setLocale`); English if absent.
 */
export interface Words {
  label?: unknown
  unread?: unknown
}
const SVG = 'http://www.w3.org/2000/svg'

/** Black or white, whichever reads better on the store's colour. */
function inkOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16)
  return (n >> 16) * 299 + ((n >> 8) & 255) * 587 + (n & 255) * 114 > 150000 ? '#000' : '#fff'
}

// The panel is a fixed iframe beside the launcher, full screen below 640px wide.
const css = (color: string, ink: string, side: string) =>
  `:host{position:fixed!important;bottom:20px!important;${side}:20px!important;z-index:2147483647!important}` +
  `button{all:unset;position:relative;width:56px;height:56px;border-radius:50%;background:${color};color:${ink};display:grid;place-items:center;cursor:pointer;box-shadow:0 4px 14px #0004}` +
  `button:focus-visible{outline:3px solid ${ink};outline-offset:-7px}` +
  `svg{width:26px;height:26px;fill:currentColor}` +
  `span{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;box-sizing:border-box;border-radius:10px;background:#d1242f;color:#fff;font:600 12px/20px system-ui,sans-serif;text-align:center}span:empty{display:none}` +
  `iframe{position:fixed;bottom:88px;${side}:20px;width:380px;height:min(640px,calc(100vh - 110px));border:0;border-radius:14px;box-shadow:0 10px 40px #0005;background:#fff}` +
  `iframe[hidden]{display:none}` +
  `@media (max-width:639px){iframe{inset:0;width:100%;height:100%;border-radius:0}}`

/** The floating launcher and its panel. Appended by the caller, to <html> (see widget.ts). */
export function createLauncher(ctx: Ctx, theme: Theme, words?: Words): Launcher {
  let label = 'Open help chat'
  let unreadText = '{count} unread'
  let unread = 0
  // Checked by the server that also served this script (publicStoreConfig: a `#rrggbb`, its
  // default otherwise), so it is not checked twice here, where every byte is the merchant's.
  const color = theme.color as string
  const [host, root] = shadowHost(
    'porchlight-launcher',
    css(color, inkOn(color), theme.position === 'left' ? 'left' : 'right'),
  )
  const button = document.createElement('button')
  const badge = document.createElement('span')
  // Built node by node: innerHTML would throw on pages that enforce Trusted Types.
  const svg = document.createElementNS(SVG, 'svg')
  const path = document.createElementNS(SVG, 'path')
  svg.setAttribute('viewBox', '0 0 24 24')
  svg.setAttribute('aria-hidden', 'true')
  path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z')
  svg.append(path)
  badge.setAttribute('aria-hidden', 'true')
  button.type = 'button'
  const relabel = () =>
    button.setAttribute(
      'aria-label',
      unread ? `${label}, ${unreadText.replace('{count}', `${unread}`)}` : label,
    )
  const say = (w: Words | undefined) => {
    if (typeof w?.label === 'string') label = w.label
    if (typeof w?.unread === 'string') unreadText = w.unread
    relabel()
  }
  say(words)
  button.setAttribute('aria-expanded', 'false')
  button.append(svg, badge)
  root.append(button)

  let frame: HTMLIFrameElement | undefined
  const isOpen = () => !!frame && !frame.hidden
  // Created hidden on the first sign of intent (below), so a click finds the panel loaded.
  const ensure = () => {
    if (!frame) {
      frame = panelFrame(ctx, 'floating', 'Help and orders')
      frame.hidden = true
      root.append(frame)
    }
    return frame
  }
  const open = () => {
    if (isOpen() || host.hidden) return
    const f = ensure()
    f.hidden = false
    button.setAttribute('aria-expanded', 'true')
    f.focus()
    post(ctx, f, { type: 'porchlight:open' })
    ctx.emit('open')
  }
  const close = () => {
    if (!frame || !isOpen()) return
    // Focus goes back to the launcher only if it was in the panel, not when a page script closes
    // the panel while the shopper is elsewhere on the page.
    const hadFocus = document.activeElement === host
    frame.hidden = true
    button.setAttribute('aria-expanded', 'false')
    if (hadFocus) button.focus()
    ctx.emit('close')
  }
  button.addEventListener('click', () => (isOpen() ? close() : open()))
  // Intent: a pointer over the button (a touch fires it too, before the tap) or the keyboard's
  // focus on it, so a click or Enter finds the panel loading already.
  button.addEventListener('pointerenter', ensure)
  button.addEventListener('focus', ensure)
  root.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') close()
  })

  return {
    host,
    panel: () => frame,
    isOpen,
    open,
    close,
    unread(count) {
      unread = Math.max(0, Math.floor(Number(count)) || 0)
      badge.textContent = unread ? (unread > 99 ? '99+' : String(unread)) : ''
      relabel()
    },
    say,
  }
}

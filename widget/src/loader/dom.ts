import type { HostToPanel } from '@porchlight/shared/api/embed-messages'

/** What every part of the loader shares: where our server is, the store, the frames we made. */
export interface Ctx {
  origin: string
  key: string
  locale: string
  frames: HTMLIFrameElement[]
  /** Frames whose panel said it is listening: posting earlier would log an error on the host. */
  ready: WeakSet<HTMLIFrameElement>
  /** The identity token of `Porchlight('identify', token)`, handed to each panel when ready. */
  identity?: string
  emit(name: string, detail?: unknown): void
}

export const warn = (...args: unknown[]) => console.warn('[porchlight]', ...args)

/** Wraps a callback the host page's event loop calls, so that nothing we do throws into it. */
export const safe =
  <A extends unknown[]>(fn: (...args: A) => void) =>
  (...args: A) => {
    try {
      fn(...args)
    } catch (err) {
      warn(err)
    }
  }

/**
 * A custom element with a shadow root styled by `css`. `:host{all:initial!important}` wins over
 * any page rule, even an `!important` one (inner context wins for important declarations), and
 * a constructed stylesheet passes a strict `style-src` where a <style> element would not.
 */
export function shadowHost(tag: string, css: string): [HTMLElement, ShadowRoot] {
  const host = document.createElement(tag)
  const root = host.attachShadow({ mode: 'open' })
  css = `:host{all:initial!important;display:block!important}:host([hidden]){display:none!important}@media print{:host{display:none!important}}${css}`
  if ('adoptedStyleSheets' in root) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [sheet]
  } else {
    // Safari before 16.4: a <style> works everywhere except under a strict CSP.
    const style = document.createElement('style')
    style.textContent = css
    ;(root as ShadowRoot).append(style)
  }
  return [host, root]
}

/** An iframe on our origin; the panel learns its mode, the host's origin and the locale. */
export function panelFrame(ctx: Ctx, mode: string, title: string): HTMLIFrameElement {
  const frame = document.createElement('iframe')
  frame.title = title
  // Lets the panel's sign-in read a texted code (WebOTP) though it is framed on another origin.
  frame.allow = 'otp-credentials'
  frame.src = `${ctx.origin}/w/${encodeURIComponent(ctx.key)}?mode=${mode}&origin=${encodeURIComponent(location.origin)}&locale=${encodeURIComponent(ctx.locale)}`
  ctx.frames.push(frame)
  return frame
}

/** Posts to a panel that is listening, always to our exact origin. */
export function post(ctx: Ctx, frame: HTMLIFrameElement, message: HostToPanel): void {
  if (ctx.ready.has(frame)) frame.contentWindow?.postMessage(message, ctx.origin)
}

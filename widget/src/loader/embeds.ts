import { panelFrame, shadowHost, type Ctx } from './dom.ts'

const titles: Record<string, string> = { portal: 'Help center', contact: 'Contact form' }
const mounted = new WeakMap<Element, Element>()

/**
 * Fills every `<div data-porchlight="portal|contact">` with its iframe, sized by the panel's
 * resize messages. Runs again on DOM changes, so a single-page app's route gets its embed too,
 * and an embed its framework threw away (re-render, hydration) is put back.
 */
export function mountEmbeds(ctx: Ctx): void {
  document.querySelectorAll<HTMLElement>('[data-porchlight]').forEach((el) => {
    const mode = el.dataset['porchlight'] ?? ''
    if (!titles[mode] || mounted.get(el)?.parentNode === el) return
    const [host, root] = shadowHost('porchlight-embed', 'iframe{display:block;width:100%;border:0}')
    const frame = panelFrame(ctx, mode, titles[mode])
    // Below the fold, the embed costs the page nothing until the shopper scrolls near it.
    frame.loading = 'lazy'
    root.append(frame)
    el.append(host)
    mounted.set(el, host)
  })
  ctx.frames = ctx.frames.filter((f) => f.isConnected)
}

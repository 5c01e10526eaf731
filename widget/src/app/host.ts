import {
  EMBED_MODES,
  normalizeLocale,
  readHostMessage,
  type EmbedMode,
  type PanelEventName,
  type PanelEvents,
  type PanelToHost,
} from '@porchlight/shared/api/embed-messages'
import { useEffect, useMemo, useState } from 'preact/hooks'
import './host.css'
import { wrapTab } from './focus-wrap.ts'

/** What the loader put in the panel's URL. */
export interface EmbedParams {
  mode: EmbedMode
  locale: string | undefined
  /** The host page's origin as the loader claims it; trusted only once the store lists it. */
  claimedOrigin: string | undefined
}

/** Reads the panel's URL; an unknown mode falls back to the floating panel. */
export function readEmbedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search)
  const mode = q.get('mode') as EmbedMode
  return {
    mode: EMBED_MODES.includes(mode) ? mode : 'floating',
    locale: normalizeLocale(q.get('locale')),
    claimedOrigin: q.get('origin') ?? undefined,
  }
}

/**
 * The origin the panel talks to: the one the loader named, and only when the store lists it, so
 * a page that frames us uninvited receives nothing and is not listened to.
 */
export function hostTarget(
  claimed: string | undefined,
  embedOrigins: string[],
): string | undefined {
  return claimed !== undefined && embedOrigins.includes(claimed) ? claimed : undefined
}

/** The embedding page, as the panel sees it: posts go only to an allowed, explicit origin. */
export function createHostLink(search: string, embedOrigins: string[]) {
  const target = hostTarget(readEmbedParams(search).claimedOrigin, embedOrigins)
  return {
    target,
    post(message: PanelToHost) {
      if (target !== undefined && window.parent !== window)
        window.parent.postMessage(message, target)
    },
  }
}

export interface HostBridge {
  mode: EmbedMode
  /** The locale the host page asked for (URL, then `Porchlight('setLocale')`), if any. */
  locale: string | undefined
  /** The host page's `Porchlight('identify', token)`, if it gave one. */
  identityToken: string | undefined
  /** The one-time grant the loader got from the Shopify app proxy, if a customer is signed in. */
  identityGrant: string | undefined
  post(message: PanelToHost): void
  /** Tells the host page's `Porchlight('on', name, fn)` subscribers. No personal data. */
  emit<N extends PanelEventName>(name: N, detail: PanelEvents[N]): void
}

// Where focus lands when the panel opens: a marked element, else the first field, else a control.
function focusFirst() {
  const active = document.activeElement
  if (active instanceof HTMLElement && active !== document.body) return active.focus()
  const el =
    document.querySelector<HTMLElement>('[data-autofocus]') ??
    document.querySelector<HTMLElement>('input,select,textarea') ??
    document.querySelector<HTMLElement>('button,a[href],[tabindex]')
  el?.focus()
}

// The content's own height: <html> is auto-height, so this does not follow the iframe's height
// (host.css stops the panel sizing itself from the viewport in inline modes).
const contentHeight = () => Math.ceil(document.documentElement.getBoundingClientRect().height)

/**
 * The panel's side of the loader's protocol. Call once in the app with the store's embed origins
 * (undefined until the config has loaded). Says `ready` when listening; takes locale changes and
 * `open` (focus) from the host; closes the floating panel on Escape; in inline modes reports the
 * content's height so the host sizes the iframe to it.
 */
export function useHostBridge(embedOrigins: string[] | undefined): HostBridge {
  const params = useMemo(() => readEmbedParams(location.search), [])
  const [locale, setLocale] = useState(params.locale)
  const [identityToken, setIdentityToken] = useState<string | undefined>(undefined)
  const [identityGrant, setIdentityGrant] = useState<string | undefined>(undefined)
  const link = useMemo(
    () => createHostLink(location.search, embedOrigins ?? []),
    [embedOrigins?.join(' ')],
  )

  useEffect(() => {
    document.documentElement.dataset['mode'] = params.mode
  }, [params.mode])
  // <html lang> and dir are set by locale.ts from the language actually shown, not the request.

  useEffect(() => {
    const target = link.target
    if (target === undefined || window.parent === window) return
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || event.origin !== target) return
      const message = readHostMessage(event.data)
      if (message?.type === 'porchlight:locale') setLocale(message.locale)
      else if (message?.type === 'porchlight:open') focusFirst()
      else if (message?.type === 'porchlight:identify') setIdentityToken(message.token)
      else if (message?.type === 'porchlight:grant') setIdentityGrant(message.grant)
    }
    const onKey = (event: KeyboardEvent) => {
      if (params.mode !== 'floating') return
      if (event.key === 'Escape' && !event.defaultPrevented) link.post({ type: 'porchlight:close' })
      else wrapTab(event)
    }
    let last = -1
    const report = () => {
      // A loading line is a moment, not a size: the frame keeps its height until the screen
      // arrives, so the host's content below an inline embed moves once, not twice.
      if (document.querySelector('[aria-busy="true"]')) return
      const height = contentHeight()
      if (height !== last) link.post({ type: 'porchlight:resize', height: (last = height) })
    }
    const inline = params.mode !== 'floating'
    const observer = inline ? new ResizeObserver(report) : undefined
    // The screen that replaces a loading line may be just as tall: no resize, but a report due.
    const arrivals = inline ? new MutationObserver(report) : undefined
    addEventListener('message', onMessage)
    document.addEventListener('keydown', onKey)
    observer?.observe(document.documentElement)
    arrivals?.observe(document.body, {
      subtree: true,
      childList: true,
      attributeFilter: ['aria-busy'],
    })
    link.post({ type: 'porchlight:ready' })
    // Measured now as well: a hidden or off-screen frame may not get observer callbacks yet.
    if (observer) report()
    return () => {
      removeEventListener('message', onMessage)
      document.removeEventListener('keydown', onKey)
      observer?.disconnect()
      arrivals?.disconnect()
    }
  }, [link, params.mode])

  return {
    mode: params.mode,
    locale,
    identityToken,
    identityGrant,
    post: link.post,
    emit: (name, detail) => link.post({ type: 'porchlight:event', name, detail } as PanelToHost),
  }
}

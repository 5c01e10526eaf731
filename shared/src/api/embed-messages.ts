/**
 * Messages between the loader on the merchant's page and the panel in the iframe. Both sides
 * check the sender's origin and always post to an explicit target origin; the receiving side
 * also checks the shape, because any script on the host's origin can post to the panel.
 */

/** How the panel is embedded: the floating launcher, the help-center page or the contact form. */
export type EmbedMode = 'floating' | 'portal' | 'contact'

export const EMBED_MODES: readonly EmbedMode[] = ['floating', 'portal', 'contact']

/**
 * Events the panel announces to the host page (`Porchlight('on', name, fn)`). Details carry no
 * personal data: the host page's scripts must not learn who signed in.
 */
export interface PanelEvents {
  'signed-in': Record<string, never>
  'ticket:created': { reference: string; type: string }
}

export type PanelEventName = keyof PanelEvents

export const PANEL_EVENTS: readonly PanelEventName[] = ['signed-in', 'ticket:created']

/** Every event a merchant can subscribe to: the loader's own and the panel's. */
export type HostEventName = 'ready' | 'open' | 'close' | PanelEventName

type PanelEventMessage = {
  [N in PanelEventName]: { type: 'porchlight:event'; name: N; detail: PanelEvents[N] }
}[PanelEventName]

export type PanelToHost =
  | { type: 'porchlight:ready' }
  | { type: 'porchlight:close' }
  /** Inline modes only: the height of the panel's content, in CSS pixels. */
  | { type: 'porchlight:resize'; height: number }
  /** Unread chat messages, for the launcher's badge (0 hides it). */
  | { type: 'porchlight:unread'; count: number }
  | PanelEventMessage

export type HostToPanel =
  | { type: 'porchlight:open' }
  | { type: 'porchlight:locale'; locale: string }
  /** `Porchlight('identify', token)`: the merchant-signed identity the panel trades for a session. */
  | { type: 'porchlight:identify'; token: string }
  /** A one-time grant the loader got from the Shopify app proxy, for the storefront's customer. */
  | { type: 'porchlight:grant'; grant: string }

export const MESSAGE_PREFIX = 'porchlight:'

const localeShape = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i

/** A BCP 47-shaped language tag (`fr`, `pt-BR`, `en_GB` -> `en-GB`), or undefined. */
export function normalizeLocale(tag: unknown): string | undefined {
  if (typeof tag !== 'string') return undefined
  const t = tag.trim().replace(/_/g, '-')
  return t.length <= 35 && localeShape.test(t) ? t : undefined
}

/** The first usable locale among candidates in order of precedence. */
export function pickLocale(...candidates: unknown[]): string | undefined {
  for (const c of candidates) {
    const locale = normalizeLocale(c)
    if (locale !== undefined) return locale
  }
  return undefined
}

/** A compact JWT of a sane length (the server checks everything else). */
export function isIdentityToken(token: unknown): token is string {
  return typeof token === 'string' && token.length <= 4096 && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)
}

/** The shape of an identity grant (`plg_` and 256 random bits); the server checks the rest. */
export function isIdentityGrant(grant: unknown): grant is string {
  return typeof grant === 'string' && /^plg_[\w-]{43}$/.test(grant)
}

/** A message from the host page, if `data` is one the panel understands; otherwise undefined. */
export function readHostMessage(data: unknown): HostToPanel | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const m = data as { type?: unknown; locale?: unknown; token?: unknown; grant?: unknown }
  if (m.type === 'porchlight:open') return { type: 'porchlight:open' }
  if (m.type === 'porchlight:grant') {
    return isIdentityGrant(m.grant) ? { type: 'porchlight:grant', grant: m.grant } : undefined
  }
  if (m.type === 'porchlight:identify') {
    return isIdentityToken(m.token) ? { type: 'porchlight:identify', token: m.token } : undefined
  }
  if (m.type === 'porchlight:locale') {
    const locale = normalizeLocale(m.locale)
    return locale === undefined ? undefined : { type: 'porchlight:locale', locale }
  }
  return undefined
}

import { launcherWords, type LauncherWords } from '@porchlight/shared/i18n/launcher'
import { offeredLocale } from '@porchlight/shared/i18n/locales'
import { LOGO_ID } from '@porchlight/shared/settings/schema'
import { readSection } from '@porchlight/shared/settings/stored'
import { safeHttpUrl } from '@porchlight/shared/url/safe-url'
import { storedMode } from '../adapters/store/shopify/shopify-config.ts'
import type { Store } from '../db/stores.repository.ts'
import { logoPath } from './settings/logos.ts'

export interface WidgetTheme {
  color: string
  position: 'right' | 'left'
  logoUrl: string | null
}

export interface PublicStoreConfig {
  store: { name: string; key: string }
  theme: WidgetTheme
  /** Origins the panel may post messages to (the embedding pages). */
  embedOrigins: string[]
  defaultLocale: string
  /** The languages the store offers its shoppers (Store settings); the panel speaks no other. */
  locales: string[]
  /** Where Return sends the shopper instead of our form, when the store uses Loop Returns. */
  returns: { loopPortalUrl: string | null }
  /** The launcher's words in the language asked for (else the store's, else English). */
  launcher: LauncherWords
  /**
   * On a Shopify store connected through an app: the storefront path (same-origin) where the
   * loader asks Shopify's app proxy who is signed in, for a one-time grant; null elsewhere.
   */
  appProxy: string | null
  /** The store's greeting by language (Widget settings); the panel shows the one it speaks. */
  greeting: Partial<Record<string, string>>
}

/** Where Shopify's app proxy sits on the storefront unless the store says otherwise. */
export const DEFAULT_APP_PROXY_PATH = '/apps/porchlight'
/** Shopify's proxy prefixes, and a subpath of letters, digits, `_` and `-` up to 30. */
const appProxyPath = /^\/(?:apps|a|community|tools)\/[A-Za-z0-9_-]{1,30}$/

/** Whether `path` is a storefront path Shopify's app proxy can sit at (`/apps/porchlight`). */
export const isAppProxyPath = (path: unknown): path is string =>
  typeof path === 'string' && appProxyPath.test(path)

/** The store's app proxy identity path, when Shopify signs its requests with an app's secret. */
function appProxyIdentity(store: Store): string | null {
  if (store.adapterKind !== 'shopify') return null
  const mode = storedMode(store.adapterConfig)
  if (mode !== 'client_credentials' && mode !== 'oauth') return null
  const path = store.settings['shopifyAppProxy']
  return `${isAppProxyPath(path) ? path : DEFAULT_APP_PROXY_PATH}/identity`
}

const hexColour = /^#[0-9a-fA-F]{6}$/

/**
 * The store's Loop Returns portal, only as an absolute https URL: the panel opens it as a link,
 * so anything else (javascript:, data:, a relative path) would be a way to run script there.
 */
function loopPortalUrl(settings: Record<string, unknown>): string | null {
  const returns = settings['returns']
  if (typeof returns !== 'object' || returns === null) return null
  return safeHttpUrl((returns as Record<string, unknown>)['loopPortalUrl'], { httpsOnly: true })
}

/** The logo uploaded in the console, when the store section names one. */
function uploadedLogo(settings: Record<string, unknown>, publicUrl: string): string | null {
  const id = settings['logo']
  return typeof id === 'string' && LOGO_ID.test(id)
    ? new URL(logoPath(id), publicUrl).toString()
    : null
}

/**
 * What the widget may know about a store: nothing secret, nothing about its adapter. `locale` is
 * the page's language as the loader read it (data-locale, <html lang>, the browser).
 */
export function publicStoreConfig(
  store: Store,
  publicUrl: string,
  locale?: string,
): PublicStoreConfig {
  const theme = (store.settings['theme'] ?? {}) as Partial<WidgetTheme>
  const stored = {
    name: store.name,
    allowedOrigins: store.allowedOrigins,
    settings: store.settings,
  }
  const { defaultLocale, locales } = readSection('store', stored).values
  return {
    store: { name: store.name, key: store.widgetKey },
    theme: {
      color:
        typeof theme.color === 'string' && hexColour.test(theme.color) ? theme.color : '#1f6feb',
      position: theme.position === 'left' ? 'left' : 'right',
      logoUrl: uploadedLogo(store.settings, publicUrl) ?? safeHttpUrl(theme.logoUrl),
    },
    embedOrigins: storeOrigins(store.allowedOrigins, publicUrl),
    defaultLocale,
    locales,
    returns: { loopPortalUrl: loopPortalUrl(store.settings) },
    launcher: launcherWords[offeredLocale([locale], locales, defaultLocale)],
    appProxy: appProxyIdentity(store),
    greeting: readSection('widget', stored).values.greeting,
  }
}

// Not [::1]: CSP source expressions (frame-ancestors) cannot name an IPv6 address.
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1']

/**
 * Our own origin and, when it is a loopback address (development), its other loopback names on
 * the same port: the server listens on all interfaces, so `http://127.0.0.1:8787/help` is the
 * same page as `http://localhost:8787/help` and its panel must be allowed to talk to it.
 */
function ownOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl)
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return [url.origin]
  return LOOPBACK_HOSTS.map((host) => {
    const alias = new URL(url.origin)
    alias.hostname = host
    return alias.origin
  })
}

/** The origins a store's widget may be embedded in or called from: its list plus our own. */
export function storeOrigins(allowed: string[], publicUrl: string): string[] {
  return [...new Set([...ownOrigins(publicUrl), ...allowed])]
}

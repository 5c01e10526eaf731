/** The panel's calls to our own origin. The store is named by the key in the page's path. */
export interface WidgetConfig {
  store: { name: string; key: string }
  theme: { color: string; position: 'right' | 'left'; logoUrl: string | null }
  embedOrigins: string[]
  defaultLocale: string
  /** The languages the store offers; absent from servers older than the Store settings. */
  locales?: string[]
  /** Absent from servers older than the Loop Returns setting. */
  returns?: { loopPortalUrl: string | null }
  /** The store's greeting by language; absent from servers older than the Widget settings. */
  greeting?: Partial<Record<string, string>>
}

export function storeKeyFromPath(pathname: string): string {
  return decodeURIComponent(pathname.split('/')[2] ?? '')
}

export async function fetchConfig(key: string): Promise<WidgetConfig> {
  const res = await fetch(`/v1/widget/config?key=${encodeURIComponent(key)}`)
  if (!res.ok) throw new Error(`config ${res.status}`)
  return (await res.json()) as WidgetConfig
}

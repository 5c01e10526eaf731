import { Link } from '../nav.tsx'
import { SETTINGS_HREF, type SettingsPageName } from '../route.ts'

const PAGES: Array<{ page: SettingsPageName; label: string }> = [
  { page: 'shopify', label: 'Shopify' },
  { page: 'store', label: 'Store' },
  { page: 'widget', label: 'Widget' },
  { page: 'policies', label: 'Policies' },
  { page: 'chat', label: 'Chat' },
  { page: 'automation', label: 'Automation' },
  { page: 'agents', label: 'Agents' },
  { page: 'webhooks', label: 'Webhooks' },
  { page: 'history', label: 'History' },
]

export const settingsHref = (page: SettingsPageName) =>
  page === 'shopify' ? SETTINGS_HREF : `${SETTINGS_HREF}/${page}`

/** The settings pages, one link each; the one shown is marked current. */
export function SettingsNav(props: { current: SettingsPageName }) {
  return (
    <nav class="settings-nav" aria-label="Settings sections">
      <ul>
        {PAGES.map((p) => (
          <li key={p.page}>
            <Link href={settingsHref(p.page)} current={p.page === props.current}>
              {p.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

import type { ConsoleApi } from '../api.ts'
import { Link, PageHeading } from '../nav.tsx'
import { queueHref } from '../queue.tsx'
import type { SettingsPageName } from '../route.ts'
import { AutomationSettings } from './automation-settings.tsx'
import { ChatSettings } from './chat-settings.tsx'
import { PoliciesSettings } from './policies-settings.tsx'
import { SettingsHistory } from './settings-history.tsx'
import { SettingsNav } from './settings-nav.tsx'
import { StoreSettings } from './store-settings.tsx'
import { WidgetSettings } from './widget-settings.tsx'
import './settings.css'

/** One page of the Settings area other than Shopify's: its section form, or the history. */
export function SettingsSectionPage(props: {
  api: ConsoleApi
  page: Exclude<SettingsPageName, 'shopify'>
}) {
  const { api, page } = props
  return (
    <>
      <Link href={queueHref()}>Back to the queue</Link>
      <PageHeading>Settings</PageHeading>
      <SettingsNav current={page} />
      <section class="card">
        {page === 'store' ? (
          <StoreSettings api={api} />
        ) : page === 'widget' ? (
          <WidgetSettings api={api} />
        ) : page === 'policies' ? (
          <PoliciesSettings api={api} />
        ) : page === 'chat' ? (
          <ChatSettings api={api} />
        ) : page === 'automation' ? (
          <AutomationSettings api={api} />
        ) : (
          <SettingsHistory api={api} />
        )}
      </section>
    </>
  )
}

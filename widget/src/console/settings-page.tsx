import { useEffect, useState } from 'preact/hooks'
import type { CustomerDataAccess, ShopifySettings } from '@porchlight/shared/api/settings'
import type { ConsoleApi } from './api.ts'
import { DataRequestsSection } from './data-requests.tsx'
import { IdentitySecretsSection } from './identity-secrets.tsx'
import { errorMessage } from './messages.ts'
import { MODE_LABELS, ShopifyConnectForm } from './shopify-connect-form.tsx'
import { Link, PageHeading } from './nav.tsx'
import { queueHref } from './queue.tsx'
import type { SettingsPageName } from './route.ts'
import { SettingsSectionPage } from './settings/settings-section-page.tsx'
import { SettingsNav } from './settings/settings-nav.tsx'

const SHOPIFY_SETTINGS = '/v1/agent/settings/shopify'

const ACCESS_WORDS: Record<CustomerDataAccess, string> = {
  level_2: 'Customers with their email and phone (level 2): shoppers are matched to their orders.',
  level_1:
    'Customers without email or phone (level 1): shoppers cannot be matched to their orders. Request access to protected customer data for the app in the Dev Dashboard.',
  none: 'No customer data: shoppers cannot be matched to their orders. Request access to protected customer data for the app in the Dev Dashboard.',
  unknown: 'Not known yet: the shop had no customer to check with. Save again once it has one.',
}

/** The store's Shopify connection: what it is now, and (for owners) a checked form to change it. */
export function SettingsPage(props: { api: ConsoleApi; page?: SettingsPageName }) {
  if (props.page !== undefined && props.page !== 'shopify') {
    return <SettingsSectionPage api={props.api} page={props.page} />
  }
  return <ShopifySettingsPage api={props.api} />
}

function ShopifySettingsPage(props: { api: ConsoleApi }) {
  const { api } = props
  const [settings, setSettings] = useState<ShopifySettings | null>(null)
  const [loadError, setLoadError] = useState<string | undefined>()

  useEffect(() => {
    api.shopifySettings().then(setSettings, (err: unknown) => setLoadError(errorMessage(err)))
  }, [api])

  const s = settings
  return (
    <>
      <Link href={queueHref()}>Back to the queue</Link>
      <PageHeading>Settings</PageHeading>
      <SettingsNav current="shopify" />
      <section class="card" aria-labelledby="shopify-title">
        <h2 id="shopify-title">Shopify</h2>
        {loadError !== undefined && <p class="note note-error">{loadError}</p>}
        {s === null ? (
          loadError === undefined && <p class="muted">Loading…</p>
        ) : (
          <>
            <p>
              {s.connected
                ? `This store shows the orders of ${s.shopName ?? s.domain} (${s.domain}).`
                : 'This store is not connected to Shopify.'}
            </p>
            {s.token?.state === 'failing' && (
              <p class="note note-error" role="alert">
                Shoppers see their orders as unavailable: Porchlight cannot renew the Shopify token.{' '}
                {s.token.message}
              </p>
            )}
            {s.warnings.map((w) => (
              <p key={w.code} class="note note-warn">
                {w.message}
              </p>
            ))}
            <dl class="facts">
              <dt>Admin API version</dt>
              <dd>{s.apiVersion}</dd>
              {s.mode !== null && (
                <>
                  <dt>Connected with</dt>
                  <dd>
                    {MODE_LABELS[s.mode]}
                    {s.mode === 'legacy' &&
                      ' — legacy: Shopify makes no new ones; move to a Dev Dashboard app'}
                  </dd>
                </>
              )}
              {s.clientId !== null && (
                <>
                  <dt>Client ID</dt>
                  <dd>{s.clientId}</dd>
                </>
              )}
              {s.token?.expiresAt != null && s.token.state === 'ok' && (
                <>
                  <dt>Admin API token</dt>
                  <dd>
                    Renewed automatically; the current one expires{' '}
                    {new Date(s.token.expiresAt).toLocaleString()}.
                  </dd>
                </>
              )}
              {s.customerAccess !== null && (
                <>
                  <dt>Customer data the app may read</dt>
                  <dd>{ACCESS_WORDS[s.customerAccess]}</dd>
                </>
              )}
              {s.connected && (
                <>
                  <dt>Scopes granted</dt>
                  <dd>{s.scopes?.join(', ') || 'Not recorded; save again to check.'}</dd>
                </>
              )}
              <dt>Webhook address</dt>
              <dd>{s.webhookUrl}</dd>
              <dt>Webhooks</dt>
              <dd>
                {s.connected
                  ? `Porchlight subscribed these itself: ${s.subscribedTopics.join(', ') || 'none yet'}.`
                  : `Porchlight subscribes ${s.webhookTopics.join(', ')} itself when you connect.`}{' '}
                The privacy topics are set in the app’s configuration, at this address.
              </dd>
            </dl>
            <h3>Scopes the app needs</h3>
            <ul>
              {s.requiredScopes.map((r) => (
                <li key={r.scope}>
                  <code>{r.scope}</code>: {r.purpose}
                </li>
              ))}
            </ul>
          </>
        )}
        {s !== null && !s.canEdit && (
          <p class="note note-info">Only an owner of the store can change its connection.</p>
        )}
        {s?.canEdit && s.connected && (
          <button
            type="button"
            onClick={() =>
              api
                .request<ShopifySettings>('DELETE', SHOPIFY_SETTINGS)
                .then(setSettings, (err: unknown) => setLoadError(errorMessage(err)))
            }
          >
            Disconnect Shopify
          </button>
        )}
        {s?.canEdit && <ShopifyConnectForm api={api} settings={s} onSaved={setSettings} />}
      </section>
      <DataRequestsSection api={api} />
      <IdentitySecretsSection api={api} />
    </>
  )
}

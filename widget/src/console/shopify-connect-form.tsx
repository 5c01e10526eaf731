import { useRef, useState } from 'preact/hooks'
import {
  SHOPIFY_CONNECTION_MODES,
  type ShopifyConnectionMode,
  type ShopifyConnectRequest,
  type ShopifySettings,
} from '@porchlight/shared/api/settings'
import { ApiError, type ConsoleApi } from './api.ts'
import { errorMessage } from './messages.ts'

type Field = 'domain' | 'token' | 'clientId' | 'clientSecret'
type Outcome = { ok: boolean; text: string; field?: Field }

export const MODE_LABELS: Record<ShopifyConnectionMode, string> = {
  client_credentials: 'Dev Dashboard app of your organization (recommended)',
  oauth: 'Install this Porchlight server’s Shopify app (OAuth)',
  legacy: 'Legacy custom app token (shpat_…)',
}

// Why the connection was refused, in words an owner can act on. Nothing is saved in any case.
function refusal(err: unknown): Outcome {
  const code = err instanceof ApiError ? err.code : ''
  const missing = (err as ApiError).details as { missing?: unknown } | undefined
  const words: Record<string, Outcome> = {
    shopify_domain_invalid: {
      ok: false,
      field: 'domain',
      text: 'That is not a shop domain. Enter the address that ends in .myshopify.com, like your-shop.myshopify.com.',
    },
    shopify_token_rejected: {
      ok: false,
      field: 'token',
      text: 'Shopify refused this access token. Copy the Admin API access token (shpat_…) from the app again; it may have been revoked.',
    },
    shopify_credentials_rejected: {
      ok: false,
      field: 'clientSecret',
      text: 'Shopify refused this client ID and secret. Check that the app is installed on the shop, and copy the secret again from the Dev Dashboard (app > Settings); it may have been rotated.',
    },
    shopify_scopes_missing: {
      ok: false,
      text: `The app lacks these Admin API scopes: ${
        Array.isArray(missing?.missing) ? missing.missing.join(', ') : 'see below'
      }. Grant them to the app in Shopify, install it again, then save.`,
    },
    shopify_shop_mismatch: {
      ok: false,
      field: 'domain',
      text: `${(err as Error).message} Check the domain, or use that shop’s token.`,
    },
    shopify_unreachable: {
      ok: false,
      text: 'Shopify could not be reached to check the connection. Try again in a moment.',
    },
    owner_required: { ok: false, text: 'Only an owner of the store can change its connection.' },
  }
  return words[code] ?? { ok: false, text: errorMessage(err) }
}

/** The owner's form: pick how the store reaches Shopify, then a checked save (or the install). */
export function ShopifyConnectForm(props: {
  api: ConsoleApi
  settings: ShopifySettings
  onSaved(s: ShopifySettings): void
}) {
  const { api, settings: s } = props
  const [mode, setMode] = useState<ShopifyConnectionMode>(
    s.mode ?? (s.oauthAvailable ? 'oauth' : 'client_credentials'),
  )
  const [domain, setDomain] = useState(s.domain ?? '')
  const [clientId, setClientId] = useState(s.clientId ?? '')
  const [clientSecret, setClientSecret] = useState('')
  const [token, setToken] = useState('')
  const [secret, setSecret] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const outcomeRef = useRef<HTMLParagraphElement>(null)

  async function save(e: Event) {
    if (mode === 'oauth') return // a plain GET form: the browser goes to /shopify/install
    e.preventDefault()
    setBusy(true)
    setOutcome(undefined)
    const body: ShopifyConnectRequest =
      mode === 'client_credentials'
        ? {
            mode,
            domain,
            clientId,
            clientSecret,
            ...(secret !== '' ? { webhookSecret: secret } : {}),
          }
        : { domain, accessToken: token, webhookSecret: secret }
    let result: Outcome
    try {
      const saved = await api.connectShopify(body)
      props.onSaved(saved)
      setDomain(saved.domain ?? domain)
      // Secrets leave the page once saved: the server keeps them sealed and never sends them back.
      setToken('')
      setSecret('')
      setClientSecret('')
      result = {
        ok: true,
        text: `Connected to ${saved.shopName ?? saved.domain}. Shopify accepted the ${
          mode === 'legacy' ? 'token' : 'app’s credentials'
        }, and it has every scope Porchlight needs.`,
      }
    } catch (err) {
      result = refusal(err)
      if (result.field === 'token') setToken('')
      if (result.field === 'clientSecret') setClientSecret('')
    }
    setOutcome(result)
    setBusy(false)
    queueMicrotask(() => outcomeRef.current?.focus())
  }

  const invalid = (field: Field) => outcome?.field === field
  const modes = SHOPIFY_CONNECTION_MODES.filter((m) => m !== 'oauth' || s.oauthAvailable)
  const secretInput = (id: string, value: string, set: (v: string) => void, field?: Field) => (
    <input
      id={id}
      type="password"
      required
      maxLength={1000}
      autocomplete="off"
      aria-invalid={field === undefined ? undefined : invalid(field)}
      value={value}
      onInput={(e) => set(e.currentTarget.value)}
    />
  )
  return (
    <form
      class="settings-form"
      onSubmit={save}
      method="get"
      action="/shopify/install"
      aria-busy={busy}
      aria-labelledby="connect-title"
    >
      <h3 id="connect-title">{s.connected ? 'Change the connection' : 'Connect a shop'}</h3>
      <p
        ref={outcome?.ok === false ? outcomeRef : undefined}
        tabIndex={-1}
        role="alert"
        class={outcome?.ok === false ? 'note note-error' : 'sr-empty'}
      >
        {outcome?.ok === false ? `Not saved. ${outcome.text}` : ''}
      </p>
      <p
        ref={outcome?.ok ? outcomeRef : undefined}
        tabIndex={-1}
        role="status"
        class={outcome?.ok ? 'note note-ok' : 'sr-empty'}
      >
        {outcome?.ok ? outcome.text : ''}
      </p>
      <fieldset>
        <legend>How Porchlight reaches the shop</legend>
        {modes.map((m) => (
          <label key={m} class="choice">
            <input
              type="radio"
              name="sh-mode"
              value={m}
              checked={mode === m}
              onChange={() => {
                setMode(m)
                setOutcome(undefined)
              }}
            />{' '}
            {MODE_LABELS[m]}
          </label>
        ))}
      </fieldset>
      <label for="sh-domain">Shop domain</label>
      <input
        id="sh-domain"
        name={mode === 'oauth' ? 'shop' : undefined}
        required
        maxLength={255}
        placeholder="your-shop.myshopify.com"
        autocomplete="off"
        spellcheck={false}
        aria-invalid={invalid('domain')}
        value={domain}
        onInput={(e) => setDomain(e.currentTarget.value)}
      />
      {mode === 'client_credentials' && (
        <>
          <label for="sh-client-id">Client ID</label>
          <input
            id="sh-client-id"
            required
            maxLength={255}
            autocomplete="off"
            spellcheck={false}
            aria-invalid={invalid('clientId')}
            value={clientId}
            onInput={(e) => setClientId(e.currentTarget.value)}
          />
          <label for="sh-client-secret">Client secret</label>
          {secretInput('sh-client-secret', clientSecret, setClientSecret, 'clientSecret')}
          <small class="muted">
            From the Dev Dashboard: your app, then Settings. Porchlight trades them for Admin API
            tokens and renews those itself; the secret is kept sealed and never shown again.
          </small>
          <label for="sh-cc-webhook">Webhook signing key (optional)</label>
          <input
            id="sh-cc-webhook"
            type="password"
            maxLength={1000}
            autocomplete="off"
            aria-describedby="sh-cc-webhook-hint"
            value={secret}
            onInput={(e) => setSecret(e.currentTarget.value)}
          />
          <small id="sh-cc-webhook-hint" class="muted">
            Porchlight subscribes its own webhooks, signed with the client secret. Only if you also
            made webhooks in the Shopify admin (Settings, Notifications, Webhooks), which signs them
            with a key of its own, give that key. Leave empty otherwise.
          </small>
        </>
      )}
      {mode === 'oauth' && (
        <small class="muted">
          You will approve the app on Shopify, then come back here. Nothing changes until Shopify
          confirms the install.
        </small>
      )}
      {mode === 'legacy' && (
        <>
          <label for="sh-token">Admin API access token</label>
          <input
            id="sh-token"
            type="password"
            required
            maxLength={1000}
            autocomplete="off"
            aria-describedby="sh-token-hint"
            aria-invalid={invalid('token')}
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
          <small id="sh-token-hint" class="muted">
            Starts with shpat_. Only for custom apps made in the Shopify admin before 2026; it is
            kept on the server and never shown again.
          </small>
          <label for="sh-secret">Webhook secret</label>
          {secretInput('sh-secret', secret, setSecret)}
          <small class="muted">
            The custom app’s API secret key (its API credentials): Shopify signs the webhooks
            Porchlight subscribes for the app with it.
          </small>
        </>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {mode === 'oauth'
          ? 'Install on Shopify'
          : busy
            ? 'Checking with Shopify…'
            : 'Check and save'}
      </button>
    </form>
  )
}

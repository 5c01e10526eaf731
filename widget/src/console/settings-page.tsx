import { useEffect, useRef, useState } from 'preact/hooks'
import type { ShopifySettings } from '@porchlight/shared/api/settings'
import { ApiError, type ConsoleApi } from './api.ts'
import { ApiTokensSection } from './api-tokens.tsx'
import { IdentitySecretsSection } from './identity-secrets.tsx'
import { errorMessage } from './messages.ts'
import { Link, PageHeading } from './nav.tsx'
import { queueHref } from './queue.tsx'

type Outcome = { ok: boolean; text: string; field?: 'domain' | 'token' }

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
      text: 'Shopify could not be reached to check the token. Try again in a moment.',
    },
    owner_required: { ok: false, text: 'Only an owner of the store can change its connection.' },
  }
  return words[code] ?? { ok: false, text: errorMessage(err) }
}

/** The store's Shopify connection: what it is now, and (for owners) a checked form to change it. */
export function SettingsPage(props: { api: ConsoleApi }) {
  const { api } = props
  const [settings, setSettings] = useState<ShopifySettings | null>(null)
  const [loadError, setLoadError] = useState<string | undefined>()
  const [domain, setDomain] = useState('')
  const [token, setToken] = useState('')
  const [secret, setSecret] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const outcomeRef = useRef<HTMLParagraphElement>(null)

  useEffect(() => {
    api.shopifySettings().then(
      (s) => {
        setSettings(s)
        setDomain(s.domain ?? '')
      },
      (err: unknown) => setLoadError(errorMessage(err)),
    )
  }, [api])

  async function save(e: Event) {
    e.preventDefault()
    setBusy(true)
    setOutcome(undefined)
    let result: Outcome
    try {
      const saved = await api.connectShopify({ domain, accessToken: token, webhookSecret: secret })
      setSettings(saved)
      setDomain(saved.domain ?? domain)
      // Secrets leave the page once saved: the server keeps them and never sends them back.
      setToken('')
      setSecret('')
      result = {
        ok: true,
        text: `Connected to ${saved.shopName ?? saved.domain}. Shopify accepted the token, and it has every scope Porchlight needs.`,
      }
    } catch (err) {
      result = refusal(err)
      if (result.field === 'token') setToken('')
    }
    setOutcome(result)
    setBusy(false)
    queueMicrotask(() => outcomeRef.current?.focus())
  }

  const s = settings
  const invalid = (field: Outcome['field']) => outcome?.field === field
  return (
    <>
      <Link href={queueHref()}>Back to the queue</Link>
      <PageHeading>Settings</PageHeading>
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
            {s.warnings.map((w) => (
              <p key={w.code} class="note note-warn">
                {w.message}
              </p>
            ))}
            <dl class="facts">
              <dt>Admin API version</dt>
              <dd>{s.apiVersion}</dd>
              {s.connected && (
                <>
                  <dt>Scopes granted</dt>
                  <dd>{s.scopes?.join(', ') || 'Not recorded; save again to check.'}</dd>
                </>
              )}
              <dt>Webhook address</dt>
              <dd>{s.webhookUrl}</dd>
              <dt>Webhook topics</dt>
              <dd>{s.webhookTopics.join(', ')}</dd>
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
        {s?.canEdit && (
          <form
            class="settings-form"
            onSubmit={save}
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
            <label for="sh-domain">Shop domain</label>
            <input
              id="sh-domain"
              required
              maxLength={255}
              placeholder="your-shop.myshopify.com"
              autocomplete="off"
              spellcheck={false}
              aria-invalid={invalid('domain')}
              value={domain}
              onInput={(e) => setDomain(e.currentTarget.value)}
            />
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
              Starts with shpat_. It is kept on the server and never shown again.
            </small>
            <label for="sh-secret">Webhook secret</label>
            <input
              id="sh-secret"
              type="password"
              required
              maxLength={1000}
              autocomplete="off"
              value={secret}
              onInput={(e) => setSecret(e.currentTarget.value)}
            />
            <button type="submit" class="primary" disabled={busy}>
              {busy ? 'Checking with Shopify…' : 'Check and save'}
            </button>
          </form>
        )}
      </section>
      <IdentitySecretsSection api={api} />
      <ApiTokensSection api={api} />
    </>
  )
}

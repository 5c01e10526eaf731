import { useRef, useState } from 'preact/hooks'
import type { ApiTokenSummary, IssuedApiToken } from '@porchlight/shared/api/agent'
import type { ConsoleApi } from './api.ts'
import { errorMessage } from './messages.ts'
import { useList } from './use-list.ts'

const TOKENS = '/v1/agent/tokens'
const day = (iso: string) => iso.slice(0, 10)

/**
 * API tokens for integrations: the agent's own (an owner sees the store's), each with its
 * scope, expiry and last use, revocable here. A new token is shown once, right after it is
 * made, and forgotten when the page is left.
 */
export function ApiTokensSection(props: { api: ConsoleApi }) {
  const { api } = props
  const {
    items: tokens,
    error,
    setError,
    load,
  } = useList(api, TOKENS, (r: { tokens: ApiTokenSummary[] }) => r.tokens)
  const [name, setName] = useState('')
  const [days, setDays] = useState('90')
  const [readOnly, setReadOnly] = useState(false)
  const [issued, setIssued] = useState<IssuedApiToken | undefined>()
  const [busy, setBusy] = useState(false)
  const issuedRef = useRef<HTMLParagraphElement>(null)

  async function issue(e: Event) {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const made = await api.request<IssuedApiToken>('POST', TOKENS, {
        name,
        days: Number(days),
        scope: readOnly ? 'read' : 'read_write',
      })
      setIssued(made)
      setName('')
      await load()
      queueMicrotask(() => issuedRef.current?.focus())
    } catch (err) {
      setError(errorMessage(err))
    }
    setBusy(false)
  }

  async function revoke(t: ApiTokenSummary) {
    setError(undefined)
    try {
      await api.request<void>('DELETE', `${TOKENS}/${encodeURIComponent(t.id)}`)
      if (issued?.id === t.id) setIssued(undefined)
      await load()
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p class="muted">
        Tokens let an integration call the agent API as you (Authorization: Bearer …).
      </p>
      {error !== undefined && (
        <p class="note note-error" role="alert">
          {error}
        </p>
      )}
      {issued !== undefined && (
        <p class="note note-ok" tabIndex={-1} ref={issuedRef}>
          New token, shown this once — copy it now: <code class="token-value">{issued.token}</code>
        </p>
      )}
      {tokens === null ? (
        error === undefined && <p class="muted">Loading…</p>
      ) : tokens.length === 0 ? (
        <p>No API tokens yet.</p>
      ) : (
        <table class="tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Agent</th>
              <th scope="col">Access</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-token={t.id}>
                <td>
                  <bdi>{t.name}</bdi>
                </td>
                <td>{t.agent.email}</td>
                <td>{t.scope === 'read' ? 'read only' : 'read and write'}</td>
                <td>{day(t.createdAt)}</td>
                <td>{day(t.expiresAt)}</td>
                <td>{t.lastUsedAt === null ? 'never' : day(t.lastUsedAt)}</td>
                <td>{t.state}</td>
                <td>
                  {t.state === 'live' && (
                    <button
                      type="button"
                      aria-label={`Revoke ${t.name}`}
                      onClick={() => void revoke(t)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="token-form" onSubmit={(e) => void issue(e)}>
        <label for="tk-name">Token name</label>
        <input
          id="tk-name"
          required
          maxLength={100}
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
        <label for="tk-days">Expires after (days)</label>
        <input
          id="tk-days"
          type="number"
          min={1}
          max={366}
          required
          value={days}
          onInput={(e) => setDays((e.target as HTMLInputElement).value)}
        />
        <label>
          <input
            type="checkbox"
            checked={readOnly}
            onChange={(e) => setReadOnly((e.target as HTMLInputElement).checked)}
          />{' '}
          Read only
        </label>
        <button type="submit" disabled={busy}>
          Create token
        </button>
      </form>
    </section>
  )
}

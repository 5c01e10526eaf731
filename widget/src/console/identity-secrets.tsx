import { useRef, useState } from 'preact/hooks'
import type { IdentitySecretInfo, NewIdentitySecret } from '@porchlight/shared/api/auth'
import type { ConsoleApi } from './api.ts'
import { errorMessage } from './messages.ts'
import { useList } from './use-list.ts'

const SECRETS = '/v1/agent/settings/identity-secrets'
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ')

/**
 * Signed identity (`Porchlight('identify', token)`): the secrets the store's own servers sign
 * shoppers' tokens with. Owners make one (a rotation: the one before keeps working for a day),
 * see it once, and can end one at once if it leaked.
 */
export function IdentitySecretsSection(props: { api: ConsoleApi }) {
  const { api } = props
  const {
    items: secrets,
    error,
    setError,
    load,
  } = useList(api, SECRETS, (r: { secrets: IdentitySecretInfo[] }) => r.secrets)
  const [made, setMade] = useState<NewIdentitySecret | undefined>()
  const [busy, setBusy] = useState(false)
  const madeRef = useRef<HTMLParagraphElement>(null)

  async function make() {
    setBusy(true)
    setError(undefined)
    try {
      setMade(await api.request<NewIdentitySecret>('POST', SECRETS))
      await load()
      queueMicrotask(() => madeRef.current?.focus())
    } catch (err) {
      setError(errorMessage(err))
    }
    setBusy(false)
  }

  async function end(id: string) {
    setError(undefined)
    try {
      await api.request<void>('DELETE', `${SECRETS}/${encodeURIComponent(id)}`)
      if (made?.id === id) setMade(undefined)
      await load()
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <section class="card" aria-labelledby="identity-title">
      <h2 id="identity-title">Signed-in shoppers</h2>
      <p class="muted">
        Your store’s server signs a short token for a customer who is signed in to your site; the
        page passes it with <code>Porchlight('identify', token)</code> and the shopper sees their
        orders without a code.
      </p>
      {error !== undefined && (
        <p class="note note-error" role="alert">
          {error}
        </p>
      )}
      {made !== undefined && (
        <p class="note note-ok" tabIndex={-1} ref={madeRef}>
          New secret <code>{made.id}</code>, shown this once — copy it to your server now:{' '}
          <code class="token-value">{made.secret}</code>
        </p>
      )}
      {secrets !== null && secrets.length === 0 && <p>No identity secret yet.</p>}
      {secrets !== null && secrets.length > 0 && (
        <table class="tokens">
          <thead>
            <tr>
              <th scope="col">Key id</th>
              <th scope="col">Made</th>
              <th scope="col">State</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {secrets.map((s) => (
              <tr key={s.id} data-secret={s.id}>
                <td>
                  <code>{s.id}</code>
                </td>
                <td>{when(s.createdAt)}</td>
                <td>{s.expiresAt === null ? 'current' : `works until ${when(s.expiresAt)}`}</td>
                <td>
                  <button type="button" aria-label={`End ${s.id}`} onClick={() => void end(s.id)}>
                    End now
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {secrets !== null && (
        <button type="button" disabled={busy} onClick={() => void make()}>
          {secrets.length === 0 ? 'Make a secret' : 'Rotate: make a new secret'}
        </button>
      )}
    </section>
  )
}

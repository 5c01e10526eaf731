import { useEffect, useState } from 'preact/hooks'
import type { WebhookDeliveryJson } from '@porchlight/shared/api/team'
import type { ConsoleApi } from '../api.ts'
import { errorMessage } from '../messages.ts'

const PAGE = 20
const LOG = '/v1/agent/webhooks/deliveries'
const when = (iso: string | null) => (iso === null ? '' : iso.slice(0, 19).replace('T', ' '))

/**
 * The delivery log, newest first, a page at a time ("Older" reads on from the last row): each
 * delivery's event, status, attempts and last answer. Owners send one again: a new delivery of
 * the same event, shown at the top once queued.
 */
export function DeliveryLog(props: { api: ConsoleApi; canResend: boolean }) {
  const { api } = props
  const [pages, setPages] = useState<WebhookDeliveryJson[][]>([])
  const [error, setError] = useState<string | undefined>()
  const [notice, setNotice] = useState<string | undefined>()
  const [more, setMore] = useState(false)

  async function read(before?: string) {
    const q = new URLSearchParams({ limit: String(PAGE) })
    if (before !== undefined) q.set('before', before)
    try {
      const { deliveries } = await api.request<{ deliveries: WebhookDeliveryJson[] }>(
        'GET',
        `${LOG}?${q.toString()}`,
      )
      setMore(deliveries.length === PAGE)
      setPages((p) => (before === undefined ? [deliveries] : [...p, deliveries]))
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  useEffect(() => {
    void read()
  }, [api])

  async function resend(d: WebhookDeliveryJson) {
    setError(undefined)
    setNotice(undefined)
    try {
      await api.request('POST', `${LOG}/${encodeURIComponent(d.id)}/resend`)
      setNotice(`The ${d.event} delivery is queued again.`)
      await read()
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  const rows = pages.flat()
  const last = rows.at(-1)
  return (
    <section class="card" aria-labelledby="log-title">
      <h2 id="log-title">Delivery log</h2>
      {error !== undefined && (
        <p class="note note-error" role="alert">
          {error}
        </p>
      )}
      {notice !== undefined && (
        <p class="note note-ok" role="status">
          {notice}
        </p>
      )}
      <p class="row-actions">
        <button type="button" onClick={() => void read()}>
          Refresh
        </button>
      </p>
      {rows.length === 0 ? (
        <p>No deliveries yet.</p>
      ) : (
        <table class="tokens">
          <thead>
            <tr>
              <th scope="col">Created (UTC)</th>
              <th scope="col">Event</th>
              <th scope="col">Address</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Answer</th>
              {props.canResend && (
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-delivery={d.id}>
                <td>{when(d.createdAt)}</td>
                <td>
                  <code>{d.event}</code>
                  {d.resentOf !== null && ' (sent again)'}
                </td>
                <td>
                  <bdi>{d.url}</bdi>
                </td>
                <td>{d.status}</td>
                <td>{d.attempts}</td>
                <td>{d.lastResponseCode ?? d.lastError ?? ''}</td>
                {props.canResend && (
                  <td>
                    <button type="button" onClick={() => void resend(d)}>
                      Resend
                      <span class="sr-only">
                        {' '}
                        {d.event} of {when(d.createdAt)}
                      </span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && last?.createdAt != null && (
        <button type="button" onClick={() => void read(last.createdAt ?? undefined)}>
          Older deliveries
        </button>
      )}
    </section>
  )
}

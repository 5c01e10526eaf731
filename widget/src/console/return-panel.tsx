import { useState } from 'preact/hooks'
import type { TicketJson, TicketView } from '@porchlight/shared/api/agent'
import type { ReturnProgress } from '@porchlight/shared/api/returns'
import type { ConsoleApi } from './api.ts'
import { formatDateTime, label } from './format.ts'
import type { Run } from './ticket-page.tsx'
import { useTicketRead } from './use-ticket-read.ts'

const returnPath = (id: string, tail: string) =>
  `/v1/agent/tickets/${encodeURIComponent(id)}/${tail}`

/**
 * An approved return after its decision: the reference and label the shopper got, the label
 * controls (a link, or the label the store made), and the receipt of units per line. Read
 * again whenever the ticket's version moves (a receipt, a label, another agent).
 */
export function ReturnPanel(props: {
  ticket: TicketJson
  api: ConsoleApi
  run: Run
  busy: boolean
}) {
  const { ticket: t, api, run, busy } = props
  const read = useTicketRead<ReturnProgress>(api, returnPath(t.id, 'return'), t.version)
  const { value: progress, error, setError } = read
  const [labelUrl, setLabelUrl] = useState('')
  const [counts, setCounts] = useState<Record<string, string>>({})

  if (error !== undefined) return <p class="note note-error">{error}</p>
  if (progress === null) return <p class="muted">Loading the return…</p>

  const post = (tail: string, body: unknown) => async (version: number) => ({
    view: await api.request<TicketView>('POST', returnPath(t.id, tail), {
      version,
      ...(body as object),
    }),
  })

  async function receive(e: Event) {
    e.preventDefault()
    const lines = progress!.lines
      .map((l) => ({ lineItemId: l.lineItemId, quantity: Number(counts[l.lineItemId] ?? '0') }))
      .filter((l) => Number.isInteger(l.quantity) && l.quantity > 0)
    if (lines.length === 0) {
      setError('Enter how many units arrived on at least one line.')
      return
    }
    if (await run(post('receipts', { lines }), 'Receipt recorded.')) setCounts({})
  }

  async function attach(e: Event) {
    e.preventDefault()
    const url = labelUrl.trim()
    if (await run(post('return-label', { url }), 'Label sent to the shopper.')) setLabelUrl('')
  }

  const open = progress.lines.some((l) => l.received < l.quantity)
  return (
    <section class="card" aria-labelledby="return-title">
      <h2 id="return-title">Return {progress.reference}</h2>
      <p>
        Label:{' '}
        {progress.label === null ? (
          <span class="muted">none yet</span>
        ) : (
          <a href={progress.label.url} target="_blank" rel="noopener noreferrer">
            {progress.label.kind === 'pdf' ? 'uploaded PDF' : 'link'}
          </a>
        )}
      </p>
      <ol class="plain">
        {progress.steps.map((s, i) => (
          <li key={i}>
            {label(s.step)} · {formatDateTime(s.at)}
          </li>
        ))}
      </ol>
      <form onSubmit={attach} noValidate>
        <label for="rl-url">Label link (https)</label>
        <input
          id="rl-url"
          type="url"
          value={labelUrl}
          onInput={(e) => setLabelUrl(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy || labelUrl.trim() === ''}>
          Send label
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => run(post('return-label', { fromStore: true }), 'Store label sent.')}
        >
          Use the store's label
        </button>
      </form>
      {open ? (
        <form onSubmit={receive} noValidate aria-label="Mark items received">
          {progress.lines.map((l) => (
            <p key={l.lineItemId}>
              <label for={`rc-${l.lineItemId}`}>
                {l.title}: {l.received} of {l.quantity} received; now
              </label>
              <input
                id={`rc-${l.lineItemId}`}
                inputMode="numeric"
                size={3}
                value={counts[l.lineItemId] ?? ''}
                onInput={(e) => setCounts({ ...counts, [l.lineItemId]: e.currentTarget.value })}
              />
            </p>
          ))}
          <button type="submit" class="primary" disabled={busy}>
            Mark received
          </button>
        </form>
      ) : (
        <p class="muted">Everything has come back.</p>
      )}
    </section>
  )
}

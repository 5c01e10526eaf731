import { useState } from 'preact/hooks'
import type { TicketJson, TicketView } from '@porchlight/shared/api/agent'
import {
  APPEASEMENT_REASONS,
  type AppeasementReason,
  type RefundableView,
} from '@porchlight/shared/api/returns'
import type { ConsoleApi } from './api.ts'
import { formatMoney, label } from './format.ts'
import { toMinorUnits } from './refund-form.tsx'
import type { Run } from './ticket-page.tsx'
import { useTicketRead } from './use-ticket-read.ts'

/**
 * Part of one line refunded (a damaged item kept, a late parcel), with a reason and a comment;
 * each line shows what it has left, read again whenever the ticket's version moves.
 */
export function AppeasementForm(props: {
  ticket: TicketJson
  api: ConsoleApi
  run: Run
  busy: boolean
}) {
  const { ticket: t, api, run, busy } = props
  const [line, setLine] = useState('')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState<AppeasementReason>('damaged')
  const [comment, setComment] = useState('')
  const path = `/v1/agent/tickets/${encodeURIComponent(t.id)}`
  const read = useTicketRead<RefundableView>(api, `${path}/refundable`, t.version)
  const { value: left, error, setError } = read

  if (left === null) return error ? <p class="note note-error">{error}</p> : null
  const chosen = left.lines.find((l) => l.lineItemId === (line || left.lines[0]?.lineItemId))

  async function submit(e: Event) {
    e.preventDefault()
    if (chosen === undefined) return
    const minor = toMinorUnits(amount, chosen.refundable.currency)
    let problem: string | undefined
    if (minor === null || minor <= 0) problem = 'Enter an amount above zero, like 5.00.'
    else if (minor > chosen.refundable.amount)
      problem = `At most ${formatMoney(chosen.refundable.amount, chosen.refundable.currency)} remains on this line.`
    setError(problem)
    if (problem !== undefined || minor === null) return
    const text = comment.trim()
    const ok = await run(
      async (version) => ({
        view: await api.request<TicketView>('POST', `${path}/appeasements`, {
          version,
          lineItemId: chosen.lineItemId,
          amount: { amount: minor, currency: chosen.refundable.currency },
          reason,
          ...(text === '' ? {} : { comment: text }),
        }),
      }),
      `Refund of ${formatMoney(minor, chosen.refundable.currency)} on ${chosen.title} requested.`,
    )
    if (ok) {
      setAmount('')
      setComment('')
    }
  }

  return (
    <section class="card" aria-labelledby="appease-title">
      <h2 id="appease-title">Refund part of a line</h2>
      <form onSubmit={submit} noValidate>
        <label for="ap-line">Line</label>
        <select
          id="ap-line"
          value={chosen?.lineItemId}
          onChange={(e) => setLine(e.currentTarget.value)}
        >
          {left.lines.map((l) => (
            <option key={l.lineItemId} value={l.lineItemId}>
              {l.title} ({formatMoney(l.refundable.amount, l.refundable.currency)} left)
            </option>
          ))}
        </select>
        <label for="ap-amount">Amount</label>
        <input
          id="ap-amount"
          inputMode="decimal"
          autocomplete="off"
          value={amount}
          aria-invalid={error !== undefined}
          onInput={(e) => setAmount(e.currentTarget.value)}
        />
        <label for="ap-reason">Reason</label>
        <select
          id="ap-reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value as AppeasementReason)}
        >
          {APPEASEMENT_REASONS.map((r) => (
            <option key={r} value={r}>
              {label(r)}
            </option>
          ))}
        </select>
        <label for="ap-comment">Comment (for the team and the store)</label>
        <input
          id="ap-comment"
          maxLength={500}
          value={comment}
          onInput={(e) => setComment(e.currentTarget.value)}
        />
        {error && <p class="field-error">{error}</p>}
        <p class="muted">
          {formatMoney(left.total.amount, left.total.currency)} remains refundable on the order.
        </p>
        <button type="submit" class="primary" disabled={busy || chosen === undefined}>
          Refund line
        </button>
      </form>
    </section>
  )
}

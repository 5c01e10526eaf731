import { useState } from 'preact/hooks'
import type { TicketJson } from '@porchlight/shared/api/agent'
import type { ConsoleApi } from './api.ts'
import { formatMoney, fractionDigits, label } from './format.ts'
import type { OrderView } from './order-reader.ts'
import type { Run } from './ticket-page.tsx'

/** "12.5" or "12,50" in a currency's major units to exact minor units; null if not an amount. */
export function toMinorUnits(input: string, currency: string): number | null {
  const digits = fractionDigits(currency)
  const m = /^\s*(\d{1,9})(?:[.,](\d*))?\s*$/.exec(input)
  if (m === null) return null
  const fraction = m[2] ?? ''
  if (fraction.length > digits) return null
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')
}

/**
 * A partial refund or an appeasement, capped at what remains refundable when the order says
 * so (the store checks again at decision time).
 */
export function RefundForm(props: {
  ticket: TicketJson
  order: OrderView | null
  api: ConsoleApi
  run: Run
  busy: boolean
}) {
  const { ticket: t, order, api, run, busy } = props
  const [amount, setAmount] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | undefined>()
  const currency = order?.refundable?.currency ?? order?.currency ?? null
  const max = order?.refundable ?? null

  async function submit(e: Event) {
    e.preventDefault()
    if (currency === null) return
    const minor = toMinorUnits(amount, currency)
    let problem: string | undefined
    if (minor === null || minor <= 0) problem = 'Enter an amount above zero, like 12.50.'
    else if (max !== null && minor > max.amount)
      problem = `At most ${formatMoney(max.amount, max.currency)} remains refundable.`
    setError(problem)
    if (problem !== undefined || minor === null) {
      document.getElementById('r-amount')?.focus()
      return
    }
    const text = note.trim()
    const ok = await run(
      async (version) => ({
        view: await api.refund(t.id, {
          version,
          amount: { amount: minor, currency },
          ...(text === '' ? {} : { note: text }),
        }),
      }),
      `Refund of ${formatMoney(minor, currency)} requested.`,
    )
    if (ok) {
      setAmount('')
      setNote('')
    }
  }

  return (
    <section class="card" aria-labelledby="refund-title">
      <h2 id="refund-title">Refund or appeasement</h2>
      {t.refundStatus && (
        <p>
          Refund status: <strong>{label(t.refundStatus)}</strong>
        </p>
      )}
      {currency === null ? (
        <p class="muted">The order's details are needed to refund; they are not available.</p>
      ) : max !== null && max.amount <= 0 ? (
        <p class="muted">Nothing remains refundable on this order.</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <label for="r-amount">Amount ({currency})</label>
          <input
            id="r-amount"
            inputMode="decimal"
            autocomplete="off"
            value={amount}
            aria-invalid={error !== undefined}
            aria-describedby={`r-amount-hint${error ? ' r-amount-error' : ''}`}
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
          <small id="r-amount-hint" class="muted">
            {max === null
              ? 'No more than what remains refundable.'
              : `Up to ${formatMoney(max.amount, max.currency)} remains refundable.`}
          </small>
          {error && (
            <p id="r-amount-error" class="field-error">
              {error}
            </p>
          )}
          <label for="r-note">Note (optional)</label>
          <input
            id="r-note"
            maxLength={500}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy}>
            Refund
          </button>
        </form>
      )}
    </section>
  )
}

import type { TicketEventJson, TicketJson } from '@porchlight/shared/api/agent'
import type { ExchangeView } from '@porchlight/shared/api/exchanges'
import type { ConsoleApi } from './api.ts'
import type { Run } from './ticket-page.tsx'

function madeExchange(history: TicketEventJson[]): ExchangeView | undefined {
  const approved = history.find((e) => e.kind === 'approved')
  const exchange = approved?.data['exchange']
  return typeof exchange === 'object' && exchange !== null ? (exchange as ExchangeView) : undefined
}

/**
 * A return that asks for another variant instead of a refund: what the shopper asked for, and
 * once approved, the exchange the store made. Approving (the decision card) makes the exchange;
 * when the variant ran out (the store's answer says so) the agent can refund instead here.
 */
export function ExchangePanel(props: {
  ticket: TicketJson
  history: TicketEventJson[]
  api: ConsoleApi
  run: Run
  busy: boolean
}) {
  const { ticket: t, history, api, run, busy } = props
  const asked = t.lines.filter((l) => l.exchange !== undefined)
  if (t.type !== 'return' || asked.length === 0) return null
  const made = madeExchange(history)
  const refunded = history.some((e) => e.kind === 'approved' && e.data['insteadOfExchange'])
  return (
    <section class="card" aria-labelledby="exchange-title">
      <h2 id="exchange-title">Exchange</h2>
      <p>The shopper asks for another variant instead of a refund:</p>
      <ul>
        {asked.map((l) => (
          <li key={l.lineItemId}>
            {l.quantity} × <strong>{l.exchange!.title}</strong>{' '}
            <span class="muted">(line {l.lineItemId})</span>
          </li>
        ))}
      </ul>
      {made && (
        <p>
          Exchange made: <strong>{made.orderName}</strong>
          {made.orderId === null ? ' (on the store’s return)' : ' (a new order, nothing to pay)'}.
        </p>
      )}
      {refunded && <p>Approved as a refund instead of the exchange.</p>}
      {t.requestStatus === 'requested' && (
        <>
          <p class="muted">
            Approving sends the variant. If it is out of stock, refund the return instead.
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(
                async (version) => ({
                  view: await api.decide(t.id, { version, decision: 'approve', instead: 'refund' }),
                }),
                'Approved the return as a refund.',
              )
            }
          >
            Approve with a refund instead
          </button>
        </>
      )}
    </section>
  )
}

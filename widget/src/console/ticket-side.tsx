import { AddressChangePanel } from './address-change-panel.tsx'
import { AppeasementForm } from './appeasement-form.tsx'
import { DecisionForm } from './decision-form.tsx'
import { ExchangePanel } from './exchange-panel.tsx'
import { OrderPanel } from './order-panel.tsx'
import { RefundForm } from './refund-form.tsx'
import { ReturnPanel } from './return-panel.tsx'
import { TicketControls } from './ticket-controls.tsx'
import type { PaneProps } from './ticket-page.tsx'
import { TicketRating } from './ticket-rating.tsx'
import { TicketSummary } from './ticket-summary.tsx'

/**
 * The pane beside the thread: who has the ticket, the shopper, the order, and every control that
 * acts on the order (decision, refund, return receipt, appeasement). It is a plain list of
 * sections, one per concern, each deciding for itself whether it applies: a new control for
 * the order (an address change, an exchange) is one more section here.
 */
export function TicketSide(props: PaneProps) {
  const { view, order, api, me, run, busy } = props
  const t = view.ticket
  return (
    <>
      <TicketControls ticket={t} me={me} api={api} run={run} busy={busy} />
      <OrderPanel ticket={t} order={order} section />
      {t.type === 'address_change' && <AddressChangePanel ticket={t} api={api} />}
      {t.requestStatus !== null && <DecisionForm ticket={t} api={api} run={run} busy={busy} />}
      <ExchangePanel ticket={t} history={view.history} api={api} run={run} busy={busy} />
      {t.order !== null && <RefundForm ticket={t} order={order} api={api} run={run} busy={busy} />}
      {t.type === 'return' && t.requestStatus === 'approved' && (
        <ReturnPanel ticket={t} api={api} run={run} busy={busy} />
      )}
      {/* Only once the store gave the order: without it there are no lines to refund. */}
      {t.order !== null && order !== null && (
        <AppeasementForm ticket={t} api={api} run={run} busy={busy} />
      )}
      <TicketSummary ticket={t} order={order} me={me} />
      <TicketRating rating={view.rating} />
    </>
  )
}

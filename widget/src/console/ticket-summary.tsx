import type { ComponentChildren } from 'preact'
import type { TicketJson } from '@porchlight/shared/api/agent'
import type { Me } from './app.tsx'
import { formatDateTime, label } from './format.ts'
import type { OrderView } from './order-reader.ts'
import { Bidi } from './bidi.tsx'

/** An agent's name for an assignee id (the list of agents may not have loaded). */
export function agentName(me: Me, id: string | null): string {
  if (id === null) return 'Nobody'
  if (id === me.agent.id) return `${me.agent.name} (you)`
  return me.agents.get(id)?.name ?? 'Another agent'
}

const Row = (props: { term: string; children: ComponentChildren }) => (
  <div>
    <dt>{props.term}</dt>
    <dd>{props.children}</dd>
  </div>
)

/** The ticket's facts and the shopper (what they asked opens the thread). Shopper text is text only. */
export function TicketSummary(props: { ticket: TicketJson; order: OrderView | null; me: Me }) {
  const { ticket: t, order, me } = props
  return (
    <>
      <section class="card" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <dl class="facts">
          <Row term="Status">{label(t.status)}</Row>
          {t.requestStatus && <Row term="Request">{label(t.requestStatus)}</Row>}
          {t.refundStatus && <Row term="Refund">{label(t.refundStatus)}</Row>}
          <Row term="Channel">{label(t.channel)}</Row>
          <Row term="Order">{t.order ? <Bidi>{t.order.name ?? t.order.id}</Bidi> : 'None'}</Row>
          <Row term="Assigned to">{agentName(me, t.assigneeId)}</Row>
          <Row term="Created">{formatDateTime(t.createdAt)}</Row>
          <Row term="Updated">{formatDateTime(t.updatedAt)}</Row>
        </dl>
      </section>
      <section class="card" aria-labelledby="shopper-title">
        <h2 id="shopper-title">Shopper</h2>
        <dl class="facts">
          <Row term="Name">
            {t.shopper.name !== null ? (
              <Bidi>{t.shopper.name}</Bidi>
            ) : order?.customerName ? (
              <>
                <Bidi>{order.customerName}</Bidi> <span class="muted">(on the order)</span>
              </>
            ) : (
              <span class="muted">Not given</span>
            )}
          </Row>
          {t.shopper.identity && (
            <Row term={`Verified ${t.shopper.identity.kind}`}>
              <Bidi>{t.shopper.identity.value}</Bidi>
            </Row>
          )}
          {t.shopper.email && (
            <Row term="Email given">
              <Bidi>{t.shopper.email}</Bidi>
            </Row>
          )}
          <Row term="Language">
            <Bidi>{t.shopper.locale}</Bidi>
          </Row>
        </dl>
      </section>
    </>
  )
}

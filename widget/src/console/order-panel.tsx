import type { TicketJson } from '@porchlight/shared/api/agent'
import { formatDateTime, formatMoney, label } from './format.ts'
import type { OrderView } from './order-reader.ts'

const TIMELINE: Record<string, string> = {
  placed: 'Order placed',
  paid: 'Paid',
  shipped: 'Shipped',
  label_created: 'Label created',
  carrier_picked_up: 'Picked up by the carrier',
  in_transit: 'In transit',
  out_for_delivery: 'Out for delivery',
  attempted_delivery: 'Delivery attempted',
  delayed: 'Delayed',
  ready_for_pickup: 'Ready for pickup',
  delivered: 'Delivered',
  failed: 'Delivery failed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
}

/** The order beside the ticket: status, payment, timeline, shipments and line items. */
export function OrderPanel(props: { ticket: TicketJson; order: OrderView | null }) {
  const { ticket: t, order: o } = props
  return (
    <aside class="ticket-order card" aria-labelledby="order-title">
      <h2 id="order-title">Order {o?.name ?? t.order?.name ?? ''}</h2>
      {o === null ? (
        <p class="muted">
          {t.order === null
            ? 'This ticket is not about an order.'
            : 'The order’s details are not available right now.'}
        </p>
      ) : (
        <>
          <dl class="facts">
            {o.displayStatus && (
              <div>
                <dt>Status</dt>
                <dd>{label(o.displayStatus)}</dd>
              </div>
            )}
            {o.status && (
              <div>
                <dt>Order</dt>
                <dd>{label(o.status)}</dd>
              </div>
            )}
            {o.financialStatus && (
              <div>
                <dt>Payment</dt>
                <dd>{label(o.financialStatus)}</dd>
              </div>
            )}
            {o.fulfillmentStatus && (
              <div>
                <dt>Fulfilment</dt>
                <dd>{label(o.fulfillmentStatus)}</dd>
              </div>
            )}
            {o.payment && (
              <div>
                <dt>Paid with</dt>
                <dd>{o.payment}</dd>
              </div>
            )}
            {o.createdAt && (
              <div>
                <dt>Placed</dt>
                <dd>{formatDateTime(o.createdAt)}</dd>
              </div>
            )}
          </dl>
          {o.totals.length > 0 && (
            <table class="totals">
              <caption class="sr-only">Totals</caption>
              <tbody>
                {o.totals.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>{formatMoney(row.money.amount, row.money.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {o.timeline.length > 0 && (
            <>
              <h3>Timeline</h3>
              <ol class="timeline">
                {o.timeline.map((e, i) => (
                  <li key={i}>
                    <span>{TIMELINE[e.kind] ?? label(e.kind)}</span>{' '}
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    {e.detail && <span class="muted"> · {e.detail}</span>}
                  </li>
                ))}
              </ol>
            </>
          )}
          {o.shipments.length > 0 && (
            <>
              <h3>Shipments</h3>
              <ul class="plain">
                {o.shipments.map((s) => (
                  <li key={s.id}>
                    {s.carrier ?? 'Carrier unknown'}
                    {(s.trackingNumber || s.trackingUrl) && ' · '}
                    {/* trackingUrl is http(s) or null (readOrder checked it) */}
                    {s.trackingUrl ? (
                      <a href={s.trackingUrl} target="_blank" rel="noopener noreferrer">
                        {s.trackingNumber ?? 'Tracking page'}
                      </a>
                    ) : (
                      s.trackingNumber && <span>{s.trackingNumber}</span>
                    )}
                    {s.estimatedDeliveryAt &&
                      ` · expected ${formatDateTime(s.estimatedDeliveryAt)}`}
                  </li>
                ))}
              </ul>
            </>
          )}
          {o.lines.length > 0 && (
            <>
              <h3>Items</h3>
              <ul class="lines">
                {o.lines.map((l) => (
                  <li key={l.id}>
                    <span class="line-title">
                      {l.quantity ?? '?'} × {l.title}
                      {l.variant && <span class="muted"> · {l.variant}</span>}
                    </span>
                    {l.price && <span>{formatMoney(l.price.amount, l.price.currency)}</span>}
                    {l.sku && <small class="muted">SKU {l.sku}</small>}
                    {l.refundedQuantity > 0 && (
                      <small class="muted">{l.refundedQuantity} refunded</small>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </aside>
  )
}

import type { TicketJson } from '@porchlight/shared/api/agent'
import type { Money } from '@porchlight/shared/orders/model'
import { Bidi } from './bidi.tsx'
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

/**
 * A line's total, as the shopper's panel shows it, with the unit price beside it ("2 × 12.00")
 * when there is more than one: an agent comparing the two screens sees the same figure.
 */
function LinePrice(props: { price: Money; quantity: number | null }) {
  const { price, quantity } = props
  if (quantity === null || quantity === 1) {
    return <span class="line-price">{formatMoney(price.amount, price.currency)}</span>
  }
  return (
    <span class="line-price">
      {formatMoney(price.amount * quantity, price.currency)}{' '}
      <small class="muted">
        ({quantity} × {formatMoney(price.amount, price.currency)})
      </small>
    </span>
  )
}

/** The order beside the ticket: status, payment, timeline, shipments and line items. */
// Only the ticket's order link is read, so the order page passes its order in the same shape.
// Inside the ticket page's side pane (itself the page's aside) it is a section, not a landmark.
export function OrderPanel(props: {
  ticket: Pick<TicketJson, 'order'>
  order: OrderView | null
  section?: boolean
}) {
  const { ticket: t, order: o } = props
  const Box = props.section ? 'section' : 'aside'
  return (
    <Box class="ticket-order card" aria-labelledby="order-title">
      <h2 id="order-title">
        Order <Bidi>{o?.name ?? t.order?.name ?? ''}</Bidi>
      </h2>
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
                <dd>
                  <Bidi>{label(o.displayStatus)}</Bidi>
                </dd>
              </div>
            )}
            {o.status && (
              <div>
                <dt>Order</dt>
                <dd>
                  <Bidi>{label(o.status)}</Bidi>
                </dd>
              </div>
            )}
            {o.financialStatus && (
              <div>
                <dt>Payment</dt>
                <dd>
                  <Bidi>{label(o.financialStatus)}</Bidi>
                </dd>
              </div>
            )}
            {o.fulfillmentStatus && (
              <div>
                <dt>Fulfilment</dt>
                <dd>
                  <Bidi>{label(o.fulfillmentStatus)}</Bidi>
                </dd>
              </div>
            )}
            {o.payment && (
              <div>
                <dt>Paid with</dt>
                <dd>
                  <Bidi>{o.payment}</Bidi>
                </dd>
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
                    <Bidi>{TIMELINE[e.kind] ?? label(e.kind)}</Bidi>{' '}
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    {e.details.map((d, i) => (
                      <span key={i} class="muted">
                        {i === 0 ? ' · ' : ' — '}
                        <Bidi>{d}</Bidi>
                      </span>
                    ))}
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
                    {s.carrier === null ? 'Carrier unknown' : <Bidi>{s.carrier}</Bidi>}
                    {(s.trackingNumber || s.trackingUrl) && ' · '}
                    {/* trackingUrl is http(s) or null (readOrder checked it) */}
                    {s.trackingUrl ? (
                      <a href={s.trackingUrl} target="_blank" rel="noopener noreferrer">
                        {s.trackingNumber === null ? (
                          'Tracking page'
                        ) : (
                          <Bidi>{s.trackingNumber}</Bidi>
                        )}
                      </a>
                    ) : (
                      s.trackingNumber && (
                        <span>
                          <Bidi>{s.trackingNumber}</Bidi>
                        </span>
                      )
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
                      {l.quantity ?? '?'} × <Bidi>{l.title}</Bidi>
                      {l.variant && (
                        <span class="muted">
                          {' · '}
                          <Bidi>{l.variant}</Bidi>
                        </span>
                      )}
                    </span>
                    {l.price && <LinePrice price={l.price} quantity={l.quantity} />}
                    {l.sku && (
                      <small class="muted">
                        SKU <Bidi>{l.sku}</Bidi>
                      </small>
                    )}
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
    </Box>
  )
}

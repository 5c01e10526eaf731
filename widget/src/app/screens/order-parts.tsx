import type { TimelineEntryView } from '@porchlight/shared/api/orders'
import type { FormattedAddress, FormattedMoney } from '@porchlight/shared/orders/summary'
import { safeHttpUrl } from '@porchlight/shared/url/safe-url'
import { useI18n, type LocaleState } from '../locale.ts'
import type { OrderView } from '../order-view.ts'
import { eventText, money, say, when } from '../words.ts'
import { DeliveryBar, StatusBadge } from './status-look.tsx'
import { External, Part } from './ui.tsx'

type PartProps = { order: OrderView }

/** Each parcel with its carrier, tracking number and link, and its events, newest first. */
export function Tracking({ order }: PartProps) {
  const i18n = useI18n()
  const { t } = i18n
  const total = order.shipments.length
  return (
    <Part title={t('order.tracking')}>
      {total === 0 && (
        <p class="muted">
          {t(
            order.status.code === 'cancelled' ? 'order.not_shipped_cancelled' : 'order.not_shipped',
          )}
        </p>
      )}
      {order.shipments.map((s, index) => {
        // Only an http(s) page from the store becomes a link; a javascript: URL leaves none.
        const link = safeHttpUrl(s.trackingUrl)
        return (
          <div key={s.id} class="parcel">
            {total > 1 && <h4>{t('order.shipment', { index: index + 1, total })}</h4>}
            <StatusBadge code={s.state} i18n={i18n} />
            {/* One parcel's steps are the order's, shown at the top of the page. */}
            {total > 1 && <DeliveryBar code={s.state} i18n={i18n} labels />}
            <p>
              {s.estimatedDeliveryAt && (
                <span class="line">
                  {t('order.arriving_on', { date: when(s.estimatedDeliveryAt, i18n, 'day') })}
                </span>
              )}
              {(s.carrier || s.trackingNumber) && (
                <span class="line">
                  {[
                    s.carrier,
                    s.trackingNumber && t('order.tracking_number', { number: s.trackingNumber }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              )}
            </p>
            {link && (
              <p>
                <External href={link}>
                  {s.carrier ? t('order.track_with', { carrier: s.carrier }) : t('order.track')}
                </External>
              </p>
            )}
            <Timeline entries={s.entries} i18n={i18n} />
          </div>
        )
      })}
    </Part>
  )
}

/** The order's milestones (placed, paid, refunds, returns, cancellation), newest first. */
export function OrderHistory({ order }: PartProps) {
  const i18n = useI18n()
  return (
    <Part title={i18n.t('order.history')}>
      <Timeline entries={order.events} i18n={i18n} />
    </Part>
  )
}

function Timeline({
  entries,
  i18n,
}: {
  entries: Array<TimelineEntryView<string>>
  i18n: LocaleState
}) {
  if (entries.length === 0) return null
  return (
    <ol class="timeline">
      {[...entries].reverse().map((e, i) => (
        <li key={i}>
          <span class="row">
            <strong>
              {eventText(e.kind, i18n)}
              {e.amount && ` · ${money(e.amount, i18n)}`}
            </strong>
            <time dateTime={e.at.iso}>{when(e.at, i18n, 'dateTime')}</time>
          </span>
          {(e.location || e.message) && (
            <span class="line muted">{[e.message, e.location].filter(Boolean).join(' · ')}</span>
          )}
        </li>
      ))}
    </ol>
  )
}

/** What was ordered, with quantities, prices and refunds. */
export function OrderItems({ order }: PartProps) {
  const i18n = useI18n()
  const { t } = i18n
  return (
    <Part title={t('order.items', { count: order.summary.itemCount })}>
      <ul class="plain">
        {order.lineItems.map((line) => (
          <li key={line.id} class="item">
            {line.imageUrl && <img class="thumb" src={line.imageUrl} alt="" />}
            <span class="grow">
              <span class="row">
                <strong>{line.title}</strong>
                <span>{money(line.total, i18n)}</span>
              </span>
              {line.variantTitle && <span class="line muted">{line.variantTitle}</span>}
              <span class="line muted">
                {t('order.line_qty', { count: line.quantity, price: money(line.unitPrice, i18n) })}
              </span>
              {line.refundedQuantity > 0 && (
                <span class="line">
                  {t('order.line_refunded', { count: line.refundedQuantity })}
                </span>
              )}
              {line.finalSale && <span class="line">{t('order.final_sale')}</span>}
            </span>
          </li>
        ))}
      </ul>
    </Part>
  )
}

function Address({ address }: { address: FormattedAddress }) {
  return (
    <address>
      {address.lines.map((line, i) => (
        <span key={i} class="line">
          {line}
        </span>
      ))}
    </address>
  )
}

/** Delivery, addresses, payment method and the totals, paid and refunded included. */
export function OrderSummary({ order }: PartProps) {
  const i18n = useI18n()
  const { t } = i18n
  const { shipping, billing, payment } = order.summary
  const row = (
    key: Parameters<typeof say>[1],
    value: FormattedMoney | undefined,
    always = false,
  ) =>
    value && (always || value.amount !== 0) ? (
      <div class="row">
        <dt>{say(i18n, key)}</dt>
        <dd>{money(value, i18n)}</dd>
      </div>
    ) : null
  return (
    <Part title={t('order.summary')}>
      <dl class="summary">
        <div>
          <dt>{t('order.delivery')}</dt>
          <dd>
            {shipping.deliveryMethod === 'pickup' ? t('order.pickup') : shipping.method}
            {shipping.carriers.length > 0 && ` · ${shipping.carriers.join(', ')}`}
          </dd>
        </div>
        {shipping.address && (
          <div>
            <dt>{t('order.shipping_address')}</dt>
            <dd>
              <Address address={shipping.address} />
            </dd>
          </div>
        )}
        {billing.address && (
          <div>
            <dt>{t('order.billing_address')}</dt>
            <dd>
              <Address address={billing.address} />
            </dd>
          </div>
        )}
        {payment.method && (
          <div>
            <dt>{t('order.payment')}</dt>
            <dd>{payment.method.label}</dd>
          </div>
        )}
      </dl>
      <dl class="summary totals">
        {row('order.subtotal', payment.subtotal, true)}
        {row('order.shipping_cost', payment.shipping, true)}
        {row('order.tax', payment.tax)}
        {row('order.discount', payment.discount)}
        {row('order.total', payment.total, true)}
        {row('order.paid', payment.paid, true)}
        {row('order.refunded', payment.refunded)}
        {row('order.outstanding', payment.outstanding)}
      </dl>
    </Part>
  )
}

import type { ActionOffer, OrderStatusView } from '@porchlight/shared/api/orders'
import type { RequestType } from '@porchlight/shared/api/requests'
import { safeHttpUrl } from '@porchlight/shared/url/safe-url'
import type { ApiClient } from '../api-client.ts'
import { lazyScreen } from '../lazy-screen.tsx'
import { useI18n, type LocaleState } from '../locale.ts'
import { orderKey, type OrderView } from '../order-view.ts'
import { problemFor, problemText } from '../problem.ts'
import { announce, useResource } from '../resource.ts'
import { ineligibleText } from '../order-words.ts'
import { say, statusText, when } from '../words.ts'
import { OrderHistory, OrderItems, OrderSummary, Tracking } from './order-parts.tsx'
import { ReturnSteps } from './return-progress.tsx'
import { ScreenView } from './screen-view.tsx'
import { DeliveryBar, StatusBadge } from './status-look.tsx'
import { External, Part } from './ui.tsx'
import './order-page.css'

interface Props {
  api: ApiClient
  id: string
  /** Shown before the order arrives: the list already knows its number and status. */
  name: string
  status: OrderStatusView | undefined
  focus: boolean
  /** The store's Loop Returns portal: Return opens it instead of our form. */
  loopUrl: string | null
  onBack: () => void
  onRequest: (type: RequestType, order: OrderView) => void
}

/** One order: where it is, what the shopper can ask for (or why not), and what it holds. */
export function OrderDetail(props: Props) {
  const { api, id, focus, onBack } = props
  const i18n = useI18n()
  const { t } = i18n
  const { data, error, refresh } = useResource(
    orderKey(id),
    () => api.order(id, i18n.locale),
    (before, after) => {
      const changes: string[] = []
      if (before && before.order.status.code !== after.order.status.code) {
        const status = statusText(after.order.status.code, i18n)
        changes.push(t('order.status_now', { name: after.order.name, status }))
      }
      for (const request of after.order.requests ?? []) {
        const old = before?.order.requests?.find((r) => r.ticketId === request.ticketId)
        if (old && request.requestStatus && old.requestStatus !== request.requestStatus) {
          changes.push(
            `${request.reference}: ${say(i18n, `request.status.${request.requestStatus}`)}`,
          )
        }
      }
      // One announcement: a decision changes the order and its request at once, and a second
      // announcement would replace the first before it is read.
      if (changes.length > 0) announce(changes.join(' '))
    },
  )
  const order = data?.order
  const status = order?.status ?? props.status

  return (
    <ScreenView
      title={t('order.name', { name: order?.name ?? props.name })}
      focus={focus}
      onBack={onBack}
    >
      {status && (
        <div class="status-head">
          <StatusBadge code={status.code} i18n={i18n} />
          {status.estimatedDeliveryAt && (
            <span class="line">
              {t('order.arriving_on', { date: when(status.estimatedDeliveryAt, i18n, 'day') })}
            </span>
          )}
          <DeliveryBar code={status.code} i18n={i18n} labels />
        </div>
      )}
      {!order && !error && (
        <p role="status" class="status" aria-busy="true">
          {t('common.loading')}
        </p>
      )}
      <p role="alert" class="error">
        {error ? problemText(problemFor(error), i18n) : ''}
      </p>
      {error && !order && (
        <button type="button" class="primary" onClick={() => void refresh()}>
          {t('common.retry')}
        </button>
      )}
      {order && (
        <>
          <p class="muted">{t('order.placed_on', { date: when(order.createdAt, i18n) })}</p>
          <Actions {...props} order={order} i18n={i18n} />
          <Requests order={order} i18n={i18n} api={api} />
          <Tracking order={order} />
          <OrderHistory order={order} />
          <OrderItems order={order} />
          <OrderSummary order={order} />
        </>
      )}
    </ScreenView>
  )
}

type ActionsProps = Props & { order: OrderView; i18n: LocaleState }

function Actions({ order, i18n, loopUrl, onRequest }: ActionsProps) {
  const { t } = i18n
  const { cancel, return: ret } = order.actions
  // The newest parcel with a link we may open; the store's URLs are never trusted as they come.
  const tracked = [...order.shipments]
    .reverse()
    .map((s) => safeHttpUrl(s.trackingUrl))
    .find((url) => url !== null)
  const loop = safeHttpUrl(loopUrl, { httpsOnly: true })
  // An open request of a type stands in for its action: asking twice would be refused.
  const open = (type: RequestType) =>
    order.requests?.find((r) => r.type === type && r.requestStatus === 'requested')
  const why = (type: 'return' | 'cancel' | 'address_change', offer: ActionOffer): string | null => {
    const pending = open(type)
    if (pending) return t('error.request_already_open', { reference: pending.reference })
    return offer.offered ? null : ineligibleText(offer.reason, i18n)
  }
  const noReturn = why('return', ret)
  const noCancel = why('cancel', cancel)
  // A server without address changes sends no offer: nothing to show then.
  const address = order.actions.addressChange
  const noAddress = address ? why('address_change', address) : undefined
  const button = (type: RequestType, label: string) => (
    <button type="button" class="secondary" onClick={() => onRequest(type, order)}>
      {label}
    </button>
  )
  return (
    <Part title={t('order.help')}>
      <div class="actions">
        {tracked && (
          <External href={tracked} class="secondary">
            {t('action.track')}
          </External>
        )}
        {noReturn === null &&
          (loop ? (
            <External href={loop} class="secondary">
              {t('action.return')}
            </External>
          ) : (
            button('return', t('action.return'))
          ))}
        {noCancel === null && button('cancel', t('action.cancel'))}
        {noAddress === null && button('address_change', t('action.change_address'))}
        {order.issue.reasons.length > 0 && button('issue', t('action.report_issue'))}
      </div>
      {ret.offered && ret.until && noReturn === null && (
        <p class="note">{t('order.return_until', { date: when(ret.until, i18n, 'day') })}</p>
      )}
      {noReturn !== null && noReturn === noCancel ? (
        <p class="note">{noReturn}</p>
      ) : (
        <>
          {noReturn !== null && (
            <p class="note">{t('order.unavailable_return', { reason: noReturn })}</p>
          )}
          {noCancel !== null && (
            <p class="note">{t('order.unavailable_cancel', { reason: noCancel })}</p>
          )}
        </>
      )}
      {typeof noAddress === 'string' && (
        <p class="note">{t('order.unavailable_address_change', { reason: noAddress })}</p>
      )}
    </Part>
  )
}

// The rating form is its own chunk: few orders have a resolved request to rate.
const Rating = lazyScreen(() => import('../rating/rating-form.tsx').then((m) => m.RatingForm))

function Requests({ order, i18n, api }: { order: OrderView; i18n: LocaleState; api: ApiClient }) {
  if (!order.requests?.length) return null
  return (
    <Part title={i18n.t('order.requests')}>
      <ul class="plain">
        {order.requests.map((r) => (
          <li key={r.ticketId} class="card">
            <span class="row">
              <strong>{say(i18n, `request.type.${r.type}`)}</strong>
              <span>{r.reference}</span>
            </span>
            {r.requestStatus && (
              <span class="badge">{say(i18n, `request.status.${r.requestStatus}`)}</span>
            )}
            <span class="line muted">{when(r.createdAt, i18n)}</span>
            {r.decisionNote && <span class="line">{r.decisionNote}</span>}
            {r.address && (
              <span class="line">
                {[r.address.line1, r.address.line2, r.address.city].filter(Boolean).join(', ')}
              </span>
            )}
            {r.returnProgress && <ReturnSteps progress={r.returnProgress} i18n={i18n} />}
            {r.messages?.map((m, i) => (
              <span key={i} class="line">
                <span class="muted">
                  {i18n.t(
                    m.author === 'store' ? 'order.request_from_store' : 'order.request_from_you',
                  )}
                  {' · '}
                  {when(m.at, i18n)}
                </span>
                <br />
                {m.body}
              </span>
            ))}
            {(r.canRate || r.rating !== null) && (
              <Rating.Screen rated={r.rating} send={(body) => api.rateTicket(r.ticketId, body)} />
            )}
          </li>
        ))}
      </ul>
    </Part>
  )
}

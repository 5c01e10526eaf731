import type { SessionInfo } from '@porchlight/shared/api/auth'
import type { OrderListItem, OrderListResponse } from '@porchlight/shared/api/orders'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { ApiClient, ApiError } from '../api-client.ts'
import { useI18n, type LocaleState } from '../locale.ts'
import { problemFor, problemText } from '../problem.ts'
import { announce, cached, useResource } from '../resource.ts'
import { eventText, money, statusText, when } from '../words.ts'
import { DeliveryBar, StatusBadge } from './status-look.tsx'
import { ScreenView } from './screen-view.tsx'

const PAGE = 10
const MAX_PAGE = 50
export const ORDERS_KEY = 'orders'

interface Props {
  api: ApiClient
  identity: SessionInfo['identity']
  focus: boolean
  onOpen: (order: OrderListItem) => void
  onSignOut: () => Promise<void>
}

/** "Arriving on 3 October", else the latest parcel event, else when it was placed. */
export function whereIsIt(order: OrderListItem, i18n: LocaleState): string {
  const { status, lastEvent } = order
  if (status.estimatedDeliveryAt) {
    return i18n.t('order.arriving_on', { date: when(status.estimatedDeliveryAt, i18n, 'day') })
  }
  if (lastEvent) {
    return [eventText(lastEvent.kind, i18n), when(lastEvent.at, i18n, 'day'), lastEvent.location]
      .filter(Boolean)
      .join(' · ')
  }
  return i18n.t('order.placed_on', { date: when(order.createdAt, i18n) })
}

/** Tells the screen reader about orders whose status changed since the last load. */
export function announceStatusChanges(
  before: OrderListItem[] | undefined,
  after: OrderListItem[],
  i18n: LocaleState,
): void {
  const changes = after.flatMap((order) => {
    const old = before?.find((o) => o.id === order.id)
    if (!old || old.status.code === order.status.code) return []
    const status = statusText(order.status.code, i18n)
    return [i18n.t('order.status_now', { name: order.name, status })]
  })
  // One announcement: a second one would cut the first off.
  if (changes.length > 0) announce(changes.join(' '))
}

/** The signed-in home: the shopper's orders, newest first, a page at a time. */
export function OrdersHome({ api, identity, focus, onOpen, onSignOut }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  // One request refreshes every order already shown (up to a page of 50).
  const size = () =>
    Math.min(MAX_PAGE, Math.max(PAGE, cached<OrderListResponse>(ORDERS_KEY)?.orders.length ?? 0))
  const { data, error, refresh, replace } = useResource(
    ORDERS_KEY,
    () => api.orders(i18n.locale, size()),
    (before, after) => announceStatusChanges(before?.orders, after.orders, i18n),
  )
  const [more, setMore] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [signingOut, setSigningOut] = useState(false)
  const list = useRef<HTMLUListElement>(null)
  const firstNew = useRef(-1)

  useEffect(() => {
    if (firstNew.current < 0) return
    list.current?.querySelectorAll('button')[firstNew.current]?.focus()
    firstNew.current = -1
  })

  async function showMore() {
    if (busy || !data?.nextCursor) return
    setBusy(true)
    const result = await api.orders(i18n.locale, PAGE, data.nextCursor)
    setBusy(false)
    if (!result.ok) return setMore(result.error)
    setMore(null)
    const fresh = result.value.orders.filter((o) => !data.orders.some((d) => d.id === o.id))
    firstNew.current = fresh.length > 0 ? data.orders.length : -1
    replace({ orders: [...data.orders, ...fresh], nextCursor: result.value.nextCursor })
    announce(t('orders.loaded', { count: fresh.length }))
  }

  const problem = error ?? more
  return (
    <ScreenView title={t('auth.home.heading')} focus={focus}>
      <p class="identity">{t('auth.home.signed_in_as', { identity: identity.value })}</p>
      {data === undefined && !error && (
        <p role="status" class="status" aria-busy="true">
          {t('common.loading')}
        </p>
      )}
      {data?.orders.length === 0 && <p>{t('order.none', { identity: identity.value })}</p>}
      {data && data.orders.length > 0 && (
        <ul class="orders" ref={list}>
          {data.orders.map((order) => (
            <li key={order.id}>
              <OrderRow order={order} i18n={i18n} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
      <p role="alert" class="error">
        {problem ? problemText(problemFor(problem), i18n) : ''}
      </p>
      <div class="actions">
        {error && !data && (
          <button type="button" class="primary" onClick={() => void refresh()}>
            {t('common.retry')}
          </button>
        )}
        {data?.nextCursor && (
          <button type="button" class="secondary" aria-disabled={busy} onClick={showMore}>
            {t(busy ? 'common.loading' : 'orders.more')}
          </button>
        )}
        <button
          type="button"
          class="link"
          aria-disabled={signingOut}
          onClick={async () => {
            if (signingOut) return
            setSigningOut(true)
            await onSignOut()
          }}
        >
          {t('common.sign_out')}
        </button>
      </div>
    </ScreenView>
  )
}

function OrderRow(props: {
  order: OrderListItem
  i18n: LocaleState
  onOpen: (order: OrderListItem) => void
}) {
  const { order, i18n, onOpen } = props
  const { preview } = order
  return (
    <button type="button" class="card order-row" onClick={() => onOpen(order)}>
      {preview?.imageUrl && <img class="thumb" src={preview.imageUrl} alt="" />}
      <span class="grow">
        <span class="row">
          <strong>{i18n.t('order.name', { name: order.name })}</strong>
          <span>{money(order.total, i18n)}</span>
        </span>
        <StatusBadge code={order.status.code} i18n={i18n} />
        <DeliveryBar code={order.status.code} i18n={i18n} />
        <span class="line">{whereIsIt(order, i18n)}</span>
        {preview && <span class="line muted">{previewText(order, i18n)}</span>}
      </span>
    </button>
  )
}

/**
 * What the order holds, in a few words: "Speckled stoneware mug × 4" for one line of four,
 * "Linen throw and 2 more items" when other lines follow (counting their units).
 */
export function previewText(order: OrderListItem, i18n: LocaleState): string {
  const { preview, itemCount } = order
  if (preview === null) return ''
  const { quantity } = preview
  const title =
    quantity > 1
      ? i18n.t('order.preview_qty', { title: preview.title, count: quantity })
      : preview.title
  const more = itemCount - quantity
  return more > 0 ? i18n.t('order.preview_more', { title, count: more }) : title
}

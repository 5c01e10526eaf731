import type { OrderDetail } from '@porchlight/shared/api/orders'
import type { RequestSummary } from '@porchlight/shared/api/requests'

/** A reason to pick: a code our catalogs name, or a store's own with labels per locale. */
export interface ReasonOption {
  code: string
  labels?: Record<string, string>
}

/**
 * The order page as the panel reads it: the order contract plus what the request contract adds
 * (the order's requests, and the return and cancel reasons the store offers for it). Those are
 * optional here so the panel works with a server that does not send them yet; reasons may come
 * as bare codes or as `{ code, labels }`. Written with Omit/Pick so it stays a valid type once
 * OrderDetail itself declares them.
 */
export type OrderView = Omit<OrderDetail, 'actions' | 'requests'> & {
  requests?: RequestSummary[]
  actions: Pick<OrderDetail['actions'], 'cancel' | 'return'> & {
    addressChange?: OrderDetail['actions']['addressChange']
    returnReasons?: Array<ReasonOption | string>
    cancelReasons?: Array<ReasonOption | string>
  }
}

/** The resource key of one order's page: a filed request forgets it, so the page asks again. */
export const orderKey = (id: string) => `order:${id}`

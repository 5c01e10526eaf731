/** Helpers shared by the request route tests: filing, reading tickets and sent messages. */
import type { FileRequest } from '@porchlight/shared/api/requests'
import type { CapturedMessage } from '../../adapters/dev-outbox/dev-outbox.ts'
import { TEST_CLIENT_IP_HEADER } from '../../http/client-ip.ts'
import { toTicket } from '../../db/tickets.repository.ts'
import { DEMO_STORE_ID, DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import type { Ctx } from '../orders/orders-test-support.ts'

export {
  ada,
  addOtherStore,
  bruno,
  chidiPhone,
  errorCode,
  id,
  signIn,
} from '../orders/orders-test-support.ts'
export type { Ctx } from '../orders/orders-test-support.ts'

let counter = 0
/** A fresh Idempotency-Key. */
export const newKey = () => `key-${Date.now().toString(36)}-${++counter}`

/** The first returnable line of demo order #1006 (Ada's delivered linen throw). */
export const throwReturn: FileRequest = {
  type: 'return',
  reason: 'doesnt_fit',
  lines: [{ lineItemId: 'li_1', quantity: 1 }],
  channel: 'chat',
  locale: 'en',
}

export const cancelRequest: FileRequest = {
  type: 'cancel',
  reason: 'ordered_by_mistake',
  channel: 'help-center',
  locale: 'en',
}

/** POST /v1/orders/:id/requests with a session, a key and a JSON body. */
export function postRequest(
  ctx: Ctx,
  orderId: string,
  body: unknown,
  headers: Record<string, string>,
  key: string | null = newKey(),
) {
  return ctx.app.request(`/v1/orders/${orderId}/requests`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === null ? {} : { 'idempotency-key': key }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** POST /v1/contact on the demo store, from a given client address. */
export function postContact(
  ctx: Ctx,
  body: unknown,
  options: { key?: string | null; headers?: Record<string, string>; ip?: string } = {},
) {
  const key = options.key === undefined ? newKey() : options.key
  return ctx.app.request('/v1/contact', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-porchlight-key': DEMO_WIDGET_KEY,
      [TEST_CLIENT_IP_HEADER]: options.ip ?? '192.0.2.10',
      ...(key === null ? {} : { 'idempotency-key': key }),
      ...options.headers,
    },
    body: JSON.stringify(body),
  })
}

/** Every ticket of the demo store, oldest first. */
export async function tickets(ctx: Ctx, storeId = DEMO_STORE_ID) {
  const rows = await ctx.db
    .selectFrom('tickets')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('number')
    .execute()
  return rows.map(toTicket)
}

/** Delivers the outbox and returns what the dev outbox captured, oldest first. */
export async function delivered(ctx: Ctx): Promise<CapturedMessage[]> {
  await ctx.drainOutbox()
  return (ctx.deps.devOutbox?.list() ?? []).slice().reverse()
}

export async function setOrderRules(ctx: Ctx, orderRules: unknown) {
  await ctx.db
    .updateTable('stores')
    .set({ settings: JSON.stringify({ orderRules }) })
    .where('id', '=', DEMO_STORE_ID)
    .execute()
}

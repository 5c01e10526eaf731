/** Helpers for the tests of agents' ticket actions: request tickets, a watched adapter. */
import type { Order } from '@porchlight/shared/orders/model'
import type {
  StoreActionResult,
  StoreAdapter,
  StoreAdapterFactory,
} from '../adapters/store/store-adapter.ts'
import { createApp } from '../app.ts'
import { findDemoOrder } from '../db/demo-orders.repository.ts'
import { insertTicket, type NewTicket } from '../db/tickets.repository.ts'
import { demoOrderId } from '../seed/demo-orders.ts'
import { DEMO_SHOPPERS } from '../seed/demo-shoppers.ts'
import { signInAgent } from './agents.ts'
import { createTestApp, type TestAppOptions } from './harness.ts'

export type Ctx = Awaited<ReturnType<typeof createTestApp>>

/** A gate a watched store action waits at, so a test can act while it is in flight. */
export function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open: () => open(), opened }
}

type Action =
  | 'cancelOrder'
  | 'refund'
  | 'createReturn'
  | 'receiveReturn'
  | 'createExchange'
  | 'updateShippingAddress'

/**
 * Wraps each store's adapter: counts the store actions, can hold them at a gate, or answer a
 * scripted failure instead of acting.
 */
export function watchAdapters(real: StoreAdapterFactory) {
  const calls: Array<{ action: Action; orderId: string; input: unknown }> = []
  const control: {
    hold?: ReturnType<typeof gate>
    /** Called once the held action has started (it waits for `hold` after). */
    started?: () => void
    fail?: { code: string; message: string }
  } = {}
  const factory: StoreAdapterFactory = (store) => {
    const adapter = real(store)
    const watched = <A extends Action>(action: A) =>
      (async (orderId: string, input: unknown) => {
        calls.push({ action, orderId, input })
        control.started?.()
        if (control.hold) await control.hold.opened
        if (control.fail) return { ok: false, ...control.fail } as StoreActionResult<never>
        return (adapter[action] as (id: string, i: unknown) => Promise<unknown>)(orderId, input)
      }) as StoreAdapter[A]
    return {
      ...adapter,
      cancelOrder: watched('cancelOrder'),
      refund: watched('refund'),
      createReturn: watched('createReturn'),
      receiveReturn: watched('receiveReturn'),
      createExchange: watched('createExchange'),
      updateShippingAddress: watched('updateShippingAddress'),
    }
  }
  return { factory, calls, control }
}

/** Holds the watched store actions at a gate until `release`; `started` once one began. */
export function holdStoreActions(watch: ReturnType<typeof watchAdapters>) {
  const hold = gate()
  const started = gate()
  watch.control.hold = hold
  watch.control.started = started.open
  return { started: started.opened, release: hold.open }
}

/** The app with watched adapters, an agent signed in, and helpers to file and decide requests. */
export async function ticketActionsSetup(options: TestAppOptions = {}) {
  const ctx = await createTestApp(options)
  const watch = watchAdapters(ctx.deps.storeAdapters)
  const deps = { ...ctx.deps, storeAdapters: watch.factory }
  const app = createApp(deps)
  const agent = await signInAgent(ctx)
  const order = (n: number) => demoOrderId('st_demo', n)

  /** A request as the shopper request API files it (request_status 'requested'). */
  const request = (over: Partial<NewTicket> & { number?: number } = {}) => {
    const { number = 1001, ...rest } = over
    return insertTicket(ctx.db, {
      store_id: 'st_demo',
      type: 'cancel',
      status: 'open',
      request_status: 'requested',
      channel: 'help-center',
      order_id: order(number),
      order_name: `#${number}`,
      identity_kind: 'email',
      identity_value: DEMO_SHOPPERS.ada.email,
      locale: 'en',
      reason: 'changed_mind',
      created_at: ctx.clock.now().getTime(),
      updated_at: ctx.clock.now().getTime(),
      ...rest,
    })
  }
  const post = (path: string, body: unknown, headers: Record<string, string> = agent.write) =>
    app.request(path, { method: 'POST', headers, body: JSON.stringify(body) })
  const decide = (id: string, body: unknown, headers?: Record<string, string>) =>
    post(`/v1/agent/tickets/${id}/decision`, body, headers)
  const view = async (id: string) =>
    (await app.request(`/v1/agent/tickets/${id}`, { headers: agent.read })).json()
  const demoOrder = async (n: number) =>
    JSON.parse((await findDemoOrder(ctx.db, 'st_demo', order(n)))!.data) as Order
  const outbox = () =>
    ctx.db.selectFrom('outbox_messages').selectAll().orderBy('created_at').execute()
  return { ...ctx, app, deps, agent, watch, order, request, post, decide, view, demoOrder, outbox }
}

/** Changes a demo order in place, as the store would (a parcel leaving, a refund elsewhere). */
export async function editDemoOrder(ctx: Ctx, id: string, edit: (o: Order) => void) {
  const row = await findDemoOrder(ctx.db, 'st_demo', id)
  if (row === undefined) throw new Error(`no demo order ${id}`)
  const order = JSON.parse(row.data) as Order
  edit(order)
  await ctx.db
    .updateTable('demo_orders')
    .set({ data: JSON.stringify(order), version: row.version + 1 })
    .where('store_id', '=', 'st_demo')
    .where('id', '=', id)
    .execute()
}

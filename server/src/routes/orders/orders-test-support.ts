/** Helpers shared by the order route tests: demo identities, sign-in, a second store. */
import type { ShopperIdentity } from '../../adapters/store/store-adapter.ts'
import { insertStore } from '../../db/stores.repository.ts'
import { demoOrderId, seedDemoOrders } from '../../seed/demo-orders.ts'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { createTestApp, mintShopperSession } from '../../test/harness.ts'

export type Ctx = Awaited<ReturnType<typeof createTestApp>>

export const ada = { kind: 'email', value: DEMO_SHOPPERS.ada.email } as const
export const bruno = { kind: 'email', value: DEMO_SHOPPERS.bruno.email } as const
export const chidiPhone = { kind: 'phone', value: DEMO_SHOPPERS.chidi.phone } as const

/** The id of demo order `n` in a store (the demo store by default). */
export const id = (n: number, store = DEMO_STORE_ID) => demoOrderId(store, n)

/** Authorization headers of a fresh session on the demo store. */
export async function signIn(ctx: Ctx, identity: ShopperIdentity) {
  return (await mintShopperSession(ctx, DEMO_STORE_ID, identity)).headers
}

export async function getJson<T>(ctx: Ctx, path: string, headers: Record<string, string>) {
  const res = await ctx.app.request(path, { headers })
  return { status: res.status, body: (await res.json()) as T }
}

export const errorCode = (body: unknown) => (body as { error: { code: string } }).error.code

/** A second store, `st_other`, with its own copy of the demo orders (different ids). */
export async function addOtherStore(ctx: Ctx, adapterKind: 'demo' | 'shopify' = 'demo') {
  await insertStore(ctx.db, {
    id: 'st_other',
    name: 'Other shop',
    widget_key: 'pk_other_shop',
    allowed_origins: '[]',
    settings: '{}',
    adapter_kind: adapterKind,
    adapter_config: '{}',
    created_at: 0,
  })
  if (adapterKind === 'demo') await seedDemoOrders(ctx.db, ctx.clock.now(), 'st_other')
}

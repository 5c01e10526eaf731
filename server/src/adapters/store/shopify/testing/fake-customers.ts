import type { FakeShop } from './fake-shop.ts'
import { clone, tail } from './fake-shop.ts'

/**
 * The fake shop's answer to `PorchlightCustomerById`: the customer with that global id, or null
 * as Shopify answers an id it does not know (kept apart from fake-shop.ts, which is long enough).
 */
export function customerById(shop: FakeShop, variables: Record<string, unknown>) {
  const id = String(variables['id'])
  const found = id.startsWith('gid://shopify/Customer/')
    ? shop.customers.find((c) => c.legacyResourceId === tail(id))
    : undefined
  return { customer: clone(found ?? null) }
}

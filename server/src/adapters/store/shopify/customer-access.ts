import type { CustomerDataAccess } from '@porchlight/shared/api/settings'
import type { AdminClient } from './admin-client.ts'
import { customerAccessProbe } from './operations.ts'

/**
 * Which protected customer data the app may read, in Shopify's terms:
 * - `level_2`: customers with their email and phone (what matching a shopper needs);
 * - `level_1`: the Customer object, but Shopify withholds email and phone;
 * - `none`: the Customer object itself is withheld;
 * - `unknown`: the shop has no customer to try it on yet (or Shopify did not answer).
 */
export type CustomerAccess = CustomerDataAccess

const WHOLE_OBJECT = /not approved to access the Customer object/i

/** Reads one customer's contact fields and learns the level from what Shopify withholds. */
export async function probeCustomerAccess(client: AdminClient): Promise<CustomerAccess> {
  const answer = await client.request(customerAccessProbe, {})
  if (!answer.ok) {
    if (answer.failure !== 'customer_data_withheld') return 'unknown'
    return WHOLE_OBJECT.test(answer.message) ? 'none' : 'level_1'
  }
  const first = answer.data.customers.nodes[0]
  return first === undefined ? 'unknown' : 'level_2'
}

export function isCustomerAccess(value: unknown): value is CustomerAccess {
  return value === 'level_2' || value === 'level_1' || value === 'none' || value === 'unknown'
}

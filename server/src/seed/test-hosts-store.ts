import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { hashPassword } from '../services/agents/passwords.ts'
import { seedDemoOrders } from './demo-orders.ts'

export const TEST_HOSTS_STORE_ID = 'st_test_hosts'
export const TEST_HOSTS_WIDGET_KEY = 'pk_test_hosts'
/** Its owner, for journeys that set the store up as a merchant would (identity secrets). */
export const TEST_HOSTS_OWNER = {
  email: 'owner@test-hosts.example',
  password: 'test-hosts-owner-pw',
}

/**
 * The store the e2e host pages embed (PORCHLIGHT_TEST_HOST_ORIGINS, never in production): its
 * own key and allowed origins, so the demo store stays as merchants see it. Its launcher sits on
 * the left in a colour of its own, which only its settings can explain. Each start rewrites the
 * origins, because the e2e run picks free ports. It has the demo store's orders and an owner.
 */
export async function seedTestHostsStore(
  db: Kysely<Database>,
  origins: string[],
  now: Date,
): Promise<void> {
  const allowed = JSON.stringify(origins)
  await db
    .insertInto('stores')
    .values({
      id: TEST_HOSTS_STORE_ID,
      name: 'Test hosts',
      widget_key: TEST_HOSTS_WIDGET_KEY,
      allowed_origins: allowed,
      settings: JSON.stringify({ theme: { color: '#0b6e4f', position: 'left' } }),
      adapter_kind: 'demo',
      adapter_config: '{}',
      created_at: now.getTime(),
    })
    .onConflict((oc) => oc.column('id').doUpdateSet({ allowed_origins: allowed }))
    .execute()
  await seedDemoOrders(db, now, TEST_HOSTS_STORE_ID)
  await db
    .insertInto('agents')
    .values({
      id: 'ag_test_hosts_owner',
      store_id: TEST_HOSTS_STORE_ID,
      email: TEST_HOSTS_OWNER.email,
      name: 'Test hosts owner',
      password_hash: await hashPassword(TEST_HOSTS_OWNER.password),
      role: 'owner',
      created_at: now.getTime(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

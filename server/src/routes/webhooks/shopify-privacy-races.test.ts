import { describe, expect, it } from 'vitest'
import { interceptShopify, TEST_KEYRING } from '../../adapters/store/shopify/testing/test-kit.ts'
import { findStoreById } from '../../db/stores.repository.ts'
import { listTicketEvents } from '../../db/tickets.repository.ts'
import { testDialect } from '../../test/harness.ts'
import { readShopifyConfig } from '../../adapters/store/shopify/shopify-config.ts'
import { dataRequestPayload, privacySetup, redactPayload } from './privacy-test-kit.ts'

const mocks = interceptShopify()
const AT_ONCE = 4

/**
 * Shopify retries a delivery it thinks failed, so the same webhook can arrive twice at once;
 * on PostgreSQL each one runs in its own connection. Whatever the interleaving, the work is
 * done once.
 */
describe(`Shopify privacy webhooks delivered several times at once (${testDialect})`, () => {
  it('redacts a customer once: one history entry, every trace gone', async () => {
    const t = await privacySetup(mocks)
    const ada = await t.shopper(t.store.id, 'Ada')
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, () =>
        t.send('customers/redact', redactPayload(t.shop.domain, ada)).then((r) => r.json()),
      ),
    )
    const outcomes = answers as Array<{ status: string; tickets: number; orders: number }>
    expect(outcomes.every((o) => o.status === 'redacted')).toBe(true)
    expect(outcomes.reduce((n, o) => n + o.tickets, 0)).toBe(1)
    expect(outcomes.reduce((n, o) => n + o.orders, 0)).toBe(1)
    expect(await t.traces(t.store.id, ada)).toEqual([])
    const ticket = await t.db
      .selectFrom('tickets')
      .select('id')
      .where('store_id', '=', t.store.id)
      .executeTakeFirstOrThrow()
    const kinds = (await listTicketEvents(t.db, t.store.id, ticket.id)).map((e) => e.kind)
    expect(kinds.filter((k) => k === 'redacted')).toHaveLength(1)
  })

  it('disconnects once on app/uninstalled, and keeps one export per data request', async () => {
    const t = await privacySetup(mocks)
    const ada = await t.shopper(t.store.id, 'Ada')
    const [uninstalls, exports] = await Promise.all([
      Promise.all(
        Array.from({ length: AT_ONCE }, () =>
          t.send('app/uninstalled', { id: 1 }).then((r) => r.json()),
        ),
      ),
      Promise.all(
        Array.from({ length: AT_ONCE }, () =>
          t
            .send('customers/data_request', dataRequestPayload(t.shop.domain, ada))
            .then((r) => r.json()),
        ),
      ),
    ])
    expect((uninstalls as Array<{ status: string }>).map((u) => u.status).sort()).toEqual([
      ...Array.from({ length: AT_ONCE - 1 }, () => 'already_disconnected'),
      'disconnected',
    ])
    const store = await findStoreById(t.db, t.store.id)
    expect(store?.adapterConfig['disconnected']).toMatchObject({ reason: 'app_uninstalled' })
    expect(readShopifyConfig(store!.adapterConfig, t.store.id, TEST_KEYRING)).toBeUndefined()
    expect((exports as Array<{ created: boolean }>).filter((e) => e.created)).toHaveLength(1)
    const rows = await t.db.selectFrom('customer_data_requests').selectAll().execute()
    expect(rows.map((r) => r.shopify_request_id)).toEqual(['9999'])
  })
})

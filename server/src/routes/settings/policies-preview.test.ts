import { describe, expect, it } from 'vitest'
import { insertTicket } from '../../db/tickets.repository.ts'
import { insertOtherStore } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { id } from '../orders/orders-test-support.ts'
import { settingsApp, type SettingsCtx } from './settings-test-kit.ts'

async function ticketFor(t: SettingsCtx, orderNumber: number, storeId = 'st_demo') {
  await insertTicket(t.db, {
    store_id: storeId,
    type: 'issue',
    status: 'open',
    channel: 'help-center',
    locale: 'en',
    order_id: id(orderNumber, storeId),
    order_name: `#${orderNumber}`,
    created_at: t.clock.now().getTime(),
    updated_at: t.clock.now().getTime(),
  })
}

describe(`policies preview (${testDialect})`, () => {
  it('shows what the store’s latest orders would offer under the draft, saving nothing', async () => {
    const t = await settingsApp()
    await ticketFor(t, 1006)
    const current = await (await t.get('policies', t.agent.read)).json()
    const preview = (values: unknown) =>
      t.app.request('/v1/agent/settings/policies/preview', {
        method: 'POST',
        headers: t.agent.write,
        body: JSON.stringify({ values }),
      })
    const now = await (await preview(current.values)).json()
    expect(now.orders).toHaveLength(1)
    expect(now.orders[0]).toMatchObject({ id: id(1006), return: { offered: true } })
    const off = await (
      await preview({ ...current.values, return: { ...current.values.return, enabled: false } })
    ).json()
    expect(off.orders[0].return).toEqual({ offered: false, reason: { code: 'action_disabled' } })
    // A preview is no save: the stored policies are as they were.
    expect((await (await t.get('policies')).json()).version).toBe(current.version)
    const bad = await preview({ ...current.values, loopPortalUrl: 'ftp://x' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.details[0].path).toBe('values.loopPortalUrl')
  })

  it('looks only at the signed-in agent’s own store', async () => {
    const t = await settingsApp()
    await insertOtherStore(t)
    await ticketFor(t, 1006, 'st_other')
    const current = await (await t.get('policies')).json()
    const res = await t.app.request('/v1/agent/settings/policies/preview', {
      method: 'POST',
      headers: t.owner.write,
      body: JSON.stringify({ values: current.values }),
    })
    expect((await res.json()).orders).toEqual([])
  })
})

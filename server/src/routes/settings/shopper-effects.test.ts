import { describe, expect, it } from 'vitest'
import { DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { testDialect } from '../../test/harness.ts'
import { ada, id, signIn } from '../orders/orders-test-support.ts'
import { settingsApp } from './settings-test-kit.ts'

// What a save changes where shoppers look: the order page's reasons, the chat's away line.
describe(`settings as shoppers see them (${testDialect})`, () => {
  it('offers a new return reason at once, and no longer the hidden one', async () => {
    const t = await settingsApp()
    const shopper = await signIn(t, ada)
    const page = async () =>
      (await (await t.app.request(`/v1/orders/${id(1006)}`, { headers: shopper })).json()).order
    const before = await page()
    expect(before.actions.returnReasons.map((r: { code: string }) => r.code)).toContain(
      'changed_mind',
    )
    const res = await t.edit('policies', {
      returnReasons: [
        { code: 'doesnt_fit', labels: {}, hidden: false },
        { code: 'changed_mind', labels: {}, hidden: true },
        {
          code: 'gift_unwanted',
          labels: { en: 'It was an unwanted gift', fr: 'Cadeau non désiré' },
          hidden: false,
        },
      ],
    })
    expect(res.status).toBe(200)
    const after = await page()
    expect(after.actions.returnReasons).toEqual([
      { code: 'doesnt_fit', labels: {} },
      { code: 'gift_unwanted', labels: { en: 'It was an unwanted gift', fr: 'Cadeau non désiré' } },
    ])
    // The console still has the hidden one, to show it again later.
    const policies = await (await t.get('policies')).json()
    expect(policies.values.returnReasons[1]).toEqual({
      code: 'changed_mind',
      labels: {},
      hidden: true,
    })
  })

  it('refuses reasons the schema does not allow, naming the one at fault', async () => {
    const t = await settingsApp()
    const twice = await t.edit('policies', {
      returnReasons: [
        { code: 'doesnt_fit', labels: {}, hidden: false },
        { code: 'doesnt_fit', labels: {}, hidden: false },
      ],
    })
    expect(twice.status).toBe(400)
    expect((await twice.json()).error.details[0].path).toBe('values.returnReasons.1.code')
    const loop = await t.edit('policies', { loopPortalUrl: 'javascript:alert(1)' })
    expect((await loop.json()).error.details[0].path).toBe('values.loopPortalUrl')
    const hiddenAll = await t.edit('policies', {
      cancelReasons: [{ code: 'other', labels: {}, hidden: true }],
    })
    expect((await hiddenAll.json()).error.details[0].path).toBe('values.cancelReasons')
  })

  it('shows the away line with the store’s "back at" words on a closed day', async () => {
    const t = await settingsApp()
    const today = t.clock.now().toISOString().slice(0, 10)
    const availability = async () =>
      (await t.app.request(`/v1/conversations/availability?key=${DEMO_WIDGET_KEY}`)).json()
    expect((await availability()).withinBusinessHours).toBe(true)
    const res = await t.edit('chat', {
      closedDays: [today],
      backAt: { en: 'Back on Monday at 9', fr: 'De retour lundi à 9 h' },
      typicalReply: 'a_few_hours',
    })
    expect(res.status).toBe(200)
    const away = await availability()
    expect(away).toMatchObject({
      open: false,
      withinBusinessHours: false,
      expectedReply: 'a_few_hours',
      backAt: { en: 'Back on Monday at 9', fr: 'De retour lundi à 9 h' },
    })
    expect(Date.parse(away.nextOpenAt)).toBeGreaterThan(t.clock.now().getTime())
  })
})

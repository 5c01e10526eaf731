import { describe, expect, it } from 'vitest'
import { insertStore } from '../../db/stores.repository.ts'
import { TEST_CLIENT_IP_HEADER } from '../../http/client-ip.ts'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import { ask, deliveredCode, resend, verify } from './auth-test-kit.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

async function askByText(
  ctx: Ctx,
  phone: string,
  extra: Record<string, string> = {},
  key?: string,
) {
  const res = await ask(
    ctx,
    { channel: 'sms', identifier: phone, locale: 'en', ...extra },
    key === undefined ? undefined : { key },
  )
  expect(res.status).toBe(202)
  return ((await res.json()) as { challengeId: string }).challengeId
}

/** The last line of the newest text to `to` (the dev outbox lists the newest first). */
const lastLine = (ctx: Ctx, to: string) =>
  ctx.deps.devOutbox
    ?.list()
    .find((m) => m.to === to)
    ?.text.split('\n')
    .at(-1)

describe(`signing in by text message (${testDialect})`, () => {
  it.each(Object.entries(DEMO_SHOPPERS))(
    'signs the demo shopper %s in with the code texted to their phone',
    async (who, shopper) => {
      const ctx = await createTestApp()
      const challengeId = await askByText(ctx, shopper.phone)
      const code = await deliveredCode(ctx, shopper.phone)
      const res = await verify(ctx, challengeId, code)
      expect(res.status).toBe(200)
      const { token } = (await res.json()) as { token: string }
      const orders = await ctx.app.request('/v1/orders', {
        headers: { authorization: `Bearer ${token}`, 'x-porchlight-key': 'pk_demo_lumen' },
      })
      expect(orders.status).toBe(200)
      const names = ((await orders.json()) as { orders: { name: string }[] }).orders.map(
        (o) => o.name,
      )
      expect(names.length).toBeGreaterThan(0)
      // The README's "#1029 by phone": only Chidi's phone reaches it.
      expect(names.includes('#1029')).toBe(who === 'chidi')
    },
  )

  it('ends the text with the storefront the panel is framed in, when the store allows it', async () => {
    const ctx = await createTestApp()
    await insertStore(ctx.db, {
      id: 'st_shop',
      name: 'Shop',
      widget_key: 'pk_shop_example',
      allowed_origins: JSON.stringify(['https://shop.example']),
      settings: '{}',
      adapter_kind: 'demo',
      adapter_config: '{}',
      created_at: 0,
    })
    const phone = DEMO_SHOPPERS.ada.phone
    const id = await askByText(ctx, phone, { origin: 'https://shop.example' }, 'pk_shop_example')
    const code = await deliveredCode(ctx, phone)
    // WebOTP's form for a cross-origin frame: the top-level page's host, then the frame's.
    expect(lastLine(ctx, phone)).toBe(`@shop.example #${code} @localhost`)

    // A resend names the page again.
    ctx.clock.advance(5 * 60_000)
    const again = await ctx.app.request(`/v1/auth/challenges/${id}/resend`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-porchlight-key': 'pk_shop_example',
        [TEST_CLIENT_IP_HEADER]: '192.0.2.1',
      },
      body: JSON.stringify({ origin: 'https://shop.example' }),
    })
    expect(again.status).toBe(202)
    const second = await deliveredCode(ctx, phone)
    expect(lastLine(ctx, phone)).toBe(`@shop.example #${second} @localhost`)
  })

  it('names no page the store does not allow, and this server alone on its own pages', async () => {
    const ctx = await createTestApp()
    const phone = DEMO_SHOPPERS.bruno.phone
    await askByText(ctx, phone, { origin: 'https://evil.example' })
    const code = await deliveredCode(ctx, phone)
    expect(lastLine(ctx, phone)).toBe(`@localhost #${code}`)

    const other = DEMO_SHOPPERS.chidi.phone
    await askByText(ctx, other, { origin: 'http://localhost:8787' })
    const own = await deliveredCode(ctx, other)
    expect(lastLine(ctx, other)).toBe(`@localhost #${own}`)
  })

  it('refuses a resend body that is not what it may hold', async () => {
    const ctx = await createTestApp()
    const id = await askByText(ctx, DEMO_SHOPPERS.ada.phone)
    const res = await resend(ctx, id)
    expect(res.status).toBe(429)
    const bad = await ctx.app.request(`/v1/auth/challenges/${id}/resend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-porchlight-key': 'pk_demo_lumen' },
      body: JSON.stringify({ origin: 'https://shop.example', extra: 1 }),
    })
    expect(bad.status).toBe(400)
  })
})

import { describe, expect, it } from 'vitest'
import {
  delivered,
  id,
  postContact,
  signIn,
  ada,
} from '../../routes/requests/requests-test-support.ts'
import { mintAgent } from '../../test/chat-support.ts'
import { testDialect } from '../../test/harness.ts'
import { mime, postInbound, replyApp } from './mail-replies-test-kit.ts'

describe(`the shopper's "Your requests" (${testDialect})`, () => {
  it('shows the agent’s replies and the shopper’s emailed answers, never internal notes', async () => {
    const ctx = await replyApp()
    const headers = await signIn(ctx, ada)
    const filed = await postContact(
      ctx,
      { message: 'Can you gift-wrap it?', orderId: id(1001), locale: 'en' },
      { headers },
    )
    const { ticketId } = (await filed.json()) as { ticketId: string }
    const agent = await mintAgent(ctx)
    ctx.clock.advance(60_000)
    await agent.post(`/v1/agent/tickets/${ticketId}/notes`, { body: 'VIP, say yes' })
    await agent.post(`/v1/agent/tickets/${ticketId}/replies`, { body: 'Yes, with a red ribbon?' })
    const mail = (await delivered(ctx)).find(
      (m) => m.channel === 'email' && m.text.includes('ribbon'),
    )
    if (mail?.channel !== 'email' || mail.replyTo === undefined) throw new Error('no reply email')
    ctx.clock.advance(60_000)
    await postInbound(
      ctx,
      await mime({
        from: 'ada@example.com',
        to: mail.replyTo,
        text: 'Blue please.\n\n> Yes, with a red ribbon?',
      }),
    )
    const list = await (await ctx.app.request('/v1/requests', { headers })).json()
    expect(list.requests[0].messages).toEqual([
      { author: 'store', body: 'Yes, with a red ribbon?', at: expect.any(String) },
      { author: 'shopper', body: 'Blue please.', at: expect.any(String) },
    ])
    // The order's own list says the same.
    const order = await (await ctx.app.request(`/v1/orders/${id(1001)}`, { headers })).json()
    expect(order.order.requests[0].messages).toHaveLength(2)
    expect(JSON.stringify(list)).not.toContain('VIP')
  })
})

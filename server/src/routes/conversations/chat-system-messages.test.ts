import { describe, expect, it } from 'vitest'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { mintAgent, openStream, shopperClient } from '../../test/chat-support.ts'
import { mintShopperSession, testDialect } from '../../test/harness.ts'
import { ticketActionsSetup } from '../../test/ticket-actions.ts'
import { newKey, postRequest, throwReturn } from '../requests/requests-test-support.ts'

interface Line {
  author: { kind: string; name: string | null }
  systemKind: string | null
  text: string
  data: Record<string, unknown> | null
}

type Setup = Awaited<ReturnType<typeof ticketActionsSetup>>

/** Ada signed in, chatting with an agent; both sides' event streams open. */
async function adaChatting(t: Setup) {
  const session = await mintShopperSession(t, 'st_demo', {
    kind: 'email',
    value: DEMO_SHOPPERS.ada.email,
  })
  const ada = shopperClient(t, session.token)
  await ada.say('Hello, a question about my orders')
  const agent = await mintAgent(t)
  const shopperStream = await openStream(t, ada, 'shopper')
  const agentStream = await openStream(t, agent, 'agent')
  const systemLines = async () => {
    const current = (await (await ada.get('/v1/conversations/current')).json()) as {
      messages: Line[]
    }
    return current.messages.filter((m) => m.author.kind === 'system')
  }
  /** The next system line each stream pushes, live. */
  const pushed = async () => {
    const live: Line[] = []
    for (const stream of [shopperStream, agentStream]) {
      for (;;) {
        const e = await stream.nextOf('message')
        const m = (e.data as { message: Line }).message
        if (m.author.kind === 'system') {
          live.push(m)
          break
        }
      }
    }
    return live
  }
  const close = () => {
    void shopperStream.close()
    void agentStream.close()
  }
  return { session, ada, systemLines, pushed, close }
}

describe(`chat system messages (${testDialect})`, () => {
  it('shows a request the shopper files during a chat in the chat, live on both sides', async () => {
    const t = await ticketActionsSetup()
    const chat = await adaChatting(t)
    const res = await postRequest(t, t.order(1006), throwReturn, chat.session.headers, newKey())
    expect(res.status).toBe(201)
    const { reference } = (await res.json()) as { reference: string }
    const expected = {
      author: { kind: 'system', name: null },
      systemKind: 'request_created',
      text: `Request ${reference} (Return) sent for order #1006`,
      data: { type: 'return', reference, orderName: '#1006' },
    }
    const live = await chat.pushed()
    expect(live).toEqual([expect.objectContaining(expected), expect.objectContaining(expected)])
    expect(await chat.systemLines()).toEqual([expect.objectContaining(expected)])
    chat.close()
  })

  it('says when a decision cancelled, refunded or opened a return on the store', async () => {
    const t = await ticketActionsSetup()
    const chat = await adaChatting(t)
    const cancel = await t.request({ number: 1001 })
    expect((await t.decide(cancel.id, { version: 1, decision: 'approve' })).status).toBe(200)
    const ret = await t.request({
      number: 1006,
      type: 'return',
      reason: 'doesnt_fit',
      lines: [{ lineItemId: 'li_1', quantity: 1 }],
    })
    expect((await t.decide(ret.id, { version: 1, decision: 'approve' })).status).toBe(200)
    const issue = await t.request({ number: 1002, type: 'issue' })
    const refund = await t.post(`/v1/agent/tickets/${issue.id}/refunds`, {
      version: 1,
      amount: { amount: 500, currency: (await t.demoOrder(1002)).currency },
    })
    expect(refund.status).toBe(200)
    // A declined request changes nothing on the store: no line.
    const declined = await t.request({ number: 1003 })
    const no = await t.decide(declined.id, { version: 1, decision: 'decline', reason: 'Shipped' })
    expect(no.status).toBe(200)

    const lines = await chat.systemLines()
    expect(lines.map((m) => [m.systemKind, m.data, m.text])).toEqual([
      [
        'order_status_changed',
        { change: 'cancelled', orderName: '#1001' },
        'Order #1001: Cancelled',
      ],
      [
        'order_status_changed',
        { change: 'return_approved', orderName: '#1006' },
        'Order #1006: Return started',
      ],
      [
        'order_status_changed',
        { change: 'refunded', orderName: '#1002' },
        'Order #1002: Refund issued',
      ],
    ])
    const live = await chat.pushed()
    expect(live.map((m) => m.data)).toEqual([lines[0]!.data, lines[0]!.data])
    chat.close()
  })

  it('files the request and decides as before when the shopper has no chat open', async () => {
    const t = await ticketActionsSetup()
    const session = await mintShopperSession(t, 'st_demo', {
      kind: 'email',
      value: DEMO_SHOPPERS.ada.email,
    })
    const res = await postRequest(t, t.order(1006), throwReturn, session.headers, newKey())
    expect(res.status).toBe(201)
    const cancel = await t.request({ number: 1001 })
    expect((await t.decide(cancel.id, { version: 1, decision: 'approve' })).status).toBe(200)
    expect(await t.db.selectFrom('conversations').selectAll().execute()).toEqual([])
    expect(await t.db.selectFrom('chat_messages').selectAll().execute()).toEqual([])
  })
})

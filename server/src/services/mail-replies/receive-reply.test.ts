import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { insertOtherStore } from '../../test/agents.ts'
import { mintAgent } from '../../test/chat-support.ts'
import { testDialect } from '../../test/harness.ts'
import {
  dropReasons,
  footprint,
  INBOUND_DOMAIN,
  mime,
  postInbound,
  replyApp,
  ticketMessages,
  ticketWithReplyAddress,
} from './mail-replies-test-kit.ts'
import { REPLY_ADDRESS_TTL_MS } from './reply-address.ts'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')

describe(`shoppers' email replies (${testDialect})`, () => {
  it('gives each ticket its own random reply address, the same on every email about it', async () => {
    const ctx = await replyApp()
    const a = await ticketWithReplyAddress(ctx, 'a@example.com')
    const b = await ticketWithReplyAddress(ctx, 'b@example.com')
    expect(a.replyTo).not.toBe(b.replyTo)
    // Nothing of the ticket's number or id is in it.
    for (const t of [a, b]) {
      expect(t.replyTo).not.toContain(t.reference.slice(2))
      expect(t.replyTo).not.toContain(t.ticketId.slice(3))
    }
    // An agent's reply carries the same address.
    const agent = await mintAgent(ctx)
    const res = await agent.post(`/v1/agent/tickets/${a.ticketId}/replies`, { body: 'On its way.' })
    expect(res.status).toBeLessThan(300)
    await ctx.drainOutbox()
    const [newest] = ctx.deps.devOutbox!.list()
    expect(newest).toMatchObject({ to: 'a@example.com', replyTo: a.replyTo })
  })

  it.each([
    ['Auto-Submitted: auto-replied', { 'Auto-Submitted': 'auto-replied' }, 'auto_submitted'],
    ['Precedence: bulk', { Precedence: 'bulk' }, 'bulk_precedence'],
    ['Precedence: junk', { Precedence: 'junk' }, 'bulk_precedence'],
    ['Precedence: list', { Precedence: 'list' }, 'bulk_precedence'],
    ['X-Autoreply', { 'X-Autoreply': 'yes' }, 'auto_reply'],
  ])('drops machine mail (%s): no reply, no ticket, no email', async (_name, headers, reason) => {
    const ctx = await replyApp()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    const before = await footprint(ctx)
    const res = await postInbound(
      ctx,
      await mime({ from: 'eve@example.com', to: replyTo, text: 'I am out of office.', headers }),
    )
    expect(await res.json()).toEqual({ outcome: 'dropped', reason })
    expect(await ticketMessages(ctx, ticketId)).toEqual([])
    expect(await footprint(ctx)).toEqual(before)
    expect(dropReasons(ctx)).toEqual([reason])
  })

  it('takes Auto-Submitted: no as a person’s mail', async () => {
    const ctx = await replyApp()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    const raw = await mime({
      from: 'eve@example.com',
      to: replyTo,
      headers: { 'Auto-Submitted': 'no' },
    })
    expect(await (await postInbound(ctx, raw)).json()).toEqual({ outcome: 'posted' })
    expect(await ticketMessages(ctx, ticketId)).toHaveLength(1)
  })

  it('drops our own message coming back (its Message-ID, or sent from a reply address)', async () => {
    const ctx = await replyApp()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    const row = await ctx.db.selectFrom('outbox_messages').select('id').executeTakeFirstOrThrow()
    const echoed = await mime({
      from: 'eve@example.com',
      to: replyTo,
      messageId: `<${row.id}@lumen.example>`,
    })
    expect(await (await postInbound(ctx, echoed)).json()).toEqual({
      outcome: 'dropped',
      reason: 'our_own_message',
    })
    const bounced = await mime({ from: replyTo, to: replyTo })
    expect(await (await postInbound(ctx, bounced)).json()).toEqual({
      outcome: 'dropped',
      reason: 'our_own_message',
    })
    expect(await ticketMessages(ctx, ticketId)).toEqual([])
  })

  it('drops a forged, a malformed-token and an expired reply address', async () => {
    const ctx = await replyApp()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    const forged = `reply+${randomBytes(20).toString('hex')}@${INBOUND_DOMAIN}`
    const post = async (to: string) =>
      (await postInbound(ctx, await mime({ from: 'eve@example.com', to }))).json()
    expect(await post(forged)).toEqual({ outcome: 'dropped', reason: 'unknown_token' })
    expect(await post(`reply+1001@${INBOUND_DOMAIN}`)).toEqual({
      outcome: 'dropped',
      reason: 'no_reply_address',
    })
    // The right token at another domain is not ours to take.
    expect(await post(replyTo.replace(INBOUND_DOMAIN, 'evil.example'))).toEqual({
      outcome: 'dropped',
      reason: 'no_reply_address',
    })
    ctx.clock.advance(REPLY_ADDRESS_TTL_MS + 1)
    expect(await post(replyTo)).toEqual({ outcome: 'dropped', reason: 'expired_token' })
    expect(await ticketMessages(ctx, ticketId)).toEqual([])
  })

  it('takes the same message in once, however often it is handed over', async () => {
    const ctx = await replyApp()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    const raw = await mime({
      from: 'eve@example.com',
      to: replyTo,
      messageId: '<abc-1@mail.example>',
    })
    const answers = await Promise.all(
      [1, 2, 3].map(() => postInbound(ctx, raw).then((r) => r.json())),
    )
    expect(answers.filter((a) => a.outcome === 'posted')).toHaveLength(1)
    expect(answers.filter((a) => a.reason === 'duplicate')).toHaveLength(2)
    expect(await ticketMessages(ctx, ticketId)).toHaveLength(1)
  })

  it('keeps an allowed attachment by its bytes and refuses a disguised one', async () => {
    const ctx = await replyApp()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    const raw = await mime({
      from: 'eve@example.com',
      to: replyTo,
      text: 'Photo attached.',
      attachments: [
        { filename: 'parcel.png', content: PNG, contentType: 'image/png' },
        {
          filename: 'invoice.jpg',
          content: Buffer.from('MZ\u0000\u0001 an executable'),
          contentType: 'image/jpeg',
        },
        {
          filename: 'page.txt',
          content: Buffer.from('<html><script>alert(1)</script>'),
          contentType: 'text/plain',
        },
      ],
    })
    await postInbound(ctx, raw)
    const [message] = await ticketMessages(ctx, ticketId)
    expect(message?.['attachments']).toEqual([
      {
        id: expect.any(String),
        filename: 'parcel.png',
        contentType: 'image/png',
        size: PNG.length,
      },
    ])
    const agent = await mintAgent(ctx)
    const id = (message?.['attachments'] as Array<{ id: string }>)[0]!.id
    const file = await agent.get(`/v1/agent/mail-attachments/${id}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="parcel.png"')
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PNG)
  })

  it('holds a reply from someone else until an agent accepts or discards it', async () => {
    const ctx = await replyApp()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    const agent = await mintAgent(ctx)
    const res = await postInbound(
      ctx,
      await mime({
        from: 'Mallory <mallory@evil.example>',
        to: replyTo,
        text: 'Refund me instead.',
      }),
    )
    expect(await res.json()).toEqual({ outcome: 'held' })
    expect(await ticketMessages(ctx, ticketId)).toEqual([])
    const list = await (await agent.get('/v1/agent/held-replies')).json()
    expect(list.heldReplies).toMatchObject([
      {
        ticketId,
        ticketReference: 'T-1001',
        from: 'mallory@evil.example',
        body: 'Refund me instead.',
      },
    ])
    const heldId = list.heldReplies[0].id as string

    const accepted = await agent.post(`/v1/agent/held-replies/${heldId}/accept`)
    expect(accepted.status).toBe(200)
    expect(await ticketMessages(ctx, ticketId)).toMatchObject([
      { body: 'Refund me instead.', from: 'mallory@evil.example', acceptedBy: agent.agentId },
    ])
    // Taken once: a second accept (another agent, a double click) finds nothing.
    const again = await agent.post(`/v1/agent/held-replies/${heldId}/accept`)
    expect(again.status).toBe(404)
    expect((await again.json()).error.code).toBe('held_reply_not_found')

    await postInbound(ctx, await mime({ from: 'other@example.com', to: replyTo, text: 'Spam' }))
    const second = (await (await agent.get(`/v1/agent/held-replies?ticket=${ticketId}`)).json())
      .heldReplies[0].id as string
    expect((await agent.post(`/v1/agent/held-replies/${second}/discard`)).status).toBe(204)
    expect((await (await agent.get('/v1/agent/held-replies')).json()).heldReplies).toEqual([])
    expect(await ticketMessages(ctx, ticketId)).toHaveLength(1)
  })

  it('never shows or lets another store’s agent take a held reply or an attachment', async () => {
    const ctx = await replyApp()
    await insertOtherStore(ctx)
    const { replyTo } = await ticketWithReplyAddress(ctx)
    await postInbound(
      ctx,
      await mime({
        from: 'someone@example.com',
        to: replyTo,
        attachments: [{ filename: 'a.png', content: PNG }],
      }),
    )
    const ours = await mintAgent(ctx)
    const [held] = (await (await ours.get('/v1/agent/held-replies')).json()).heldReplies
    const theirs = await mintAgent(ctx, 'st_other')
    expect((await (await theirs.get('/v1/agent/held-replies')).json()).heldReplies).toEqual([])
    expect((await theirs.post(`/v1/agent/held-replies/${held.id}/accept`)).status).toBe(404)
    expect((await theirs.post(`/v1/agent/held-replies/${held.id}/discard`)).status).toBe(404)
    expect((await theirs.get(`/v1/agent/mail-attachments/${held.attachments[0].id}`)).status).toBe(
      404,
    )
    // Without a session: nothing at all.
    expect((await ctx.app.request('/v1/agent/held-replies')).status).toBe(401)
    expect((await (await ours.get('/v1/agent/held-replies')).json()).heldReplies).toHaveLength(1)
  })
})

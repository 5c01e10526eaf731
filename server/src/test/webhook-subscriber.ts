import { expect } from 'vitest'
import type { WebhookEvent } from '../db/webhooks.table.ts'
import type { WebhookPayload } from '../services/webhooks/emit.ts'
import { verifyWebhookSignature } from '../services/webhooks/signature.ts'
import { signInAgent } from './agents.ts'
import type { createTestApp } from './harness.ts'
import { startReceiver } from './webhook-receiver.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

/**
 * A store owner subscribes a real receiver to `events` through the agent API. `next()` delivers
 * what is due and returns the events the receiver got since the last call, after checking each
 * one's signature with the endpoint's secret, ordered by ticket number then event (deliveries
 * go out side by side, so their arrival order is not promised).
 */
export async function subscribe(
  ctx: Ctx,
  events: WebhookEvent[],
  options: { storeId?: string; email?: string } = {},
) {
  const storeId = options.storeId ?? 'st_demo'
  // Not signInAgent's default address: it derives agent ids from the address's length.
  const owner = await signInAgent(ctx, storeId, options.email ?? 'owner@example.com')
  await ctx.db
    .updateTable('agents')
    .set({ role: 'owner' })
    .where('id', '=', owner.agentId)
    .execute()
  const receiver = await startReceiver()
  const res = await ctx.app.request('/v1/agent/webhooks', {
    method: 'POST',
    headers: owner.write,
    body: JSON.stringify({ url: receiver.url, events }),
  })
  expect(res.status).toBe(201)
  const { secret } = (await res.json()) as { secret: string }
  let seen = 0
  const next = async (): Promise<WebhookPayload[]> => {
    await ctx.drainOutbox()
    const fresh = receiver.received.slice(seen)
    seen = receiver.received.length
    return fresh
      .map((r) => {
        const signature = r.headers['x-porchlight-signature']
        expect(
          verifyWebhookSignature(
            secret,
            r.body,
            typeof signature === 'string' ? signature : undefined,
            ctx.clock.now(),
          ),
        ).toBe(true)
        const payload = JSON.parse(r.body) as WebhookPayload
        expect(r.headers['x-porchlight-event']).toBe(payload.type)
        return payload
      })
      .sort((a, b) => order(a).localeCompare(order(b)))
  }
  return { owner, receiver, secret, next }
}

const order = (p: WebhookPayload) => {
  const ticket = p.data['ticket'] as { number?: number } | null
  return `${String(ticket?.number ?? 0).padStart(9, '0')} ${p.type}`
}

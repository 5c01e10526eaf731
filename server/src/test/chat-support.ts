import { randomBytes } from 'node:crypto'
import type { AppDeps } from '../deps.ts'
import { insertStore } from '../db/stores.repository.ts'
import { newId } from '../ids.ts'
import { AGENT_COOKIE } from '../middleware/agent-session.ts'
import { DEMO_STORE_ID, DEMO_WIDGET_KEY } from '../seed/demo-store.ts'
import { hashToken } from '../services/sessions/shopper-sessions.ts'
import type { createTestApp } from './harness.ts'
import { jsonRequest } from './harness.ts'
import { readSse } from './sse-client.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

/** A response's status and JSON body, in one await. */
export async function statusAndJson(pending: Response | Promise<Response>) {
  const res = await pending
  return { status: res.status, body: await res.json() }
}

/** The chat ticket of a conversation, as the agent's view of the conversation names it. */
export async function ticketOfConversation(
  agent: Awaited<ReturnType<typeof mintAgent>>,
  conversationId: string,
): Promise<string> {
  const res = await agent.get(`/v1/agent/conversations/${conversationId}`)
  if (res.status !== 200) throw new Error(`conversation ${conversationId}: ${res.status}`)
  return ((await res.json()) as { conversation: { ticketId: string } }).conversation.ticketId
}

/** Adds a second store (another tenant) with its own widget key. */
export async function addStore(ctx: { db: AppDeps['db'] }, id: string, key: string, settings = {}) {
  await insertStore(ctx.db, {
    id,
    name: `Store ${id}`,
    widget_key: key,
    allowed_origins: '[]',
    settings: JSON.stringify(settings),
    adapter_kind: 'demo',
    adapter_config: '{}',
    created_at: 0,
  })
}

/**
 * An agent with a live console session (90 days, so tests can move the clock by days), minted
 * straight into the tables: scrypt sign-in is tested by the agent-auth suite and would only
 * slow these tests down.
 */
export async function mintAgent(
  ctx: Ctx,
  storeId = DEMO_STORE_ID,
  name = 'Dana',
  role: 'agent' | 'owner' = 'agent',
) {
  const agentId = newId('ag')
  const token = `pla_${randomBytes(32).toString('base64url')}`
  const csrf = randomBytes(24).toString('base64url')
  const now = ctx.clock.now().getTime()
  await ctx.db
    .insertInto('agents')
    .values({
      id: agentId,
      store_id: storeId,
      email: `${agentId}@example.com`,
      name,
      password_hash: null,
      role,
      created_at: now,
    })
    .execute()
  await ctx.db
    .insertInto('agent_sessions')
    .values({
      id: newId('as'),
      agent_id: agentId,
      store_id: storeId,
      token_hash: hashToken(token),
      csrf_hash: hashToken(csrf),
      created_at: now,
      expires_at: now + 90 * 24 * 3600_000,
      revoked_at: null,
    })
    .execute()
  const headers = { cookie: `${AGENT_COOKIE}=${token}`, 'x-csrf-token': csrf }
  return {
    agentId,
    headers,
    get: (path: string) => ctx.app.request(path, { headers }),
    post: (path: string, body: unknown = {}) =>
      ctx.app.request(path, jsonRequest('POST', body, headers)),
  }
}

/** A visitor who typed a name and email; requests carry their `plc_` token and the store key. */
export async function startVisitor(
  ctx: Ctx,
  key = DEMO_WIDGET_KEY,
  who = { name: 'Ada', email: 'ada@example.com' },
) {
  const res = await ctx.app.request(
    '/v1/conversations/visitors',
    jsonRequest('POST', who, { 'x-porchlight-key': key }),
  )
  if (res.status !== 201) throw new Error(`visitor: ${res.status} ${await res.text()}`)
  const { token } = (await res.json()) as { token: string }
  return shopperClient(ctx, token, key)
}

/** Requests as a shopper holding `token` (a `pls_` session or a `plc_` visitor). */
export function shopperClient(ctx: Ctx, token: string, key = DEMO_WIDGET_KEY) {
  const headers = { authorization: `Bearer ${token}`, 'x-porchlight-key': key }
  return {
    token,
    headers,
    get: (path: string) => ctx.app.request(path, { headers }),
    post: (path: string, body: unknown = {}) =>
      ctx.app.request(path, jsonRequest('POST', body, headers)),
    say: async (text: string, extra: Record<string, unknown> = {}) => {
      const res = await ctx.app.request(
        '/v1/conversations/current/messages',
        jsonRequest('POST', { text, ...extra }, headers),
      )
      if (res.status !== 201) throw new Error(`say: ${res.status} ${await res.text()}`)
      return (await res.json()) as {
        conversation: { id: string; ticketNumber: number }
        message: { id: string; seq: number; text: string }
        started: boolean
      }
    },
  }
}

/** Asks for a stream ticket with `client` and opens the stream, resuming after `lastEventId`. */
export async function openStream(
  ctx: Ctx,
  client: { post(path: string, body?: unknown): Promise<Response> | Response },
  side: 'shopper' | 'agent',
  lastEventId?: number,
  /** The ticket's query string (`?tab=` for a console tab). */
  ticketQuery = '',
) {
  const base = side === 'shopper' ? '/v1/conversations' : '/v1/agent/conversations'
  const res = await client.post(`${base}/stream-tickets${ticketQuery}`)
  if (res.status !== 201) throw new Error(`ticket: ${res.status} ${await res.text()}`)
  const { url } = (await res.json()) as { url: string }
  const stream = await ctx.app.request(
    url,
    lastEventId !== undefined ? { headers: { 'last-event-id': String(lastEventId) } } : {},
  )
  if (stream.status !== 200) throw new Error(`stream: ${stream.status} ${await stream.text()}`)
  return readSse(stream)
}

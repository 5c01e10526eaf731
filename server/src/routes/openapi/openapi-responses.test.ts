import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DEMO_AGENT, seedDemoAgent } from '../../seed/demo-store.ts'
import { startVisitor } from '../../test/chat-support.ts'
import { jsonRequest, testDialect } from '../../test/harness.ts'
import { ticketActionsSetup } from '../../test/ticket-actions.ts'
import { startReceiver } from '../../test/webhook-receiver.ts'

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, DocResponse> }>>
}
type DocResponse = { content?: Record<string, { schema?: unknown }> }

/** The schema the served document gives for this answer, as a validator. */
function documented(doc: Doc, method: string, path: string, status: number) {
  const response = doc.paths[path]?.[method]?.responses[String(status)]
  expect(response, `${method} ${path} documents no ${status}`).toBeDefined()
  const schema = response?.content?.['application/json']?.schema
  expect(schema, `${method} ${path} ${status} has no JSON schema`).toBeDefined()
  return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0])
}

// Real answers of the running app, checked against the document it serves: a field the code
// adds, drops or retypes without the document following fails here.
describe(`OpenAPI document against real answers (${testDialect})`, () => {
  async function setup() {
    const t = await ticketActionsSetup()
    await seedDemoAgent(t.db, t.clock.now()) // an owner, for owners-only routes
    const doc = (await (await t.app.request('/v1/openapi.json')).json()) as Doc
    const login = await t.app.request(
      '/v1/agent/login',
      jsonRequest('POST', { email: DEMO_AGENT.email, password: DEMO_AGENT.password }),
    )
    const loginBody = (await login.clone().json()) as { csrfToken: string }
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const owner = {
      cookie,
      'x-csrf-token': loginBody.csrfToken,
      'content-type': 'application/json',
    }
    /** Calls the app and checks the answer against the documented schema of `template`. */
    const check = async (
      method: string,
      template: string,
      path: string,
      init: { headers: Record<string, string>; body?: unknown },
      status: number,
    ) => {
      const res = await t.app.request(path, {
        method: method.toUpperCase(),
        headers: init.headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      })
      const body: unknown = await res.json()
      expect(res.status, JSON.stringify(body)).toBe(status)
      const parsed = documented(doc, method, template, status).safeParse(body)
      expect(parsed.error?.issues ?? [], `${method} ${template} ${status}`).toEqual([])
      return body as Record<string, unknown>
    }
    return { ...t, doc, login, owner, check }
  }

  it('documents the sign-in, session, token and settings answers as they are', async () => {
    const t = await setup()
    const login = documented(t.doc, 'post', '/v1/agent/login', 200)
    expect(login.safeParse(await t.login.json()).error?.issues ?? []).toEqual([])
    const session = await t.check(
      'get',
      '/v1/agent/session',
      '/v1/agent/session',
      { headers: t.owner },
      200,
    )
    await t.check(
      'post',
      '/v1/agent/tokens',
      '/v1/agent/tokens',
      { headers: t.owner, body: { name: 'ci' } },
      201,
    )
    await t.check('get', '/v1/agent/tokens', '/v1/agent/tokens', { headers: t.owner }, 200)
    await t.check('get', '/v1/agent/agents', '/v1/agent/agents', { headers: t.owner }, 200)
    await t.check(
      'get',
      '/v1/agent/insights',
      '/v1/agent/insights?days=30',
      { headers: t.owner },
      200,
    )
    await t.check(
      'get',
      '/v1/agent/settings/shopify',
      '/v1/agent/settings/shopify',
      { headers: t.owner },
      200,
    )
    await t.check(
      'get',
      '/v1/agent/settings/security',
      '/v1/agent/settings/security',
      { headers: t.owner },
      200,
    )
    await t.check('post', '/v1/agent/totp/setup', '/v1/agent/totp/setup', { headers: t.owner }, 201)
    await t.check(
      'post',
      '/v1/agent/settings/identity-secrets',
      '/v1/agent/settings/identity-secrets',
      { headers: t.owner },
      201,
    )
    await t.check(
      'get',
      '/v1/agent/settings/identity-secrets',
      '/v1/agent/settings/identity-secrets',
      { headers: t.owner },
      200,
    )
    // The schemas are strict: a field the document does not name is a failure, so this test
    // notices an answer that grows without its document.
    const grown = documented(t.doc, 'get', '/v1/agent/session', 200)
    expect(grown.safeParse({ ...session, secret: 'x' }).success).toBe(false)
  })

  it('documents the queue, a ticket and an agent’s actions on it as they are', async () => {
    const t = await setup()
    const ticket = await t.request()
    const read = { headers: t.agent.read }
    const write = (body: unknown) => ({ headers: t.agent.write, body })
    const one = `/v1/agent/tickets/${ticket.id}`
    await t.check('get', '/v1/agent/tickets', '/v1/agent/tickets?status=open', read, 200)
    const view = await t.check('get', '/v1/agent/tickets/{id}', one, read, 200)
    expect(view['order']).not.toBeNull()
    // Nested fields are checked too, types and all.
    const ticketView = documented(t.doc, 'get', '/v1/agent/tickets/{id}', 200)
    const retyped = { ...view, ticket: { ...(view['ticket'] as object), version: 'one' } }
    expect(ticketView.safeParse(retyped).success).toBe(false)
    await t.check('patch', '/v1/agent/tickets/{id}', one, write({ version: 1, tags: ['vip'] }), 200)
    await t.check(
      'post',
      '/v1/agent/tickets/{id}/notes',
      `${one}/notes`,
      write({ body: 'hi' }),
      201,
    )
    await t.check(
      'post',
      '/v1/agent/tickets/{id}/decision',
      `${one}/decision`,
      write({ version: 2, decision: 'approve' }),
      200,
    )
    // Error answers follow the document too: their status comes from the code's table.
    await t.check('patch', '/v1/agent/tickets/{id}', one, write({ version: 1 }), 409)
    await t.check('get', '/v1/agent/tickets/{id}', '/v1/agent/tickets/tk_missing', read, 404)
    await t.check('get', '/v1/agent/tickets', '/v1/agent/tickets', { headers: {} }, 401)
  })

  it('documents the order lookup, an order, its notes and writing to its shopper as they are', async () => {
    const t = await setup()
    const read = { headers: t.agent.read }
    const write = (body: unknown) => ({ headers: t.agent.write, body })
    const found = await t.check(
      'get',
      '/v1/agent/orders',
      '/v1/agent/orders?email=ada@example.com&pageSize=10',
      read,
      200,
    )
    const id = (found['orders'] as Array<{ id: string }>)[0]?.id ?? ''
    const one = `/v1/agent/orders/${id}`
    const template = '/v1/agent/orders/{id}'
    await t.check('post', `${template}/notes`, `${one}/notes`, write({ body: 'Called' }), 201)
    await t.check('post', `${template}/messages`, `${one}/messages`, write({ body: 'Hi' }), 201)
    const view = await t.check('get', template, one, read, 200)
    expect((view['notes'] as unknown[]).length).toBe(1)
    expect((view['tickets'] as unknown[]).length).toBeGreaterThan(0)
    await t.check('get', template, '/v1/agent/orders/ord_missing', read, 404)
    await t.check('get', '/v1/agent/orders', '/v1/agent/orders?from=soon', read, 400)
  })

  it('documents webhook endpoints, deliveries and the console chat as they are', async () => {
    const t = await setup()
    const owner = (body?: unknown) => ({ headers: t.owner, body })
    await t.check(
      'post',
      '/v1/agent/webhooks',
      '/v1/agent/webhooks',
      owner({ url: 'http://127.0.0.1:9/hook', events: ['ticket.created'] }),
      201,
    )
    await t.request()
    await t.check('get', '/v1/agent/webhooks', '/v1/agent/webhooks', owner(), 200)
    await t.check(
      'get',
      '/v1/agent/webhooks/deliveries',
      '/v1/agent/webhooks/deliveries',
      owner(),
      200,
    )
    const ada = await startVisitor(t)
    const { conversation } = await ada.say('Where is my parcel?')
    const one = `/v1/agent/conversations/${conversation.id}`
    const template = '/v1/agent/conversations/{id}'
    await t.check('get', '/v1/agent/conversations', '/v1/agent/conversations', owner(), 200)
    await t.check('get', template, one, owner(), 200)
    const text = { text: 'On its way', clientId: 'c1' }
    await t.check('post', `${template}/messages`, `${one}/messages`, owner(text), 201)
    await t.check('post', `${template}/read`, `${one}/read`, owner({}), 200)
    await t.check('post', `${template}/close`, `${one}/close`, owner(), 200)
    const late = { text: 'Anything else?', clientId: 'c2' }
    await t.check('post', `${template}/messages`, `${one}/messages`, owner(late), 409)
    await t.check(
      'post',
      '/v1/agent/conversations/stream-tickets',
      '/v1/agent/conversations/stream-tickets',
      owner(),
      201,
    )
  })
  it('documents the Agents and Webhooks settings answers as they are', async () => {
    const t = await setup()
    const write = (body?: unknown) => ({ headers: t.owner, body })
    const invited = await t.check(
      'post',
      '/v1/agent/agents',
      '/v1/agent/agents',
      write({ email: 'new@example.com', name: 'New' }),
      201,
    )
    const agent = invited['agent'] as { id: string; version: number }
    const one = `/v1/agent/agents/${agent.id}`
    await t.check(
      'post',
      '/v1/agent/agents/{id}/password-link',
      `${one}/password-link`,
      write(),
      202,
    )
    await t.check('patch', '/v1/agent/agents/{id}', one, write({ version: 1, role: 'owner' }), 200)
    await t.drainOutbox()
    const mail = t.deps.devOutbox?.list().find((m) => m.to === 'new@example.com')
    const token = decodeURIComponent(/#token=(\S+)/.exec(mail?.text ?? '')?.[1] ?? '')
    await t.check(
      'post',
      '/v1/agent/password',
      '/v1/agent/password',
      {
        headers: { 'content-type': 'application/json' },
        body: { token, password: 'a quiet lantern by the ferns' },
      },
      200,
    )

    const receiver = await startReceiver()
    const made = await t.check(
      'post',
      '/v1/agent/webhooks',
      '/v1/agent/webhooks',
      write({ url: receiver.url, events: ['ticket.updated'] }),
      201,
    )
    const hook = `/v1/agent/webhooks/${(made['endpoint'] as { id: string }).id}`
    await t.check('get', '/v1/agent/webhooks', '/v1/agent/webhooks', write(), 200)
    await t.check(
      'patch',
      '/v1/agent/webhooks/{id}',
      hook,
      write({ version: 1, description: 'x' }),
      200,
    )
    await t.check(
      'post',
      '/v1/agent/webhooks/{id}/secret',
      `${hook}/secret`,
      write({ version: 2 }),
      200,
    )
    const ticket = await t.request()
    await t.app.request(`/v1/agent/tickets/${ticket.id}`, {
      method: 'PATCH',
      headers: t.owner,
      body: JSON.stringify({ version: 1, status: 'pending' }),
    })
    const log = await t.check(
      'get',
      '/v1/agent/webhooks/deliveries',
      '/v1/agent/webhooks/deliveries',
      write(),
      200,
    )
    const [delivery] = log['deliveries'] as Array<{ id: string }>
    await t.check(
      'post',
      '/v1/agent/webhooks/deliveries/{id}/resend',
      `/v1/agent/webhooks/deliveries/${delivery!.id}/resend`,
      write(),
      201,
    )
  })
})

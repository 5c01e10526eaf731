/**
 * Hostile values sent to every route of the agent API (from its OpenAPI document) and to every
 * shopper route: strings with NUL or lone surrogates, numbers past every column's range, odd
 * JSON. Whatever the route answers, it must not be a 5xx.
 */
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { DEMO_SHOPPERS } from '../seed/demo-shoppers.ts'
import { DEMO_STORE_ID, DEMO_WIDGET_KEY } from '../seed/demo-store.ts'
import { demoOrderId } from '../seed/demo-orders.ts'
import { mintAgent, startVisitor } from '../test/chat-support.ts'
import { createTestApp, mintShopperSession, testDialect } from '../test/harness.ts'
import { TEST_CLIENT_IP_HEADER } from './client-ip.ts'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Ctx = Awaited<ReturnType<typeof createTestApp>>

// Every UTF-16 code unit is fair game, lone surrogates included.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n))
const hostileString = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\u0000',
      'ada\u0000@example.com',
      '\ud800',
      'x\udfffy',
      '\udc00\ud800',
    ),
  },
  fc.constantFrom('\u202egnp.exe', "' OR 1=1 --", '', ' ', 'a'.repeat(300)),
  fc.string({ unit: codeUnit, maxLength: 12 }),
)
const hostileNumber = fc.oneof(
  fc.constantFrom(2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, 1e308, -1, 0, 0.5, -0),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom<Json>(null, true, [], {}, [[[[[[]]]]]]) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
)
// What goes in a URL: percent-encoded NUL and an encoded surrogate half, among others.
const hostileSegment = fc.oneof(
  fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%C0%80', '..', '%2F', '2147483648', '-1', 'x'),
  hostileString.map((s) => {
    try {
      return encodeURIComponent(s)
    } catch {
      return '%ED%B0%80'
    }
  }),
)

/** A plausible value for a JSON schema, so a hostile value lands beside valid ones. */
function sample(schema: Record<string, unknown>): Json {
  if (Array.isArray(schema['enum'])) return schema['enum'][0] as Json
  const options = (schema['anyOf'] ?? schema['oneOf']) as Record<string, unknown>[] | undefined
  if (options !== undefined) return sample(options.find((o) => o['type'] !== 'null') ?? {})
  switch (schema['type']) {
    case 'object': {
      const props = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>
      return Object.fromEntries(Object.entries(props).map(([k, s]) => [k, sample(s)]))
    }
    case 'array':
      return [sample((schema['items'] ?? {}) as Record<string, unknown>)]
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1
    case 'boolean':
      return true
    default:
      return schema['format'] === 'email' ? 'ada@example.com' : 'x'
  }
}

/** Paths to every value of `body` (leaves and containers), the root included. */
function slots(body: Json, at: string[] = []): string[][] {
  const here = [at]
  if (body === null || typeof body !== 'object') return here
  const entries = Array.isArray(body)
    ? body.map((v, i) => [String(i), v] as const)
    : Object.entries(body)
  return here.concat(entries.flatMap(([k, v]) => slots(v, [...at, k])))
}

function put(body: Json, path: string[], value: Json): Json {
  if (path.length === 0) return value
  const [head, ...rest] = path as [string, ...string[]]
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string, Json>
  copy[head] = put(copy[head] ?? null, rest, value)
  return copy
}

/** A template body with hostile values put in some of its slots (or as new keys). */
function hostileBody(template: Json) {
  const places = slots(template)
  return fc
    .array(fc.tuple(fc.nat(), hostileValue, fc.boolean()), { minLength: 1, maxLength: 3 })
    .map((edits) =>
      edits.reduce<Json>((body, [n, value, asKey]) => {
        if (asKey && body !== null && typeof body === 'object' && !Array.isArray(body)) {
          return { ...body, [typeof value === 'string' ? value : String(value)]: 1 }
        }
        return put(body, places[n % places.length] ?? [], value)
      }, template),
    )
}

interface Route {
  method: string
  /** With `{name}` placeholders. */
  path: string
  query: string[]
  body: Json | undefined
  headers: Record<string, string>
}

/** The real id a path parameter of this route names, so lookups succeed and bodies get read. */
function realId(path: string, ids: RealIds): string {
  if (path.includes('/tickets/')) return ids.ticket
  if (path.includes('/conversations/')) return ids.conversation
  if (path.includes('/challenges/')) return ids.challenge
  if (path.includes('/orders/')) return ids.order
  return 'x'
}

const input = (route: Route, ids: RealIds) =>
  fc.record({
    // Mostly the real id, so the hostile values in the body reach past the lookup.
    params: fc.array(
      fc.oneof({ weight: 3, arbitrary: fc.constant(realId(route.path, ids)) }, hostileSegment),
      { minLength: 4, maxLength: 4 },
    ),
    query: fc.array(fc.tuple(fc.constantFrom(...route.query, 'x'), hostileSegment), {
      maxLength: 3,
    }),
    body: route.body === undefined ? fc.constant(undefined) : hostileBody(route.body),
    raw: fc.oneof(
      { weight: 12, arbitrary: fc.constant(undefined) },
      fc.constantFrom('{"a":1e400}', '['.repeat(5000), '"\\u0000"', '{"\\ud800":1}'),
    ),
    ip: fc.ipV4(),
  })

type Given = {
  params: string[]
  query: Array<[string, string]>
  body: Json | undefined
  raw: string | undefined
  ip: string
}

async function send(ctx: Ctx, route: Route, given: Given) {
  let i = 0
  const path = route.path.replace(/\{\w+\}/g, () => given.params[i++] ?? 'x')
  const query = given.query.map(([k, v]) => `${k}=${v}`).join('&')
  const hasBody = route.method !== 'get' && route.method !== 'delete'
  const text = given.raw ?? (given.body === undefined ? '{}' : JSON.stringify(given.body))
  return ctx.app.request(`${path}${query === '' ? '' : `?${query}`}`, {
    method: route.method.toUpperCase(),
    headers: {
      ...route.headers,
      'content-type': 'application/json',
      'idempotency-key': `k${Math.random().toString(36).slice(2)}`,
      [TEST_CLIENT_IP_HEADER]: given.ip,
    },
    ...(hasBody ? { body: text } : {}),
  })
}

// The values that broke PostgreSQL before, tried in every slot of every route.
const known: Json[] = ['a\u0000b', '\ud800', 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308]
const knownSegments = ['a%00b', '%ED%A0%80', '2147483648']

/** Each known value in each slot of the body, each known segment in each parameter and query. */
function sweep(route: Route, ids: RealIds): Given[] {
  const id = realId(route.path, ids)
  const base: Given = {
    params: [id, id, id, id],
    query: [],
    body: route.body,
    raw: undefined,
    ip: '192.0.2.77',
  }
  const out: Given[] = [base]
  if (route.body !== undefined) {
    for (const slot of slots(route.body)) {
      for (const value of known) out.push({ ...base, body: put(route.body, slot, value) })
    }
  }
  for (const segment of knownSegments) {
    if (route.path.includes('{'))
      out.push({ ...base, params: [segment, segment, segment, segment] })
    for (const name of route.query) out.push({ ...base, query: [[name, segment]] })
  }
  return out
}

// Bodies the shopper routes accept, to be spoiled one value at a time.
const shopperBodies: Record<string, Json> = {
  'post /v1/auth/challenges': { channel: 'email', identifier: 'ada@example.com', locale: 'en' },
  'post /v1/auth/challenges/{id}/verify': { code: '123456' },
  'post /v1/conversations/visitors': { name: 'Ada', email: 'ada@example.com' },
  'post /v1/conversations/current/messages': { text: 'hi', clientId: 'c1', locale: 'en' },
  'post /v1/conversations/current/read': { throughSeq: 1 },
  'post /v1/conversations/link': { visitorToken: `plc_${'a'.repeat(43)}` },
  'post /v1/conversations/offline': { name: 'Ada', email: 'a@b.co', message: 'hi', locale: 'en' },
  'post /v1/contact': { name: 'Ada', email: 'a@b.co', message: 'hi', locale: 'en', orderId: 'x' },
  'post /v1/orders/{id}/requests': {
    type: 'return',
    reason: 'doesnt_fit',
    lines: [{ lineItemId: 'li_1', quantity: 1 }],
    channel: 'chat',
    locale: 'en',
  },
}

// Streams stay open when they work, and test-only or signed-upstream routes are not ours here.
const skipped = /^\/v1\/(agent|test|dev|webhooks|openapi)|\/stream$/
// Signing out would leave every later request unauthenticated: these go last.
const signOuts = new Set(['post /v1/agent/logout', 'delete /v1/auth/session'])

async function routesUnderTest(ctx: Ctx) {
  const agent = await mintAgent(ctx)
  // Owners reach every agent route, so their bodies get parsed too.
  await ctx.db
    .updateTable('agents')
    .set({ role: 'owner' })
    .where('id', '=', agent.agentId)
    .execute()
  const { token } = await mintShopperSession(ctx, DEMO_STORE_ID, {
    kind: 'email',
    value: DEMO_SHOPPERS.ada.email,
  })
  const doc = (await (await ctx.app.request('/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, Record<string, any>>>
  }
  const routes: Route[] = []
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (path.endsWith('/stream')) continue
    for (const [method, op] of Object.entries(ops)) {
      const schema = op['requestBody']?.content?.['application/json']?.schema
      routes.push({
        method,
        path,
        query: ((op['parameters'] ?? []) as Array<{ in: string; name: string }>)
          .filter((p) => p.in === 'query')
          .map((p) => p.name),
        body: schema === undefined ? undefined : sample(schema),
        headers: agent.headers,
      })
    }
  }
  const shopper = new Set<string>()
  for (const r of ctx.app.routes) {
    if (!r.path.startsWith('/v1/') || r.method === 'ALL' || r.path.includes('*')) continue
    if (skipped.test(r.path)) continue
    shopper.add(`${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
  }
  for (const key of shopper) {
    const [method = 'get', path = '/'] = key.split(' ')
    routes.push({
      method,
      path,
      query: ['before', 'locale', 'pageSize', 'cursor', 'key'],
      body: shopperBodies[key] ?? (method === 'get' ? undefined : {}),
      headers: { 'x-porchlight-key': DEMO_WIDGET_KEY, authorization: `Bearer ${token}` },
    })
  }
  const last = (r: Route) => (signOuts.has(`${r.method} ${r.path}`) ? 1 : 0)
  return routes.sort((a, b) => last(a) - last(b))
}

interface RealIds {
  ticket: string
  conversation: string
  challenge: string
  order: string
}

/** Ids that exist, so routes with path parameters get past "not found". */
async function realIds(ctx: Ctx): Promise<RealIds> {
  const headers = { 'content-type': 'application/json', 'x-porchlight-key': DEMO_WIDGET_KEY }
  const contact = await ctx.app.request('/v1/contact', {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': 'seed-1' },
    body: JSON.stringify({ name: 'Eve', email: 'eve@example.com', message: 'hi', locale: 'en' }),
  })
  const { ticketId } = (await contact.json()) as { ticketId: string }
  const visitor = await startVisitor(ctx)
  const { conversation } = await visitor.say('hello')
  const challenge = await ctx.app.request('/v1/auth/challenges', {
    method: 'POST',
    headers,
    body: JSON.stringify({ channel: 'email', identifier: 'ada@example.com', locale: 'en' }),
  })
  const { challengeId } = (await challenge.json()) as { challengeId: string }
  return {
    ticket: ticketId,
    conversation: conversation.id,
    challenge: challengeId,
    order: demoOrderId(DEMO_STORE_ID, 1001),
  }
}

describe(`hostile input on every route (${testDialect})`, () => {
  it(
    'answers every known and generated hostile request below 500',
    { timeout: 300_000 },
    async () => {
      const ctx = await createTestApp()
      // Nothing here may reach outside the machine (a Shopify connect, say): every fetch fails.
      vi.stubGlobal('fetch', () => Promise.reject(new Error('no network in this test')))
      const ids = await realIds(ctx)
      const routes = await routesUnderTest(ctx)
      expect(routes.length).toBeGreaterThan(40)
      const failures: string[] = []
      const check = async (route: Route, given: Given) => {
        const res = await send(ctx, route, given)
        if (res.status >= 500) {
          const what = JSON.stringify({ ...given, raw: given.raw?.slice(0, 20) }).slice(0, 300)
          failures.push(`${route.method} ${route.path} ${res.status} ${what}`)
        }
        return res.status < 500
      }
      let sent = 0
      for (const route of routes) {
        for (const given of sweep(route, ids)) {
          sent += 1
          await check(route, given)
        }
        await fc
          .assert(
            fc.asyncProperty(input(route, ids), (given) => {
              sent += 1
              return check(route, given)
            }),
            { numRuns: Number(process.env['HOSTILE_RUNS'] ?? 40), endOnFailure: true },
          )
          .catch(() => undefined)
      }
      vi.unstubAllGlobals()
      const failing = [...new Set(failures.map((f) => f.split(' ').slice(0, 2).join(' ')))]
      console.info(JSON.stringify({ dialect: testDialect, routes: routes.length, sent, failing }))
      expect(sent).toBeGreaterThan(routes.length * 40)
      expect(failures).toEqual([])
    },
  )
})

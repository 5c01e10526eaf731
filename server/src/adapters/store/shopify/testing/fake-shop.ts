import { http, HttpResponse, type HttpHandler } from 'msw'
import { orderMatches, parseSearch, valueMatches, type ParsedQuery } from './fake-search.ts'
import { applyMutation } from './fake-mutations.ts'
import { FakeWebhookSubscriptions } from './fake-webhooks.ts'
import { customerById } from './fake-customers.ts'
import { resolveLookup } from './fake-lookup.ts'
import type { RawCustomer, RawOrder, UserError } from '../shopify-types.ts'

/**
 * An in-memory Shopify shop behind msw: the Admin GraphQL endpoint answers our operations (by
 * operation name) with realistic shapes, charges a leaky cost bucket the way Shopify does, and
 * records every call so tests can assert what was sent.
 */

export interface Cost {
  requested: number
  actual: number
}

export interface FakeShopOptions {
  domain?: string
  accessToken?: string
  apiVersion?: string
  bucket?: { maximumAvailable: number; restoreRate: number }
  /** Milliseconds; share the limiter's fake clock in throttling tests. */
  now?(): number
}

export const DEFAULT_COSTS: Record<string, Cost> = {
  PorchlightOrder: { requested: 487, actual: 43 },
  PorchlightOrderSearch: { requested: 104, actual: 14 },
  PorchlightCustomersByPhone: { requested: 32, actual: 5 },
  PorchlightShop: { requested: 1, actual: 1 },
  PorchlightJob: { requested: 1, actual: 1 },
}

/** Our reads that select the customer or its email and phone. */
const WITHHOLDING = new Set([
  'PorchlightOrder',
  'PorchlightOrderLookup',
  'PorchlightCustomerLookup',
  'PorchlightOrderSearch',
  'PorchlightCustomersByPhone',
  'PorchlightCustomerAccess',
  'PorchlightCustomerById',
])

/** Our mutations that Shopify runs only with an `@idempotent(key:)` (2026-04 and later). */
const IDEMPOTENT_REQUIRED = new Set(['PorchlightRefundCreate'])

export interface RecordedCall {
  operation: string
  query: string
  variables: Record<string, unknown>
  /** What the shop answered as `data` (the schema test replays it over the real schema). */
  data?: unknown
}

export class FakeShop {
  readonly domain: string
  /** The token the shop accepts; the fake token endpoint replaces it as it issues new ones. */
  accessToken: string
  readonly apiVersion: string
  readonly now: () => number
  orders = new Map<string, RawOrder>()
  customers: RawCustomer[] = []
  calls: RecordedCall[] = []
  searches: Array<{ query: string; parsed: ParsedQuery }> = []
  costs: Record<string, Cost> = { ...DEFAULT_COSTS }
  /** HTTP statuses to answer the next requests with, before normal service resumes. */
  failures: number[] = []
  /** HTTP statuses to answer the next calls of one operation with. */
  operationFailures = new Map<string, number[]>()
  /** Called after each answered operation (tests use it to change the shop mid-flow). */
  afterCall: ((operation: string) => void) | undefined
  /** Top-level GraphQL errors to answer the next call of an operation with. */
  graphqlErrors = new Map<string, Array<{ message: string; extensions?: { code: string } }>>()
  /** Every HTTP request that reached the shop, failed or not. */
  requests = 0
  /** userErrors to answer the next call of an operation with. */
  userErrors = new Map<string, UserError[]>()
  shopName = 'Lumen & Loom'
  scopes = [
    'read_orders',
    'write_orders',
    'read_customers',
    'read_returns',
    'write_returns',
    'read_fulfillments',
    'read_all_orders',
  ]
  /**
   * The app is not approved for protected customer data: reads that touch the customer or its
   * contact fields answer those as null with Shopify's error beside the data.
   */
  customerDataWithheld = false
  /** Like Shopify's relevance search: an email term also matches addresses containing it. */
  fuzzySearch = false
  throttledCount = 0
  lowestAvailable: number
  bucket: { maximumAvailable: number; restoreRate: number; available: number; at: number }
  returns = new Map<string, { orderId: string; status: string }>()
  /** A part of Shopify's return reason library (handles as its docs show them). */
  returnReasons = [
    'damaged-or-defective',
    'wrong-item',
    'not-as-described',
    'too-small',
    'too-large',
    'color',
    'style',
    'changed-mind',
    'arrived-late',
    'quality',
    'other',
  ].map((handle, i) => ({
    id: `gid://shopify/ReturnReasonDefinition/${i + 1}`,
    handle,
    name: handle.replace(/-/g, ' '),
    deleted: false,
  }))
  /** refundCreate's `@idempotent` keys and the refund each made. */
  refundsByKey = new Map<string, string>()
  /** HTTP statuses to answer an operation with after it ran (a timeout Shopify acted on). */
  lostAnswers = new Map<string, number[]>()
  /** The app's webhook subscriptions on this shop. */
  webhooks = new FakeWebhookSubscriptions()

  constructor(options: FakeShopOptions = {}) {
    this.domain = options.domain ?? 'lumen-loom.myshopify.com'
    this.accessToken = options.accessToken ?? 'shpat_test_token_0123456789'
    this.apiVersion = options.apiVersion ?? '2026-10'
    this.now = options.now ?? (() => Date.now())
    const b = options.bucket ?? { maximumAvailable: 2000, restoreRate: 100 }
    this.bucket = { ...b, available: b.maximumAvailable, at: this.now() }
    this.lowestAvailable = b.maximumAvailable
  }

  addOrder(order: RawOrder): RawOrder {
    this.orders.set(order.legacyResourceId, order)
    if (order.customer !== null && !this.customers.some((c) => c.id === order.customer?.id)) {
      this.customers.push(order.customer)
    }
    return order
  }

  callsOf(operation: string): RecordedCall[] {
    return this.calls.filter((c) => c.operation === operation)
  }

  nowIso(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }

  handlers(): HttpHandler[] {
    return [
      http.post(
        `https://${this.domain}/admin/api/:version/graphql.json`,
        async ({ request, params }) => {
          this.requests++
          if (request.headers.get('x-shopify-access-token') !== this.accessToken) {
            return HttpResponse.json(
              {
                errors:
                  '[API] Invalid API key or access token (unrecognized login or wrong password)',
              },
              { status: 401 },
            )
          }
          const failure = this.failures.shift()
          if (failure !== undefined) {
            return new HttpResponse('upstream connect error', { status: failure })
          }
          const body = (await request.json()) as {
            query: string
            variables?: Record<string, unknown>
            operationName?: string
          }
          const operation =
            body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? ''
          const variables = body.variables ?? {}
          const opFailure = this.operationFailures.get(operation)?.shift()
          if (opFailure !== undefined) {
            return new HttpResponse('gateway timeout', { status: opFailure })
          }
          if (IDEMPOTENT_REQUIRED.has(operation) && !/@idempotent\(key:/.test(body.query)) {
            // Shopify's wording paraphrased; from 2026-04 the mutation is refused without a key.
            return HttpResponse.json({
              errors: [
                {
                  message: 'The @idempotent directive is required for this mutation.',
                  extensions: { code: 'BAD_REQUEST' },
                },
              ],
            })
          }
          const cost = this.costs[operation] ?? { requested: 10, actual: 10 }
          this.#refill()
          const headers = { 'x-shopify-api-version': String(params['version']) }
          if (this.bucket.available < cost.requested) {
            this.throttledCount++
            return HttpResponse.json(
              {
                errors: [
                  {
                    message: 'Throttled',
                    extensions: {
                      code: 'THROTTLED',
                      documentation: 'https://shopify.dev/api/usage/rate-limits',
                    },
                  },
                ],
                extensions: { cost: this.#cost(cost.requested, null) },
              },
              { headers },
            )
          }
          this.bucket.available -= cost.requested
          this.lowestAvailable = Math.min(this.lowestAvailable, this.bucket.available)
          const call: RecordedCall = { operation, query: body.query, variables }
          this.calls.push(call)
          const errors = this.graphqlErrors.get(operation)
          if (errors !== undefined) {
            this.graphqlErrors.delete(operation)
            this.bucket.available += cost.requested - cost.actual
            return HttpResponse.json(
              { errors, extensions: { cost: this.#cost(cost.requested, cost.actual) } },
              { headers },
            )
          }
          const data = this.#resolve(operation, variables)
          call.data = clone(data)
          if (this.customerDataWithheld && WITHHOLDING.has(operation)) {
            delete call.data
            return HttpResponse.json(
              {
                data: null,
                errors: [
                  {
                    message:
                      'This app is not approved to access the Customer object. See https://shopify.dev/docs/apps/launch/protected-customer-data for more details.',
                    extensions: { code: 'ACCESS_DENIED' },
                  },
                ],
                extensions: { cost: this.#cost(cost.requested, cost.actual) },
              },
              { headers },
            )
          }
          this.afterCall?.(operation)
          const lost = this.lostAnswers.get(operation)?.shift()
          if (lost !== undefined) return new HttpResponse('gateway timeout', { status: lost })
          this.bucket.available += cost.requested - cost.actual
          return HttpResponse.json(
            { data, extensions: { cost: this.#cost(cost.requested, cost.actual) } },
            { headers },
          )
        },
      ),
    ]
  }

  #refill(): void {
    const now = this.now()
    const b = this.bucket
    b.available = Math.min(b.maximumAvailable, b.available + ((now - b.at) / 1000) * b.restoreRate)
    b.at = now
  }

  #cost(requested: number, actual: number | null) {
    return {
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: {
        maximumAvailable: this.bucket.maximumAvailable,
        currentlyAvailable: Math.floor(this.bucket.available),
        restoreRate: this.bucket.restoreRate,
      },
    }
  }

  #resolve(operation: string, v: Record<string, unknown>): unknown {
    switch (operation) {
      case 'PorchlightShop':
        return {
          shop: { name: this.shopName, myshopifyDomain: this.domain },
          currentAppInstallation: { accessScopes: this.scopes.map((handle) => ({ handle })) },
        }
      case 'PorchlightOrder':
        return { order: clone(this.orders.get(tail(v['id'])) ?? null) }
      case 'PorchlightOrderSearch':
        return { orders: this.#search(String(v['query']), Number(v['first']), v['after']) }
      case 'PorchlightCustomersByPhone': {
        const parsed = this.#parse(String(v['query']))
        const nodes = this.customers.filter((c) =>
          parsed.some((group) =>
            group.every(
              (t) => t.field === 'phone' && valueMatches(t, c.defaultPhoneNumber?.phoneNumber),
            ),
          ),
        )
        return { customers: { nodes: clone(nodes) } }
      }
      case 'PorchlightCustomerAccess': {
        const c = this.customers[0]
        const nodes = c === undefined ? [] : [c]
        return {
          customers: {
            nodes: nodes.map(({ id, defaultEmailAddress, defaultPhoneNumber }) =>
              clone({ id, defaultEmailAddress, defaultPhoneNumber }),
            ),
          },
        }
      }
      case 'PorchlightCustomerById':
        return customerById(this, v)
      case 'PorchlightJob':
        return { job: { id: v['id'], done: true } }
      case 'PorchlightWebhookSubscriptions':
        return { webhookSubscriptions: { nodes: this.webhooks.at(String(v['uri'])) } }
      case 'PorchlightReturnReasons':
        return { returnReasonDefinitions: { nodes: clone(this.returnReasons) } }
      default:
        return resolveLookup(this, operation, v) ?? applyMutation(this, operation, v)
    }
  }

  #parse(query: string): ParsedQuery {
    const parsed = parseSearch(query)
    this.searches.push({ query, parsed })
    return parsed
  }

  #search(query: string, first: number, after: unknown) {
    const parsed = this.#parse(query)
    const matches = [...this.orders.values()]
      .filter((o) =>
        parsed.some((group) => group.every((t) => orderMatches(o, t, this.fuzzySearch))),
      )
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    const offset = typeof after === 'string' ? Number(Buffer.from(after, 'base64').toString()) : 0
    const page = matches.slice(offset, offset + first)
    const end = offset + page.length
    return {
      nodes: page.map((o) => ({
        id: o.id,
        legacyResourceId: o.legacyResourceId,
        updatedAt: o.updatedAt,
        email: o.email,
        customer: clone(o.customer),
      })),
      pageInfo: {
        hasNextPage: end < matches.length,
        endCursor: page.length > 0 ? Buffer.from(String(end)).toString('base64') : null,
      },
    }
  }
}

export function tail(id: unknown): string {
  const s = String(id)
  return s.slice(s.lastIndexOf('/') + 1)
}

export function clone<T>(value: T): T {
  return value === null || value === undefined ? value : structuredClone(value)
}

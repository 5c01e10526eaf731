import type { Logger } from '../../../logger.ts'
import type { CostReport, Limiter } from './cost-limiter.ts'

/** One GraphQL document of ours, named so costs can be learned per operation. */
export interface Operation<TData, TVariables> {
  name: string
  kind: 'query' | 'mutation'
  document: string
  /** Requested cost to assume before Shopify has told us the real one. */
  estimatedCost: number
  /** A mutation sent with Shopify's `@idempotent` key: safe to send again after a timeout. */
  idempotent?: boolean
  /** Phantom fields: the shapes this operation sends and receives. */
  readonly _data?: TData
  readonly _variables?: TVariables
}

export type ClientFailure =
  /** Shopify could not be reached or kept failing; worth trying again later. */
  | 'unavailable'
  /** The token is wrong, revoked, or lacks a scope. */
  | 'unauthorized'
  /** Shopify answered with GraphQL errors (bad query for this API version, missing scope). */
  | 'query_failed'
  /**
   * The app is not approved for protected customer data (or for its email or phone fields):
   * Shopify answers the fields as null with an error, so orders cannot be matched to a shopper.
   */
  | 'customer_data_withheld'

export type ClientResult<T> =
  { ok: true; data: T } | { ok: false; failure: ClientFailure; message: string }

export type TokenAnswer =
  | {
      ok: true
      token: string
      /** Which token this is, to report a 401 against. */ version: number
    }
  | { ok: false; failure: 'unavailable' | 'unauthorized'; message: string }

/**
 * Where the client gets its Admin API token: a fixed legacy `shpat_` token, or an expiring
 * one kept alive by the TokenKeeper. `rejected` is called once when Shopify answers 401.
 */
export interface AccessTokenSource {
  current(): Promise<TokenAnswer>
  rejected(version: number): Promise<TokenAnswer>
}

/** A legacy custom app's token: it never changes, so a 401 is final. */
export function fixedToken(token: string): AccessTokenSource {
  const answer: TokenAnswer = { ok: true, token, version: 0 }
  return {
    current: async () => answer,
    rejected: async () => ({
      ok: false,
      failure: 'unauthorized',
      message: 'Shopify refused the access token (HTTP 401).',
    }),
  }
}

export interface AdminClientOptions {
  domain: string
  tokens: AccessTokenSource
  apiVersion: string
  limiter: Limiter
  logger: Logger
  sleep(ms: number): Promise<void>
  /** In [0, 1); jitter for back-off. */
  random(): number
  /** Defaults to the global fetch, looked up per call (so test interceptors apply). */
  fetch?: typeof fetch
  maxAttempts?: number
  timeoutMs?: number
}

interface GraphqlBody {
  data?: unknown
  errors?: Array<{ message?: string; extensions?: { code?: string } }> | string
  extensions?: { cost?: CostReport }
}

const RETRY_BASE_MS = 250
const RETRY_CAP_MS = 8_000

/**
 * A small Admin GraphQL client: POST to `https://{shop}/admin/api/{version}/graphql.json` with
 * `X-Shopify-Access-Token`, every request paid for through the shop's cost limiter.
 *
 * Retries: THROTTLED (or HTTP 429) is always retried, since Shopify ran nothing. Transient
 * failures (5xx, network, timeouts) are retried with full-jitter exponential back-off for
 * queries and idempotent mutations only: any other mutation that timed out may have run, and
 * running it twice would act twice, so it reports `unavailable` instead and lets a person decide.
 */
export class AdminClient {
  readonly domain: string
  #o: AdminClientOptions
  #versionWarned = false

  constructor(options: AdminClientOptions) {
    this.#o = options
    this.domain = options.domain
  }

  get endpoint(): string {
    return `https://${this.#o.domain}/admin/api/${this.#o.apiVersion}/graphql.json`
  }

  async request<TData, TVariables>(
    op: Operation<TData, TVariables>,
    variables: TVariables,
  ): Promise<ClientResult<TData>> {
    const maxAttempts = this.#o.maxAttempts ?? 5
    const body = JSON.stringify({ query: op.document, variables, operationName: op.name })
    let lastMessage = 'Shopify did not answer'
    const once = op.kind === 'mutation' && op.idempotent !== true
    let token = await this.#o.tokens.current()
    let renewedAfter401 = false
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      if (!token.ok) return { ok: false, failure: token.failure, message: token.message }
      const reservation = await this.#o.limiter.acquire(op.name, op.estimatedCost)
      let res: Response
      try {
        res = await (this.#o.fetch ?? globalThis.fetch)(this.endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'x-shopify-access-token': token.token,
          },
          body,
          signal: AbortSignal.timeout(this.#o.timeoutMs ?? 15_000),
        })
      } catch (err) {
        this.#o.limiter.settle(reservation, undefined)
        lastMessage = `network error: ${(err as Error).message}`
        if (once) break
        await this.#backoff(attempt, op, lastMessage)
        continue
      }
      this.#checkVersion(res)
      const parsed = await readBody(res)
      this.#o.limiter.settle(reservation, parsed?.extensions?.cost)

      if (res.status === 401 && !renewedAfter401) {
        // An expiring token may have been revoked or expired early: renew it once and retry
        // (Shopify ran nothing on a 401, so even a plain mutation is safe to send again).
        renewedAfter401 = true
        token = await this.#o.tokens.rejected(token.version)
        attempt--
        continue
      }
      if (res.status === 401 || res.status === 403) {
        return {
          ok: false,
          failure: 'unauthorized',
          message: `Shopify refused the access token (HTTP ${res.status}).`,
        }
      }
      if (res.status === 429 || isThrottled(parsed)) {
        lastMessage = 'throttled by Shopify'
        this.#o.logger.warn('shopify throttled', {
          shop: this.domain,
          operation: op.name,
          available: parsed?.extensions?.cost?.throttleStatus.currentlyAvailable,
        })
        const retryAfter = Number(res.headers.get('retry-after'))
        if (Number.isFinite(retryAfter) && retryAfter > 0) {
          await this.#o.sleep(retryAfter * 1000)
        } else if (parsed?.extensions?.cost !== undefined) {
          // The limiter now holds Shopify's own figures and waits for the bucket by itself; a
          // little jitter keeps several processes from retrying in lockstep.
          await this.#o.sleep(Math.floor(this.#o.random() * RETRY_BASE_MS))
        } else {
          await this.#backoff(attempt, op, lastMessage)
        }
        continue
      }
      if (res.status >= 500 || parsed === undefined) {
        lastMessage = `HTTP ${res.status}${parsed === undefined ? ' with an unreadable body' : ''}`
        if (once) break
        await this.#backoff(attempt, op, lastMessage)
        continue
      }
      if (res.status >= 400 || parsed.errors !== undefined) {
        const message = errorMessage(parsed, res.status)
        this.#o.logger.error('shopify query failed', {
          shop: this.domain,
          operation: op.name,
          status: res.status,
          message,
        })
        if (PROTECTED_DATA.test(message)) {
          return { ok: false, failure: 'customer_data_withheld', message }
        }
        const denied = /ACCESS_DENIED/.test(JSON.stringify(parsed.errors ?? ''))
        return { ok: false, failure: denied ? 'unauthorized' : 'query_failed', message }
      }
      return { ok: true, data: parsed.data as TData }
    }
    this.#o.logger.error('shopify unavailable', {
      shop: this.domain,
      operation: op.name,
      message: lastMessage,
    })
    return {
      ok: false,
      failure: 'unavailable',
      message: `Shopify is unavailable (${lastMessage}).`,
    }
  }

  async #backoff(attempt: number, op: { name: string }, reason: string): Promise<void> {
    const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt)
    const wait = Math.floor(this.#o.random() * ceiling)
    this.#o.logger.warn('shopify retry', {
      shop: this.domain,
      operation: op.name,
      attempt: attempt + 1,
      waitMs: wait,
      reason,
    })
    await this.#o.sleep(wait)
  }

  #checkVersion(res: Response): void {
    const served = res.headers.get('x-shopify-api-version')
    if (served !== null && served !== this.#o.apiVersion && !this.#versionWarned) {
      this.#versionWarned = true
      this.#o.logger.warn('shopify served another API version', {
        shop: this.domain,
        requested: this.#o.apiVersion,
        served,
      })
    }
  }
}

async function readBody(res: Response): Promise<GraphqlBody | undefined> {
  try {
    const json = (await res.json()) as unknown
    return typeof json === 'object' && json !== null ? (json as GraphqlBody) : undefined
  } catch {
    return undefined
  }
}

// "This app is not approved to access the Customer object" / "... to use the email field".
const PROTECTED_DATA = /not approved to (access|use) .*(customer|email|phone)/i

function isThrottled(body: GraphqlBody | undefined): boolean {
  return (
    Array.isArray(body?.errors) &&
    body.errors.some((e) => e.extensions?.code === 'THROTTLED' || e.message === 'Throttled')
  )
}

function errorMessage(body: GraphqlBody, status: number): string {
  if (typeof body.errors === 'string') return body.errors
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    return body.errors.map((e) => e.message ?? 'unknown error').join('; ')
  }
  return `HTTP ${status}`
}

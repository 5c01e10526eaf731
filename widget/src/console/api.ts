import type { ExchangeErrorCode } from '@porchlight/shared/api/exchanges'
import type {
  AgentAuthErrorCode,
  AgentErrorCode,
  AgentLoginResponse,
  AgentSessionResponse,
  AgentSummary,
  DecisionRequest,
  TicketEventJson,
  TicketJson,
  TicketPage,
  TicketView,
} from '@porchlight/shared/api/agent'
import type { Money } from '@porchlight/shared/orders/model'
import type { ChatErrorCode } from '@porchlight/shared/api/chat'
import type { EdgeErrorCode, StoreErrorCode } from '@porchlight/shared/api/errors'
import type {
  SettingsErrorCode,
  ShopifyConnectRequest,
  ShopifySettings,
} from '@porchlight/shared/api/settings'
import type { StoreSettingsErrorCode } from '@porchlight/shared/api/store-settings'
import type { AgentState, TeamErrorCode } from '@porchlight/shared/api/team'

/** An agent of the store as the team list gives them (`state` tells who can still take a ticket). */
export type Teammate = AgentSummary & { state?: AgentState }

const SHOPIFY_SETTINGS = '/v1/agent/settings/shopify'

/**
 * Every code the console's calls can answer (the contract's), and the ones the client makes up
 * itself: `network_error` when no answer came, `http_<status>` when the answer was not ours.
 */
export type ConsoleErrorCode =
  | AgentAuthErrorCode
  | AgentErrorCode
  | SettingsErrorCode
  | StoreSettingsErrorCode
  | TeamErrorCode
  | ChatErrorCode
  | EdgeErrorCode
  | StoreErrorCode
  | ExchangeErrorCode
  | 'network_error'
  | `http_${number}`

/** A failed call, carrying the server's stable error code (and details, e.g. the fresh ticket). */
export class ApiError extends Error {
  // `declare`: assigned in the constructor, so no class-field helper lands in the bundle.
  declare readonly status: number
  declare readonly code: ConsoleErrorCode
  declare readonly details: unknown
  constructor(status: number, code: ConsoleErrorCode, message: string, details?: unknown) {
    super(message)
    this.status = status
    this.code = code
    this.details = details
  }
}

export interface ConsoleApi {
  login(email: string, password: string): Promise<AgentLoginResponse>
  session(): Promise<AgentSessionResponse>
  logout(): Promise<void>
  tickets(query: URLSearchParams): Promise<TicketPage>
  ticket(id: string): Promise<TicketView>
  patch(
    id: string,
    body: { version: number; status?: string; assigneeId?: string | null; tags?: string[] },
  ): Promise<{ ticket: TicketJson }>
  note(id: string, body: string): Promise<{ event: TicketEventJson }>
  reply(id: string, body: string): Promise<{ event: TicketEventJson }>
  decide(id: string, body: DecisionRequest): Promise<TicketView>
  refund(id: string, body: { version: number; amount: Money; note?: string }): Promise<TicketView>
  agents(): Promise<{ agents: Teammate[] }>
  shopifySettings(): Promise<ShopifySettings>
  connectShopify(body: ShopifyConnectRequest): Promise<ShopifySettings>
  /**
   * Any other console call (the chat routes live in chat/), with the same session and CSRF;
   * `keepalive` lets a call made as the tab closes outlive the page.
   */
  request<T>(
    method: string,
    path: string,
    body?: unknown,
    init?: { keepalive?: boolean },
  ): Promise<T>
}

/**
 * The console's calls to /v1/agent. The session is an HttpOnly cookie the browser sends by
 * itself; the CSRF token lives in this closure only (never in storage, where a script could
 * lift it) and is fetched again from the session endpoint after a reload. Any 401 reports the
 * end of the session through `onUnauthenticated`, so the app can go back to sign-in.
 */
export function createApi(
  onUnauthenticated: () => void,
  fetchFn: typeof fetch = fetch,
): ConsoleApi {
  let csrf: string | undefined

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    retried = false,
    keepalive = false,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    // A file (a logo upload) goes as its own bytes; anything else as JSON.
    const file = body instanceof Blob ? body : undefined
    if (body !== undefined) headers['content-type'] = file?.type || 'application/json'
    if (method !== 'GET' && csrf !== undefined) headers['x-csrf-token'] = csrf
    let res: Response
    try {
      res = await fetchFn(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: file ?? (body === undefined ? null : JSON.stringify(body)),
        ...(keepalive ? { keepalive } : {}),
      })
    } catch {
      throw new ApiError(0, 'network_error', 'The server could not be reached.')
    }
    if (res.status === 204) return undefined as T
    const json = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: unknown }
    } | null
    if (res.ok) return json as T
    const err = json?.error
    // The server's word for it: one of the contract's codes.
    const code: ConsoleErrorCode =
      typeof err?.code === 'string' ? (err.code as ConsoleErrorCode) : `http_${res.status}`
    if (res.status === 401 && path !== '/v1/agent/login') {
      csrf = undefined
      onUnauthenticated()
    }
    // A token lost to a reload (or never fetched): get it again once, then retry. The refused
    // write changed nothing, so sending it again is safe.
    if (code === 'csrf_failed' && !retried) {
      csrf = (await call<AgentSessionResponse>('GET', '/v1/agent/session')).csrfToken
      return call<T>(method, path, body, true, keepalive)
    }
    throw new ApiError(res.status, code, err?.message ?? `HTTP ${res.status}`, err?.details)
  }

  const ticketPath = (id: string) => `/v1/agent/tickets/${encodeURIComponent(id)}`

  return {
    async login(email, password) {
      const res = await call<AgentLoginResponse>('POST', '/v1/agent/login', { email, password })
      csrf = res.csrfToken
      return res
    },
    async session() {
      const res = await call<AgentSessionResponse>('GET', '/v1/agent/session')
      csrf = res.csrfToken
      return res
    },
    async logout() {
      await call<void>('POST', '/v1/agent/logout')
      csrf = undefined
    },
    tickets: (query) => call('GET', `/v1/agent/tickets?${query.toString()}`),
    ticket: (id) => call('GET', ticketPath(id)),
    patch: (id, body) => call('PATCH', ticketPath(id), body),
    note: (id, body) => call('POST', `${ticketPath(id)}/notes`, { body }),
    reply: (id, body) => call('POST', `${ticketPath(id)}/replies`, { body }),
    decide: (id, body) => call('POST', `${ticketPath(id)}/decision`, body),
    refund: (id, body) => call('POST', `${ticketPath(id)}/refunds`, body),
    agents: () => call('GET', '/v1/agent/agents'),
    shopifySettings: () => call('GET', SHOPIFY_SETTINGS),
    connectShopify: (body) => call('PUT', SHOPIFY_SETTINGS, body),
    request: (method, path, body, init) => call(method, path, body, false, init?.keepalive),
  }
}

import type { ExchangeOptions } from '@porchlight/shared/api/exchanges'
import { SESSION_ENDED_CODES } from '@porchlight/shared/api/auth'
import type {
  AuthErrorCode,
  AskCodeRequest,
  ChallengeResponse,
  GrantRequest,
  IdentifyRequest,
  SessionInfo,
  SessionResponse,
} from '@porchlight/shared/api/auth'
import type { ChatErrorCode } from '@porchlight/shared/api/chat'
import type { EdgeErrorCode, StoreErrorCode } from '@porchlight/shared/api/errors'
import type { OrderErrorCode, OrderListResponse } from '@porchlight/shared/api/orders'
import type {
  ContactMessage,
  FileRequest,
  RequestErrorCode,
  RequestFiled,
} from '@porchlight/shared/api/requests'
import type { OrderView } from './order-view.ts'
import { readEmbedParams } from './host.ts'
import type { TokenStore } from './session-token.ts'

/**
 * Every code the panel's calls can answer (the contract's), and the two it makes up itself:
 * `network` when no answer came, `unknown` when the answer was not ours.
 */
export type PanelErrorCode =
  | AuthErrorCode
  | OrderErrorCode
  | RequestErrorCode
  | ChatErrorCode
  | EdgeErrorCode
  | StoreErrorCode
  | 'network'
  | 'unknown'

/**
 * An expected failure, as a value: the server's `{ error: { code, message } }`, or `network`
 * when no answer came. `retryAfterSeconds` is set for rate limits (details, else Retry-After).
 */
export interface ApiError {
  code: PanelErrorCode
  message: string
  status: number
  retryAfterSeconds?: number
  /** The error's `details`, e.g. `reference` of request_already_open. */
  details?: Record<string, unknown>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

const sessionEndedCodes = new Set<string>(SESSION_ENDED_CODES)

/** Whether an error means the shopper must sign in again. */
export function isSessionEnded(error: ApiError): boolean {
  return error.status === 401 || sessionEndedCodes.has(error.code)
}

interface Options {
  method?: 'GET' | 'POST' | 'DELETE'
  body?: unknown
  headers?: Record<string, string>
  /** False when the caller is ending the session itself (sign out). */
  reportSessionEnd?: boolean
}

async function readError(res: Response): Promise<ApiError> {
  let code: PanelErrorCode = 'unknown'
  let message = `HTTP ${res.status}`
  let retryAfterSeconds: number | undefined
  let details: Record<string, unknown> | undefined
  try {
    const body = (await res.json()) as {
      error?: { code?: unknown; message?: unknown; details?: Record<string, unknown> }
    }
    // The server's word for it: one of the contract's codes.
    if (typeof body.error?.code === 'string') code = body.error.code as PanelErrorCode
    if (typeof body.error?.message === 'string') message = body.error.message
    if (typeof body.error?.details === 'object' && body.error.details !== null) {
      details = body.error.details
    }
    const retry = details?.['retryAfterSeconds']
    if (typeof retry === 'number' && retry >= 0) retryAfterSeconds = retry
  } catch {
    // Not our JSON (a proxy's error page): the status alone has to do.
  }
  if (retryAfterSeconds === undefined) {
    const header = Number(res.headers.get('retry-after'))
    if (header > 0) retryAfterSeconds = header
  }
  return { code, message, status: res.status, retryAfterSeconds, details }
}

/**
 * The panel's calls to our own origin. Every call names the store with `X-Porchlight-Key`
 * and, when signed in, carries the bearer token. A session the server no longer accepts is
 * forgotten here, once, and reported through `onSessionEnded` so any screen can hand over to
 * the sign-in.
 */
export function createApiClient(
  storeKey: string,
  tokens: TokenStore,
  onSessionEnded: (error: ApiError) => void = () => {},
) {
  async function call<T>(path: string, options: Options = {}): Promise<Result<T>> {
    const headers: Record<string, string> = { 'X-Porchlight-Key': storeKey, ...options.headers }
    const token = tokens.get()
    if (token !== null) headers['Authorization'] = `Bearer ${token}`
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    let res: Response
    try {
      res = await fetch(path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      })
    } catch {
      return { ok: false, error: { code: 'network', message: 'No answer', status: 0 } }
    }
    if (!res.ok) {
      const error = await readError(res)
      if (token !== null && isSessionEnded(error)) {
        tokens.clear()
        if (options.reportSessionEnd !== false) onSessionEnded(error)
      }
      return { ok: false, error }
    }
    if (res.status === 204) return { ok: true, value: undefined as T }
    try {
      return { ok: true, value: (await res.json()) as T }
    } catch {
      return { ok: false, error: { code: 'unknown', message: 'Unreadable answer', status: 0 } }
    }
  }

  // Every way of signing in ends the same: the session's token is kept for the calls after it.
  async function signIn(path: string, body: unknown): Promise<Result<SessionResponse>> {
    const result = await call<SessionResponse>(path, { method: 'POST', body })
    if (result.ok) tokens.set(result.value.token)
    return result
  }

  const challenge = (id: string) => `/v1/auth/challenges/${encodeURIComponent(id)}`
  // The page the panel is framed in, so a sign-in text names it (the server checks it).
  const claimed = readEmbedParams(location.search).claimedOrigin
  const page = claimed === undefined ? {} : { origin: claimed }
  const order = (id: string) => `/v1/orders/${encodeURIComponent(id)}`
  // The Idempotency-Key is the caller's: one per reviewed request, so a retry sends the same.
  const post = <T>(path: string, body: unknown, key: string) =>
    call<T>(path, { method: 'POST', body, headers: { 'Idempotency-Key': key } })

  return {
    askCode: (request: AskCodeRequest) =>
      call<ChallengeResponse>('/v1/auth/challenges', {
        method: 'POST',
        body: { ...request, ...page },
      }),
    resendCode: (challengeId: string) =>
      call<ChallengeResponse>(`${challenge(challengeId)}/resend`, { method: 'POST', body: page }),
    verifyCode: (challengeId: string, code: string) =>
      signIn(`${challenge(challengeId)}/verify`, { code }),
    /** Trades the host page's identity token for a session (see shared/api/auth IdentifyRequest). */
    identify: (token: string) => signIn('/v1/auth/identify', { token } satisfies IdentifyRequest),
    /** Trades the Shopify app proxy's one-time grant for a session (shared/api/auth GrantRequest). */
    redeemGrant: (grant: string) => signIn('/v1/auth/grant', { grant } satisfies GrantRequest),
    session: () => call<SessionInfo>('/v1/auth/session'),
    async signOut(): Promise<Result<void>> {
      const result = await call<void>('/v1/auth/session', {
        method: 'DELETE',
        reportSessionEnd: false,
      })
      // Signing out on this device must not depend on the server answering.
      tokens.clear()
      return result
    },
    hasSession: () => tokens.get() !== null,
    // `locale` also names country names in addresses; money and dates are formatted here.
    orders: (locale: string, limit: number, cursor?: string) =>
      call<OrderListResponse>(
        `/v1/orders?${new URLSearchParams({ locale, limit: String(limit), ...(cursor ? { cursor } : {}) })}`,
      ),
    order: (id: string, locale: string) =>
      call<{ order: OrderView }>(`${order(id)}?${new URLSearchParams({ locale })}`),
    exchangeOptions: (orderId: string, lineItemId: string) =>
      call<ExchangeOptions>(
        `${order(orderId)}/lines/${encodeURIComponent(lineItemId)}/exchange-options`,
      ),
    fileRequest: (orderId: string, request: FileRequest, key: string) =>
      post<RequestFiled>(`${order(orderId)}/requests`, request, key),
    contact: (message: ContactMessage, key: string) =>
      post<RequestFiled>('/v1/contact', message, key),
    rateTicket: (ticketId: string, body: { score: number; comment?: string }) =>
      call(`/v1/tickets/${encodeURIComponent(ticketId)}/rating`, { method: 'POST', body }),
  }
}

export type ApiClient = ReturnType<typeof createApiClient>

import type {
  AvailabilityResponse,
  CurrentConversationResponse,
  OfflineMessageRequest,
  PostMessageResponse,
  StartVisitorResponse,
  StreamTicketResponse,
} from '@porchlight/shared/api/chat'
import type { ApiError, PanelErrorCode, Result } from '../api-client.ts'
import { createTokenStore, createVisitorTokenStore } from '../session-token.ts'

/**
 * The shopper's chat calls. The bearer is the signed-in session when there is one, else the
 * anonymous visitor token from `POST /v1/conversations/visitors`; both stay in this iframe.
 */
export function createChatApi(storeKey: string) {
  const session = createTokenStore(storeKey)
  const visitor = createVisitorTokenStore(storeKey)

  async function call<T>(method: string, path: string, body?: unknown): Promise<Result<T>> {
    const headers: Record<string, string> = { 'X-Porchlight-Key': storeKey }
    const token = session.get() ?? visitor.get()
    if (token !== null) headers['Authorization'] = `Bearer ${token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    let res: Response
    try {
      res = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch {
      return { ok: false, error: { code: 'network', message: 'No answer', status: 0 } }
    }
    let json: any
    try {
      json = res.status === 204 ? undefined : await res.json()
    } catch {
      json = undefined
    }
    if (res.ok) return { ok: true, value: json as T }
    const e = json?.error
    const error: ApiError = {
      code: typeof e?.code === 'string' ? (e.code as PanelErrorCode) : 'unknown',
      message: typeof e?.message === 'string' ? e.message : `HTTP ${res.status}`,
      status: res.status,
    }
    const retry = e?.details?.retryAfterSeconds
    if (typeof retry === 'number') error.retryAfterSeconds = retry
    // A visitor token the server forgot (expired after 7 days): ask for name and email again.
    if (res.status === 401 && session.get() === null) visitor.clear()
    return { ok: false, error }
  }

  const base = '/v1/conversations'
  return {
    hasToken: () => (session.get() ?? visitor.get()) !== null,
    signedIn: () => session.get() !== null,
    async startVisitor(name: string, email: string): Promise<Result<StartVisitorResponse>> {
      const result = await call<StartVisitorResponse>('POST', `${base}/visitors`, { name, email })
      if (result.ok) visitor.set(result.value.token)
      return result
    },
    /** After sign-in: hand the visitor's conversations to the verified identity, once. */
    async linkVisitor(): Promise<void> {
      const token = visitor.get()
      if (token === null || session.get() === null) return
      const result = await call('POST', `${base}/link`, { visitorToken: token })
      // Linked, or refused for good (another identity): either way the visitor token is done.
      if (result.ok || result.error.status === 409 || result.error.status === 401) visitor.clear()
    },
    current: () => call<CurrentConversationResponse>('GET', `${base}/current`),
    send: (text: string, clientId: string, locale: string) =>
      call<PostMessageResponse>('POST', `${base}/current/messages`, { text, clientId, locale }),
    read: (throughSeq: number) =>
      call<{ readSeq: number }>('POST', `${base}/current/read`, { throughSeq }),
    availability: () => call<AvailabilityResponse>('GET', `${base}/availability`),
    rate: (conversationId: string, body: { score: number; comment?: string }) =>
      call('POST', `${base}/${encodeURIComponent(conversationId)}/rating`, body),
    offline: (body: OfflineMessageRequest) =>
      call<{ ticketNumber: number }>('POST', `${base}/offline`, body),
    async ticketUrl(): Promise<string | null> {
      const result = await call<StreamTicketResponse>('POST', `${base}/stream-tickets`)
      return result.ok ? result.value.url : null
    },
  }
}

export type ChatApi = ReturnType<typeof createChatApi>

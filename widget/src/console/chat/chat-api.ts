import type {
  AgentConversation,
  ChatMessage,
  StreamTicketResponse,
} from '@porchlight/shared/api/chat'
import type { ConsoleApi } from '../api.ts'

export interface ConversationView {
  conversation: AgentConversation
  messages: ChatMessage[]
  hasMore: boolean
  nextId: string | null
}

const BASE = '/v1/agent/conversations'
const path = (id: string) => `${BASE}/${encodeURIComponent(id)}`

/** The console's chat calls, over the console API's session and CSRF handling. */
export function chatApi(api: ConsoleApi) {
  return {
    conversation: (id: string) => api.request<ConversationView>('GET', path(id)),
    send: (id: string, text: string, clientId: string) =>
      api.request<{ conversation: AgentConversation; message: ChatMessage }>(
        'POST',
        `${path(id)}/messages`,
        { text, clientId },
      ),
    read: (id: string, throughSeq: number) =>
      api.request<{ readSeq: number }>('POST', `${path(id)}/read`, { throughSeq }),
    typing: (id: string) => api.request<void>('POST', `${path(id)}/typing`),
    end: (id: string) =>
      api.request<{ conversation: AgentConversation }>('POST', `${path(id)}/close`),
    async ticketUrl(): Promise<string | null> {
      try {
        return (await api.request<StreamTicketResponse>('POST', `${BASE}/stream-tickets`)).url
      } catch {
        return null
      }
    },
  }
}

export type ChatApi = ReturnType<typeof chatApi>

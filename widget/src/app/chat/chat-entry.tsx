import type { CurrentConversationResponse } from '@porchlight/shared/api/chat'
import { useEffect, useState } from 'preact/hooks'
import { lazyScreen } from '../lazy-screen.tsx'
import { useI18n } from '../locale.ts'
import { createTokenStore, createVisitorTokenStore } from '../session-token.ts'

/**
 * The little of the chat that the first paint needs: whether a conversation is waiting (then
 * the panel opens on it), the "Chat with us" button, and a lazy door to the chat screen. The
 * chat itself (thread, composer, stream) is a separate chunk, fetched when first needed.
 */
const chat = lazyScreen(
  () => import('./chat-screen.tsx').then((m) => m.ChatScreen),
  ['later', 'chat'],
)

export interface ChatEntry {
  open: boolean
  setOpen(open: boolean): void
  /** The first `current` answer, handed to the chat so it is not fetched twice. */
  initial: CurrentConversationResponse | undefined
}

/**
 * Opens the chat at start when the shopper has a current conversation. None (never chatted, or
 * the last one reverted after 24 hours): the panel stays on the portal home.
 */
export function useChatEntry(storeKey: string): ChatEntry {
  const [open, setOpen] = useState(false)
  const [initial, setInitial] = useState<CurrentConversationResponse>()
  useEffect(() => {
    // A shopper with no token (never signed in nor chatted) has no conversation to open: the
    // chat's calls are left out of the first view and fetched only for those who may have one.
    const token = createTokenStore(storeKey).get() ?? createVisitorTokenStore(storeKey).get()
    if (token === null) return
    let live = true
    void import('./chat-api.ts')
      .then(({ createChatApi }) => createChatApi(storeKey).current())
      .then((r) => {
        if (!live || !r.ok || r.value.conversation === null) return
        setInitial(r.value)
        setOpen(true)
      })
      .catch(() => {})
    return () => {
      live = false
    }
  }, [storeKey])
  return { open, setOpen, initial }
}

export function ChatButton(props: { onOpen: () => void }) {
  const { t } = useI18n()
  return (
    <div class="actions chat-entry">
      <button type="button" class="secondary" onClick={props.onOpen} onPointerEnter={chat.prefetch}>
        {t('chat.entry')}
      </button>
    </div>
  )
}

/** The chat screen, once its chunk is here. */
export const ChatView = chat.Screen

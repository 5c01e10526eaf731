import type { ChatMessage } from '@porchlight/shared/api/chat'
import { useRef, useState } from 'preact/hooks'
import { useAnnounce } from '../announce.tsx'
import { errorMessage } from '../messages.ts'
import type { ChatApi } from './chat-api.ts'
import { useSavedReplyPicker, type FillContext } from '../saved-reply-picker.tsx'

// The shopper shows "typing" for 6 s per signal: one every 4 s keeps it on without a gap.
const TYPING_EVERY_MS = 4000

let sent = 0
const newClientId = () => `a${Date.now().toString(36)}${(sent++).toString(36)}`

/** The agent's answer box: Enter sends, Shift+Enter adds a line; typing is signalled, throttled. */
export function ReplyBox(props: {
  chat: ChatApi
  conversationId: string
  onSent: (message: ChatMessage) => void
  fill?: FillContext | undefined
}) {
  const announce = useAnnounce()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const lastTyping = useRef(0)
  // Kept across a failed try, so a retry of the same words is stored once.
  const pendingId = useRef<string | null>(null)
  const picker = useSavedReplyPicker(props.fill, text, setText, 'chat-reply-body')

  async function send() {
    const body = text.trim()
    if (body === '' || busy) return
    pendingId.current ??= newClientId()
    setBusy(true)
    try {
      const res = await props.chat.send(props.conversationId, body, pendingId.current)
      pendingId.current = null
      lastTyping.current = 0
      setText('')
      setError(null)
      props.onSent(res.message)
      announce('Message sent.')
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      class="chat-reply"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void send()
      }}
    >
      <label for="chat-reply-body">Answer in the chat</label>
      <textarea
        id="chat-reply-body"
        rows={3}
        maxLength={5000}
        value={text}
        aria-describedby="chat-reply-hint"
        {...(props.fill ? picker.fieldProps : {})}
        onInput={(e) => {
          setText(e.currentTarget.value)
          pendingId.current = null
          const now = Date.now()
          if (now - lastTyping.current >= TYPING_EVERY_MS) {
            lastTyping.current = now
            props.chat.typing(props.conversationId).catch(() => {})
          }
        }}
        onKeyDown={(e) => {
          if (picker.onKeyDown(e)) return
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault()
            void send()
          }
        }}
      />
      {picker.list}
      <small id="chat-reply-hint" class="muted">
        Enter sends, Shift+Enter adds a line. The shopper sees it live.
        {props.fill && ' Type / for saved replies.'}
      </small>
      {error !== null && <p class="field-error">{error}</p>}
      <button type="submit" class="primary" disabled={busy}>
        Send
      </button>
    </form>
  )
}

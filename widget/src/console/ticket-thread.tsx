import { ReplyBox } from './chat/reply-box.tsx'
import { useConversation } from './chat/use-conversation.ts'
import { Composer } from './composer.tsx'
import { replyRoute } from './format.ts'
import { HeldReplies } from './mail-replies.tsx'
import { fillContext } from './saved-reply-picker.tsx'
import { TextForm } from './text-form.tsx'
import type { PaneProps } from './ticket-page.tsx'
import { ThreadView } from './thread-view.tsx'

/**
 * The middle of the ticket page: the thread, the emailed replies held for an agent, and the
 * composer. A chat ticket's reply goes into the chat (live); any other ticket's by email or text.
 */
export function TicketThread(
  props: PaneProps & {
    /** Bumped when the ticket changed elsewhere: the held replies read themselves again. */
    liveTick: number
    onLive: () => void
    /** Shows the thread's pane when a composer tab is chosen (r or n while the order shows). */
    onShow?: () => void
  },
) {
  const { view, order, api, me, run, busy } = props
  const t = view.ticket
  const isChat = t.type === 'chat'
  const convo = useConversation(api, isChat ? view.conversationId : null, isChat)
  const fill = fillContext(api, t, order)
  const route = replyRoute(t.shopper)
  const c = convo.conversation

  let reply
  if (!isChat) {
    reply = (
      <TextForm
        id="reply"
        title="Reply to the shopper"
        hint={
          route === null
            ? 'The shopper left no email or phone: a reply cannot reach them.'
            : `Sent to the shopper ${route}.`
        }
        submit="Send reply"
        bare
        busy={busy}
        savedReplies={fill}
        onSubmit={(body) => run(async () => api.reply(t.id, body), 'Reply sent.')}
      />
    )
  } else if (c?.status === 'open') {
    reply = <ReplyBox chat={convo.chat} conversationId={c.id} fill={fill} onSent={convo.sent} />
  } else {
    reply = (
      <p class="muted">
        {c === null
          ? 'The chat’s answer box appears once the conversation is here.'
          : 'The chat has ended: the shopper starts a new one by writing again.'}
      </p>
    )
  }

  return (
    <>
      <ThreadView
        ticket={t}
        order={order}
        history={view.history}
        me={me}
        chat={isChat ? convo : null}
      />
      <HeldReplies api={api} ticketId={t.id} version={props.liveTick} onAccepted={props.onLive} />
      <Composer
        onShow={props.onShow}
        reply={reply}
        note={
          <TextForm
            id="note"
            title="Add an internal note"
            hint="Only agents see notes."
            submit="Add note"
            bare
            busy={busy}
            onSubmit={(body) => run(async () => api.note(t.id, body), 'Note added.')}
          />
        }
      />
    </>
  )
}

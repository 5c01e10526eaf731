import type { TicketJson } from '@porchlight/shared/api/agent'
import type { SavedReply, SavedReplyVariable } from '@porchlight/shared/api/saved-replies'
import { fillSavedReply } from '@porchlight/shared/chat/saved-replies'
import { useEffect, useState } from 'preact/hooks'
import type { ConsoleApi } from './api.ts'
import type { OrderView } from './order-reader.ts'

/** What a saved reply is filled with: the shopper's language and the ticket's values. */
export interface FillContext {
  api: ConsoleApi
  locale: string
  values: Partial<Record<SavedReplyVariable, string | null>>
}

/** The values of a ticket (and its order, when the store has it) for the reply variables. */
export function fillContext(api: ConsoleApi, t: TicketJson, order: OrderView | null): FillContext {
  return {
    api,
    locale: t.shopper.locale,
    values: {
      'shopper.firstName': t.shopper.name?.trim().split(/\s+/)[0] ?? null,
      'order.number': t.order?.name ?? null,
      'order.trackingUrl':
        order?.shipments.find((s) => s.trackingUrl !== null)?.trackingUrl ?? null,
      // The ticket's reference as the API gives it, whatever form references take.
      'ticket.reference': t.reference,
    },
  }
}

// "/" at the start or after a space, then what the agent typed of a shortcut, up to the end.
const TOKEN = /(^|\s)\/([a-z0-9-]*)$/

/**
 * Typing `/` in a reply box lists the store's saved replies matching what follows; the arrow
 * keys choose, Enter or Tab inserts it filled in, Escape closes the list and keeps the text.
 */
export function useSavedReplyPicker(
  fill: FillContext | undefined,
  text: string,
  setText: (text: string) => void,
  fieldId: string,
) {
  const [replies, setReplies] = useState<SavedReply[]>([])
  const [active, setActive] = useState(0)
  const [dismissed, setDismissed] = useState<string | null>(null)
  const api = fill?.api
  useEffect(() => {
    if (api === undefined) return
    api.request<{ replies?: SavedReply[] }>('GET', '/v1/agent/saved-replies').then(
      (r) => setReplies(Array.isArray(r?.replies) ? r.replies : []),
      () => setReplies([]),
    )
  }, [api])

  const query = TOKEN.exec(text)?.[2]
  const matches =
    fill === undefined || query === undefined || dismissed === text
      ? []
      : replies
          .filter(
            (r) =>
              r.shortcut.startsWith(query) ||
              r.title
                .toLowerCase()
                .split(/\s+/)
                .some((word) => word.startsWith(query)),
          )
          .slice(0, 8)
  const open = matches.length > 0
  const at = Math.min(active, matches.length - 1)
  const listId = `${fieldId}-saved`

  const insert = (reply: SavedReply) => {
    if (fill === undefined || query === undefined) return
    setText(
      text.slice(0, text.length - query.length - 1) +
        fillSavedReply(reply, fill.locale, fill.values),
    )
    setActive(0)
  }

  return {
    /** Call first from the field's keydown; true when the list used the key. */
    onKeyDown(e: KeyboardEvent): boolean {
      if (!open) return false
      const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0
      if (step !== 0) setActive((at + step + matches.length) % matches.length)
      else if (e.key === 'Enter' || e.key === 'Tab') insert(matches[at] as SavedReply)
      else if (e.key === 'Escape') setDismissed(text)
      else return false
      e.preventDefault()
      e.stopPropagation()
      return true
    },
    fieldProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open ? `${listId}-${at}` : undefined,
    },
    list: open ? (
      <ul id={listId} role="listbox" class="saved-replies" aria-label="Saved replies">
        {matches.map((r, i) => (
          <li
            key={r.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === at}
            onMouseDown={(e) => {
              // Keep the focus in the field.
              e.preventDefault()
              insert(r)
            }}
          >
            <strong>/{r.shortcut}</strong> {r.title}
          </li>
        ))}
      </ul>
    ) : null,
  }
}

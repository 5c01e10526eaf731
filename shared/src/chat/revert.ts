/**
 * The 24-hour revert. A conversation whose last word is the agent's, left unanswered by the
 * shopper for the store's revert period, is over for the shopper: the widget opens on the portal
 * home, the old thread is no longer shown, and writing again starts a new conversation.
 *
 * System messages (request created, order status changed) are nobody's word: they neither
 * prolong the wait nor end it, so they are skipped when looking for the last word.
 */

export const DEFAULT_REVERT_HOURS = 24

/** Who wrote a message or acted on a ticket: the shopper, an agent, or Porchlight itself. */
export const AUTHOR_KINDS = ['shopper', 'agent', 'system'] as const
export type ChatAuthorKind = (typeof AUTHOR_KINDS)[number]

export interface RevertMessage {
  authorKind: ChatAuthorKind
  /** When the message was posted. */
  at: Date
}

export type RevertDecision =
  /** Over for the shopper since `since`. */
  | { reverted: true; since: Date }
  /** Still shown; `at` is when it will revert if nobody writes, or null when it never will. */
  | { reverted: false; at: Date | null }

/** The store's revert period in hours from `settings.chat.revertHours`, or the default. */
export function revertHoursFrom(settings: Record<string, unknown>): number {
  const chat = settings['chat']
  const hours =
    typeof chat === 'object' && chat !== null
      ? (chat as Record<string, unknown>)['revertHours']
      : undefined
  // A nonsense setting must not make every chat vanish at once (0) or never (Infinity).
  return typeof hours === 'number' && Number.isFinite(hours) && hours > 0 && hours <= 24 * 90
    ? hours
    : DEFAULT_REVERT_HOURS
}

/** Decides whether a conversation has reverted to the portal for the shopper at `now`. */
export function decideRevert(
  messages: readonly RevertMessage[],
  now: Date,
  revertHours: number = DEFAULT_REVERT_HOURS,
): RevertDecision {
  let last: RevertMessage | undefined
  for (const m of messages) {
    if (m.authorKind === 'system') continue
    // Messages may come in any order; the latest word wins, and on a tie the shopper's, so a
    // reply in the same millisecond as the agent's never loses the thread.
    if (
      last === undefined ||
      m.at.getTime() > last.at.getTime() ||
      (m.at.getTime() === last.at.getTime() && m.authorKind === 'shopper')
    ) {
      last = m
    }
  }
  if (last === undefined || last.authorKind !== 'agent') return { reverted: false, at: null }
  const at = new Date(last.at.getTime() + revertHours * 3600_000)
  return now.getTime() >= at.getTime() ? { reverted: true, since: at } : { reverted: false, at }
}

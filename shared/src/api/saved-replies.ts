/**
 * A store's saved replies: canned answers agents insert from the composer (type `/`), with
 * variables filled from the ticket, in the shopper's language when a translation exists.
 *
 *   GET    /v1/agent/saved-replies        -> { replies: SavedReply[] }   (every agent)
 *   POST   /v1/agent/saved-replies        SavedReplyInput -> 201 { reply } (owners only)
 *   PUT    /v1/agent/saved-replies/:id    SavedReplyInput -> { reply }     (owners only)
 *   DELETE /v1/agent/saved-replies/:id    -> 204                           (owners only)
 */

/** The variables a reply may hold, as `{{name}}`; anything else is refused when saved. */
export const SAVED_REPLY_VARIABLES = [
  'shopper.firstName',
  'order.number',
  'order.trackingUrl',
  'ticket.reference',
] as const
export type SavedReplyVariable = (typeof SAVED_REPLY_VARIABLES)[number]

/** Lower-case letters, digits and dashes: what an agent types after `/`. */
export const SHORTCUT_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/

export interface SavedReplyInput {
  shortcut: string
  title: string
  body: string
  /** Bodies by language tag (`fr`, `pt-BR`); the shopper's language picks one. */
  translations?: Record<string, string>
}

export interface SavedReply {
  id: string
  shortcut: string
  title: string
  body: string
  translations: Record<string, string>
  updatedAt: string
}

/** Stable error codes of the saved-reply routes (in `{ error: { code } }`). */
export const SAVED_REPLY_ERROR_CODES = [
  'saved_reply_not_found', // 404
  'saved_reply_shortcut_taken', // 409: another reply of the store has this shortcut
] as const
export type SavedReplyErrorCode = (typeof SAVED_REPLY_ERROR_CODES)[number]

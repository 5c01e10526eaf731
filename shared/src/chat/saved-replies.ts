import {
  SAVED_REPLY_VARIABLES,
  type SavedReply,
  type SavedReplyVariable,
} from '../api/saved-replies.ts'

const VARIABLE = /\{\{\s*([A-Za-z.]+)\s*\}\}/g

/** The `{{…}}` names in a text that are not saved-reply variables (empty: the text is fine). */
export function unknownVariables(text: string): string[] {
  const known = SAVED_REPLY_VARIABLES as readonly string[]
  return [...text.matchAll(VARIABLE)].map((m) => m[1] ?? '').filter((name) => !known.includes(name))
}

/** The body in the shopper's language: exact tag, then its language, then the reply's own. */
export function replyBodyFor(reply: Pick<SavedReply, 'body' | 'translations'>, locale: string) {
  const lower = Object.fromEntries(
    Object.entries(reply.translations).map(([tag, body]) => [tag.toLowerCase(), body]),
  )
  const tag = locale.toLowerCase()
  return lower[tag] ?? lower[tag.split('-')[0] ?? ''] ?? reply.body
}

/**
 * A saved reply ready to send: its body in the shopper's language with each variable filled;
 * a variable with no value (a ticket without an order) becomes empty rather than `{{…}}`.
 */
export function fillSavedReply(
  reply: Pick<SavedReply, 'body' | 'translations'>,
  locale: string,
  values: Partial<Record<SavedReplyVariable, string | null>>,
): string {
  return replyBodyFor(reply, locale).replace(VARIABLE, (whole, name: string) => {
    if (!(SAVED_REPLY_VARIABLES as readonly string[]).includes(name)) return whole
    return values[name as SavedReplyVariable] ?? ''
  })
}

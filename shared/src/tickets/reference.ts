/**
 * The visible form of a ticket's per-store number. Orders are "#1001" in every store we know,
 * so a ticket shown as "#1002" read as a second order ("request #1002 to cancel order #1001");
 * its own prefix makes the two impossible to confuse, in any language.
 */
const PREFIX = 'T-'

/** "T-1002" for ticket number 1002: the one way a ticket is named to shoppers and agents. */
export function ticketReference(number: number): string {
  return `${PREFIX}${number}`
}

/**
 * The ticket number a search names, or undefined: "T-1002", "t1002", "#1002" (the old form,
 * still in shoppers' mailboxes) and a bare "1002" all name ticket 1002.
 */
export function ticketNumberIn(search: string): number | undefined {
  const m = /^\s*(?:t-?|#)?\s*(\d{1,15})\s*$/i.exec(search)
  if (m === null) return undefined
  const n = Number(m[1])
  return Number.isSafeInteger(n) ? n : undefined
}

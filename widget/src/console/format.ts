/** Words and numbers as agents read them. Labels for unknown values fall back to the raw code. */
import type { TicketJson } from '@porchlight/shared/api/agent'
import { enForms } from '@porchlight/shared/i18n/en-forms'

const LABELS: Record<string, string> = {
  return: 'Return',
  cancel: 'Cancel',
  issue: 'Issue',
  address_change: 'Address change',
  contact: 'Contact',
  chat: 'Chat',
  open: 'Open',
  pending: 'Pending',
  resolved: 'Resolved',
  closed: 'Closed',
  requested: 'Requested',
  approved: 'Approved',
  declined: 'Declined',
  pending_release: 'Refund pending release',
  released: 'Refund released',
  cancelled: 'Cancelled',
  'help-center': 'Help center',
  'contact-form': 'Contact form',
  console: 'Console',
  api: 'API',
}

// The store's default reasons, in the words the panel shows shoppers ("It doesn’t fit"), so a
// ticket reads the same on both sides.
const REASONS: Record<string, string> = Object.fromEntries(
  Object.entries(enForms)
    .filter(([key]) => key.startsWith('reason.'))
    .map(([key, words]) => [key.slice('reason.'.length), String(words)]),
)

/** A readable label for a status, type, channel or default reason code. */
export function label(code: string | null | undefined): string {
  if (!code) return '—'
  const words = code.replace(/_/g, ' ')
  return LABELS[code] ?? REASONS[code] ?? words.charAt(0).toUpperCase() + words.slice(1)
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

/** A timestamp in the agent's time zone; a bare date ("2026-01-14") as that calendar day. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return '—'
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateOnly.format(t) : dateTime.format(t)
}

/** How long ago, compactly: "5 min", "3 h", "2 d". */
export function formatAge(iso: string, now: number): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return '—'
  const minutes = Math.max(0, Math.floor((now - t) / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h`
  return `${Math.floor(hours / 24)} d`
}

/** Minor units to a currency string; falls back to plain numbers for unknown currencies. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(
      amount / 10 ** fractionDigits(currency),
    )
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency}`
  }
}

/** Decimal places of a currency (2 for EUR, 0 for JPY), for converting to minor units. */
export function fractionDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/**
 * How the server sends a reply to a request or a message (server/src/services/tickets/replies.ts):
 * by email when it has one, else by text message; never through the chat, even when the request
 * was filed in the chat panel. Null when the shopper left no way to reach them.
 */
export function replyRoute(shopper: TicketJson['shopper']): string | null {
  if (shopper.identity?.kind === 'email' || shopper.email) return 'by email'
  if (shopper.identity?.kind === 'phone') return 'by text message'
  return null
}

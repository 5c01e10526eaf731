import type { RequestType } from '../../../api/requests.ts'
import type { MailLocale } from '../messages.ts'
import { ar } from './ar.ts'
import { de } from './de.ts'
import { en } from './en.ts'
import { es } from './es.ts'
import { fr } from './fr.ts'
import type { TicketMailCatalog, TicketTexts } from './types.ts'

export type { TicketMailCatalog, TicketTexts } from './types.ts'

// Kept beside the sign-in catalogs rather than inside them, so ticket messages can grow
// without touching the sign-in texts; same languages, same `{name}` marks.
const catalogs: Record<MailLocale, TicketMailCatalog> = { en, fr, es, de, ar }

/** The ticket-message texts of one language. */
export function ticketMailCatalog(locale: MailLocale): TicketMailCatalog {
  return catalogs[locale]
}

/** The text key for a decision on a request of `type`. */
export function decisionTextKey(
  type: RequestType,
  decision: 'approved' | 'declined',
): keyof TicketTexts {
  const kind = type === 'address_change' ? 'addressChange' : type
  return `${kind}${decision === 'approved' ? 'Approved' : 'Declined'}` as keyof TicketTexts
}

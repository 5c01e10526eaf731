/**
 * Texts of the messages a shopper gets about their ticket, in one language. `{name}` marks a
 * value filled in when sending: `{store}`, `{order}` (order number, or the ticket reference
 * when there is no order), `{reference}` (ticket, e.g. "#1042"), `{amount}` (formatted money).
 */
export interface TicketMailCatalog {
  dir: 'ltr' | 'rtl'
  /** Email subjects, one per kind of message. */
  subject: TicketTexts
  /** First paragraph of the message (email and text message alike). */
  lead: TicketTexts
  /** Money went back to the shopper's payment method; `{amount}`. */
  refundReleased: string
  /** A paid cancellation whose refund the store has not confirmed yet. */
  refundPending: string
  /** A return refunded once the items arrive. */
  refundOnReceipt: string
  /** Line before the agent's own words (a decision's reason); `{store}`. */
  noteFrom: string
  /** `{reference}`. */
  referenceLine: string
  /** Why the shopper gets this email; `{store}`. */
  footer: string
  /** Before the rating link of a resolution email; `{store}`. */
  ratePrompt: string
  /** The rating link's text. */
  rateAction: string
  /** The page the rating link opens; `{store}`, `{reference}`. */
  ratingPage: RatingPageTexts
}

export interface RatingPageTexts {
  heading: string
  about: string
  legend: string
  commentLabel: string
  submit: string
  thanksTitle: string
  thanksText: string
  alreadyTitle: string
  alreadyText: string
  pickTitle: string
  pickText: string
  expiredTitle: string
  expiredText: string
  invalidTitle: string
  invalidText: string
}

export interface TicketTexts {
  cancelApproved: string
  cancelDeclined: string
  returnApproved: string
  returnDeclined: string
  addressChangeApproved: string
  addressChangeDeclined: string
  issueApproved: string
  issueDeclined: string
  /** An agent's reply; the reply's text follows. */
  reply: string
  /** A refund or a gesture of goodwill; `{amount}`. */
  refund: string
}

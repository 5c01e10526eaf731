/**
 * Texts of the messages about a return after its approval, in one language. Marks: `{order}`,
 * `{rma}` (the return reference), `{amount}` (formatted money).
 */
export interface ReturnMailCatalog {
  /** Before the return address lines. */
  sendTo: string
  /** `{rma}`. */
  rmaLine: string
  /** The label link's text. */
  labelAction: string
  /** When there is no label yet. */
  labelLater: string
  labelReadySubject: string
  /** `{order}`. */
  labelReadyLead: string
  receivedSubject: string
  /** `{order}`. */
  receivedLead: string
  /** Part of the return is still expected. */
  receivedPartly: string
  /** `{amount}`. */
  receivedRefund: string
}

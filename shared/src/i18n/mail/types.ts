/** Texts of outgoing messages in one language. `{name}` marks a value filled in when sending. */
export interface MailCatalog {
  /** Writing direction, for the HTML body. */
  dir: 'ltr' | 'rtl'
  signInCode: {
    /** Email subject; `{store}`. */
    subject: string
    /** Line before the code; `{store}`. */
    intro: string
    /** `{minutes}`. */
    expiry: string
    /** What to do when the shopper did not ask. */
    ignore: string
    /** Anti-phishing line; `{store}`. */
    warning: string
    /** Text message before the origin-bound last line; `{code}`, `{store}`, `{minutes}`. */
    sms: string
  }
  /** Acknowledgement of a request or contact message (no decision, no promise of a refund). */
  requestAck: {
    /** Email subject; `{store}`, `{reference}`. */
    subject: string
    /** First line for a return request; `{reference}`, `{order}`. */
    return: string
    /** First line for a cancellation request; `{reference}`, `{order}`. */
    cancel: string
    /** First line for an address change request; `{reference}`, `{order}`. */
    address_change: string
    /** First line for an issue report; `{reference}`, `{order}`. */
    issue: string
    /** First line for a contact message; `{reference}`. */
    contact: string
    /** First line for a contact message about an order; `{reference}`, `{order}`. */
    contactOrder: string
    /** What happens to a request next: reviewed, no outcome promised; `{store}`. */
    review: string
    /** What happens to a contact message next; `{store}`. */
    reply: string
    /** How to refer to it later; `{reference}`. */
    keep: string
    /** Text message for a request; `{store}`, `{reference}`, `{order}`. */
    sms: string
    /** Text message for a contact message; `{store}`, `{reference}`. */
    smsContact: string
  }
}

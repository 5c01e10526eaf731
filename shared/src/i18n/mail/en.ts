import type { MailCatalog } from './types.ts'

export const en: MailCatalog = {
  dir: 'ltr',
  signInCode: {
    subject: 'Your sign-in code for {store}',
    intro: 'Use this code to sign in to {store}:',
    expiry: 'It expires in {minutes} minutes and works only once.',
    ignore:
      'If you did not ask for this code, you can ignore this email: nobody can sign in without it.',
    warning: 'Never share this code. {store} will never ask you for it.',
    sms: '{code} is your {store} sign-in code. It expires in {minutes} minutes. Do not share it.',
  },
  requestAck: {
    subject: '{store}: we received your request {reference}',
    return: 'We received your return request {reference} for order {order}.',
    cancel: 'We received your request {reference} to cancel order {order}.',
    address_change:
      'We received your request {reference} to change the delivery address of order {order}.',
    issue: 'We received your report {reference} about order {order}.',
    contact: 'We received your message {reference}.',
    contactOrder: 'We received your message {reference} about order {order}.',
    review: 'The {store} team will review it and get back to you.',
    reply: 'The {store} team will read it and reply to you.',
    keep: 'If you write to us about it, mention {reference}.',
    sms: '{store}: we received your request {reference} about order {order}. The team will review it and get back to you.',
    smsContact: '{store}: we received your message {reference}. The team will reply to you.',
  },
}

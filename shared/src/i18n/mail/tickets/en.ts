import type { TicketMailCatalog } from './types.ts'

export const en: TicketMailCatalog = {
  dir: 'ltr',
  subject: {
    cancelApproved: 'Order {order} is cancelled',
    cancelDeclined: 'Your cancellation request for order {order}',
    returnApproved: 'Your return for order {order} is approved',
    returnDeclined: 'Your return request for order {order}',
    issueApproved: 'Your report about order {order}',
    issueDeclined: 'Your report about order {order}',
    reply: 'Re: your request {reference} to {store}',
    refund: 'Refund of {amount} for order {order}',
  },
  lead: {
    cancelApproved:
      'Your request to cancel order {order} has been approved: the order is cancelled.',
    cancelDeclined: 'We could not accept your request to cancel order {order}.',
    returnApproved: 'Your return for order {order} has been approved.',
    returnDeclined: 'We could not accept your return request for order {order}.',
    issueApproved: 'We have accepted your report about order {order} and will follow up with you.',
    issueDeclined: 'We could not accept your report about order {order}.',
    reply: '{store} replied to your request {reference}:',
    refund: 'We have refunded {amount} for order {order}.',
  },
  refundReleased: 'A refund of {amount} is on its way to your original payment method.',
  refundPending: 'Your refund to your original payment method is being processed.',
  refundOnReceipt: 'We will refund you as soon as we receive the items.',
  noteFrom: 'A note from {store}:',
  referenceLine: 'Reference: {reference}',
  footer: 'You are receiving this email because you made a request to {store}.',
  ratePrompt: 'How did {store} do? Tell us in a few seconds.',
  rateAction: 'Rate your experience',
}

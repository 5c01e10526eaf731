import type { ReturnMailCatalog } from './types.ts'

export const en: ReturnMailCatalog = {
  sendTo: 'Send the items to:',
  rmaLine: 'Write this return reference on the parcel: {rma}',
  labelAction: 'Download your return label',
  labelLater: 'If the store provides a return label, we will send it to you.',
  labelReadySubject: 'Your return label for order {order}',
  labelReadyLead: 'Your return label for order {order} is ready.',
  receivedSubject: 'We received your return for order {order}',
  receivedLead: 'We have received the items you sent back from order {order}.',
  receivedPartly: 'Some items of your return have not arrived yet.',
  receivedRefund: 'A refund of {amount} is on its way to your original payment method.',
}

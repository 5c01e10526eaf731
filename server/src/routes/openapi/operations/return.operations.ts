import { appeasementBody, receiptBody, returnLabelBody } from '../../agent/return-actions.routes.ts'
import type { Operation } from '../operation.ts'
import { ticketView } from '../responses/agent-responses.ts'
import { exchangeOptions, refundableView, returnProgress } from '../responses/return-responses.ts'

const viewNote = 'shaped as GET /v1/agent/tickets/{id} answers'
const claimed = {
  ticket_not_found: '',
  version_conflict: 'with the fresh ticket in error.details.ticket',
  action_in_progress: 'another agent’s store action on the ticket is under way',
  store_rejected: 'the store’s message; nothing changed',
  store_unavailable: 'the store did not confirm; check it before trying again',
  store_auth_failed: '',
} as const

/** A return after its approval, and appeasements (part of one line refunded). */
export const returnOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/tickets/{id}/return',
    summary:
      'The approved return: reference, return address, label, units expected and received, steps',
    auth: 'agent',
    success: { status: 200, description: 'The return’s progress', schema: returnProgress },
    errors: { ticket_not_found: '', return_not_found: 'the ticket has no approved return' },
  },
  {
    method: 'post',
    path: '/v1/agent/tickets/{id}/return-label',
    summary:
      'Give the shopper the return label: an https link, the label the store made (fromStore: Shopify’s reverse delivery), or a PDF sent as the body (Content-Type application/pdf, ?version=)',
    auth: 'agent',
    body: returnLabelBody,
    success: {
      status: 200,
      description: `The ticket view, ${viewNote}; the shopper is told by email`,
      schema: ticketView,
    },
    errors: {
      ticket_not_found: '',
      return_not_found: '',
      version_conflict: 'with the fresh ticket in error.details.ticket',
      label_invalid: 'not a PDF, over 2 MB, or the store has no label for this return',
      store_unavailable: '',
    },
  },
  {
    method: 'post',
    path: '/v1/agent/tickets/{id}/receipts',
    summary:
      'Record units that came back, per line; the store is told in one action, which refunds those units when the store refunds on receipt',
    auth: 'agent',
    body: receiptBody,
    success: { status: 200, description: `The ticket view, ${viewNote}`, schema: ticketView },
    errors: {
      ...claimed,
      return_not_found: 'the ticket has no approved return',
      line_not_on_order: 'a line that is not part of the return',
      receipt_exceeds_return: 'more units than the return still expects; error.details.lines',
      refund_not_allowed: 'the order’s refund cannot be made',
    },
  },
  {
    method: 'post',
    path: '/v1/agent/tickets/{id}/appeasements',
    summary:
      'Refund part of one line with a reason and a comment (the comment stays with the store and the history)',
    auth: 'agent',
    body: appeasementBody,
    success: { status: 200, description: `The ticket view, ${viewNote}`, schema: ticketView },
    errors: {
      ...claimed,
      line_not_on_order: '',
      appeasement_exceeds_line: 'error.details.refundable: what the line has left',
      refund_not_allowed: 'error.details.reason: currency_mismatch, nothing_refundable, ...',
    },
  },
  {
    method: 'get',
    path: '/v1/agent/tickets/{id}/refundable',
    summary: 'What remains refundable on the ticket’s order, per line and in total',
    auth: 'agent',
    success: { status: 200, description: 'Per line and in total', schema: refundableView },
    errors: { ticket_not_found: '', order_not_found: '' },
  },
  {
    method: 'get',
    path: '/v1/agent/orders/{id}/lines/{lineItemId}/exchange-options',
    summary:
      'The variants of the same product an order line can be exchanged for, in stock now (what the shopper could pick)',
    auth: 'agent',
    success: {
      status: 200,
      description:
        'In-stock variants, the line’s own left out; none, with exchangeable false, for a line that cannot be exchanged (gift card, final sale, no product)',
      schema: exchangeOptions,
    },
    errors: {
      order_not_found: '',
      exchange_variant_not_allowed: 'the order has no such line',
      store_not_answering: '',
    },
  },
]

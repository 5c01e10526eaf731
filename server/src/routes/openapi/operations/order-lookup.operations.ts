import {
  orderExportQuery,
  orderLookupQuery,
  orderNoteBody,
  shopperMessageBody,
} from '../../agent/agent-orders.routes.ts'
import { queueQuery } from '../../agent/tickets.routes.ts'
import type { Operation } from '../operation.ts'
import {
  agentOrderView,
  orderLookupPage,
  orderNoteResponse,
  shopperMessageResponse,
} from '../responses/order-lookup-responses.ts'

const filterNotes = {
  number: 'Order number, with or without # (exact)',
  email: 'Exact, any case',
  phone: 'International form (+...), any spacing',
  firstName: 'First name on the shipping (else billing) address, exact, any case',
  lastName: 'Last name, exact, any case',
  postalCode: 'Any spacing or case',
  from: 'Created on or after this day, YYYY-MM-DD (UTC)',
  to: 'Created on or before this day, YYYY-MM-DD (UTC)',
}

/** Agents' order lookup, the order page, its notes, writing to the shopper, CSV exports. */
export const orderLookupOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/orders',
    summary: 'Search the store’s orders, with or without tickets, newest first',
    auth: 'agent',
    query: orderLookupQuery,
    queryNotes: {
      ...filterNotes,
      pageSize: '10, 20, 50 or 100',
      cursor: 'The nextCursor of the previous page',
    },
    success: {
      status: 200,
      description:
        'A page of orders matching every filter given; on Shopify a page can hold fewer rows while nextCursor still points further',
      schema: orderLookupPage,
    },
    errors: {
      invalid_cursor: '',
      store_not_answering: 'Shopify did not answer',
      customer_data_withheld: '',
    },
  },
  {
    method: 'get',
    path: '/v1/agent/orders/export.csv',
    summary: 'Every order the same filters show, as CSV (UTF-8 with BOM, streamed)',
    auth: 'agent',
    query: orderExportQuery,
    queryNotes: filterNotes,
    success: { status: 200, description: 'The CSV file', contentType: 'text/csv' },
  },
  {
    method: 'get',
    path: '/v1/agent/orders/{id}',
    summary: 'An order with its timeline and summary, its tickets and agents’ notes',
    auth: 'agent',
    success: {
      status: 200,
      description: 'order, displayStatus, timeline, detail (as on a ticket), tickets, notes',
      schema: agentOrderView,
    },
    errors: { order_not_found: 'also for another store’s order' },
  },
  {
    method: 'post',
    path: '/v1/agent/orders/{id}/notes',
    summary: 'Leave a note on an order for the other agents',
    auth: 'agent',
    body: orderNoteBody,
    success: { status: 201, description: 'The note', schema: orderNoteResponse },
    errors: { order_not_found: '' },
  },
  {
    method: 'post',
    path: '/v1/agent/orders/{id}/messages',
    summary: 'Write to the order’s shopper: opens a ticket about the order and sends the email',
    auth: 'agent',
    body: shopperMessageBody,
    success: { status: 201, description: 'The new ticket', schema: shopperMessageResponse },
    errors: { order_not_found: '', no_shopper_contact: 'the order has no email or phone' },
  },
  {
    method: 'get',
    path: '/v1/agent/tickets/export.csv',
    summary: 'The queue as its filters show it, every page, as CSV (UTF-8 with BOM, streamed)',
    auth: 'agent',
    query: queueQuery,
    queryNotes: { pageSize: 'Ignored', page: 'Ignored' },
    success: { status: 200, description: 'The CSV file', contentType: 'text/csv' },
  },
]

import type { Operation } from '../operation.ts'
import { addressChangeView } from '../responses/address-change-responses.ts'

/** An address change request, read before it is decided (the decision is the usual one). */
export const addressChangeOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/tickets/{id}/address-change',
    summary:
      'The address change a shopper asked for: the order’s address when they asked, the new one, and the fields that differ. Approve it with the decision route; the store is given the new address in one call',
    auth: 'agent',
    success: { status: 200, description: 'Both addresses', schema: addressChangeView },
    errors: {
      ticket_not_found: '',
      address_change_not_found: 'the ticket is not an address change',
    },
  },
]

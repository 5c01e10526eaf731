import type { AppDeps } from '../../deps.ts'
import type { Store } from '../../db/stores.repository.ts'
import {
  findAddressChange,
  type AddressChange,
} from '../../db/ticket-address-changes.repository.ts'
import { requireTicket } from './ticket-page.ts'

/**
 * The addresses of one of the store's tickets: 404 ticket_not_found for another store's ticket
 * (the same answer as an unknown one), undefined for a ticket that is not an address change.
 */
export async function requestedAddressChange(
  deps: Pick<AppDeps, 'db'>,
  store: Pick<Store, 'id'>,
  ticketId: string,
): Promise<AddressChange | undefined> {
  const ticket = await requireTicket(deps, store.id, ticketId)
  return findAddressChange(deps.db, store.id, ticket.id)
}

import type { Insertable, Selectable } from 'kysely'

/** Orders of demo stores: the normalized order as JSON, with its lookup columns beside it. */
export interface DemoOrdersTable {
  store_id: string
  id: string
  name: string
  /** Lower-cased email of the order, or null. */
  email: string | null
  /** E.164 phone of the order, or null. */
  phone: string | null
  /** Lower-cased first and last name of the shipping (else billing) address, for lookups. */
  first_name: string | null
  last_name: string | null
  /** Postal code of the same address, upper case without spaces. */
  postal_code: string | null
  created_at: number
  updated_at: number
  /** Bumped on every change; writes check it so two agents cannot overwrite each other. */
  version: number
  /** The `Order` as JSON. */
  data: string
  /** JSON array of merchant-side notes (restocks, staff notes); never shown to shoppers. */
  staff_log: string
}

export type DemoOrderRow = Selectable<DemoOrdersTable>
export type NewDemoOrderRow = Insertable<DemoOrdersTable>

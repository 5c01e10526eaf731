import type { Selectable } from 'kysely'

/** The demo store's stock of a variant once it moved from the catalogue's starting level. */
export interface DemoStockTable {
  store_id: string
  variant_id: string
  available: number
  updated_at: number
}

export type DemoStockRow = Selectable<DemoStockTable>

import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** The stored stock of these variants (absent: still at the catalogue's starting level). */
export async function findDemoStock(
  db: Db,
  storeId: string,
  variantIds: string[],
): Promise<Map<string, number>> {
  if (variantIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('demo_stock')
    .select(['variant_id', 'available'])
    .where('store_id', '=', storeId)
    .where('variant_id', 'in', variantIds)
    .execute()
  return new Map(rows.map((r) => [r.variant_id, Number(r.available)]))
}

/** Sets a variant's stock outright (an operator's count, a test). */
export async function setDemoStock(
  db: Db,
  input: { storeId: string; variantId: string; available: number; now: Date },
): Promise<void> {
  await insertStockRow(db, input, true)
}

function insertStockRow(
  db: Db,
  input: { storeId: string; variantId: string; available: number; now: Date },
  overwrite: boolean,
) {
  const at = input.now.getTime()
  return db
    .insertInto('demo_stock')
    .values({
      store_id: input.storeId,
      variant_id: input.variantId,
      available: input.available,
      updated_at: at,
    })
    .onConflict((oc) => {
      const target = oc.columns(['store_id', 'variant_id'])
      return overwrite
        ? target.doUpdateSet({ available: input.available, updated_at: at })
        : target.doNothing()
    })
    .execute()
}

/**
 * Takes `quantity` units of a variant, in one conditional write: of two exchanges racing for
 * the last unit exactly one gets it. The row is made at `startingLevel` first when the variant
 * never moved. Returns false (and changes nothing) when fewer units are left.
 */
export async function takeDemoStock(
  db: Db,
  input: { storeId: string; variantId: string; quantity: number; startingLevel: number; now: Date },
): Promise<boolean> {
  const at = input.now.getTime()
  await insertStockRow(db, { ...input, available: input.startingLevel }, false)
  const taken = await db
    .updateTable('demo_stock')
    .set((eb) => ({ available: eb('available', '-', input.quantity), updated_at: at }))
    .where('store_id', '=', input.storeId)
    .where('variant_id', '=', input.variantId)
    .where('available', '>=', input.quantity)
    .executeTakeFirst()
  return Number(taken.numUpdatedRows) > 0
}

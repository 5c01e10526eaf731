import type { Kysely } from 'kysely'
import { newId } from '../ids.ts'
import type { Database } from './schema.ts'

export interface OrderNote {
  id: string
  orderId: string
  author: { id: string; name: string }
  body: string
  createdAt: number
}

/** Adds an agent's note to an order of their store. */
export async function insertOrderNote(
  db: Kysely<Database>,
  input: { storeId: string; orderId: string; authorId: string; body: string; at: Date },
): Promise<string> {
  const id = newId('on')
  await db
    .insertInto('order_notes')
    .values({
      id,
      store_id: input.storeId,
      order_id: input.orderId,
      author_id: input.authorId,
      body: input.body,
      created_at: input.at.getTime(),
    })
    .execute()
  return id
}

/** An order's notes, oldest first, with their authors' names; only this store's. */
export async function listOrderNotes(
  db: Kysely<Database>,
  storeId: string,
  orderId: string,
): Promise<OrderNote[]> {
  const rows = await db
    .selectFrom('order_notes as n')
    .innerJoin('agents as a', (j) =>
      j.onRef('a.id', '=', 'n.author_id').onRef('a.store_id', '=', 'n.store_id'),
    )
    .select(['n.id', 'n.order_id', 'n.author_id', 'a.name', 'n.body', 'n.created_at'])
    .where('n.store_id', '=', storeId)
    .where('n.order_id', '=', orderId)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    author: { id: r.author_id, name: r.name },
    body: r.body,
    createdAt: Number(r.created_at),
  }))
}

import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface StoreLogo {
  id: string
  storeId: string
  contentType: string
  bytes: Buffer
}

export async function insertStoreLogo(
  db: Kysely<Database>,
  logo: StoreLogo & { createdAt: number },
): Promise<void> {
  await db
    .insertInto('store_logos')
    .values({
      id: logo.id,
      store_id: logo.storeId,
      content_type: logo.contentType,
      data: logo.bytes.toString('base64'),
      created_at: logo.createdAt,
    })
    .execute()
}

export async function findStoreLogo(
  db: Kysely<Database>,
  id: string,
): Promise<StoreLogo | undefined> {
  const row = await db.selectFrom('store_logos').selectAll().where('id', '=', id).executeTakeFirst()
  return (
    row && {
      id: row.id,
      storeId: row.store_id,
      contentType: row.content_type,
      bytes: Buffer.from(row.data, 'base64'),
    }
  )
}

/** Whether `storeId` uploaded the logo `id` (a store may only show its own). */
export async function storeOwnsLogo(
  db: Kysely<Database>,
  storeId: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('store_logos')
    .select('id')
    .where('id', '=', id)
    .where('store_id', '=', storeId)
    .executeTakeFirst()
  return row !== undefined
}

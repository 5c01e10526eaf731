import type { Kysely, Transaction } from 'kysely'
import type { ChatVisitorRow } from './conversations.table.ts'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

export async function insertChatVisitor(db: Db, row: ChatVisitorRow): Promise<void> {
  await db.insertInto('chat_visitors').values(row).execute()
}

export async function findChatVisitorByHash(
  db: Db,
  tokenHash: string,
): Promise<ChatVisitorRow | undefined> {
  return db
    .selectFrom('chat_visitors')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function linkChatVisitor(
  db: Db,
  id: string,
  identity: { kind: 'email' | 'phone'; value: string },
): Promise<void> {
  await db
    .updateTable('chat_visitors')
    .set({ identity_kind: identity.kind, identity_value: identity.value })
    .where('id', '=', id)
    .execute()
}

/** Ids of the principals (visitors, shopper or agent sessions) that are still live at `now`. */
export async function liveSessionIds(
  db: Db,
  ids: { visitors: string[]; shoppers: string[]; agents: string[] },
  now: number,
): Promise<Set<string>> {
  const live = new Set<string>()
  const tables = [
    ['chat_visitors', ids.visitors],
    ['shopper_sessions', ids.shoppers],
    ['agent_sessions', ids.agents],
    // An agent's stream may have been opened with an API token: its id stands in the list too.
    ['agent_api_tokens', ids.agents],
  ] as const
  for (const [table, list] of tables) {
    if (list.length === 0) continue
    const rows = await db
      .selectFrom(table)
      .select('id')
      .where('id', 'in', list)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .execute()
    for (const r of rows) live.add(r.id)
  }
  return live
}

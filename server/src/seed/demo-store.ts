import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { hashPassword, verifyPassword } from '../services/agents/passwords.ts'

export const DEMO_STORE_ID = 'st_demo'
export const DEMO_WIDGET_KEY = 'pk_demo_lumen'

/**
 * Creates the demo store on first start. Idempotent: a second run changes nothing, so a
 * restart never duplicates or resets what the operator has done since.
 */
export async function seedDemoStore(db: Kysely<Database>, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('stores')
    .values({
      id: DEMO_STORE_ID,
      name: 'Lumen & Loom',
      widget_key: DEMO_WIDGET_KEY,
      allowed_origins: JSON.stringify(['http://localhost:8787', 'http://127.0.0.1:8787']),
      settings: JSON.stringify({
        theme: { color: '#7a4b2a', position: 'right' },
        defaultLocale: 'en',
      }),
      adapter_kind: 'demo',
      adapter_config: '{}',
      created_at: now.getTime(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
}

export const DEMO_AGENT = {
  email: 'agent@lumen-loom.example',
  password: 'porchlight-demo',
  name: 'Dana (demo agent)',
}

/** Seeds the demo store's agent once; the password is printed by `pnpm start`. */
export async function seedDemoAgent(db: Kysely<Database>, now: Date): Promise<boolean> {
  const existing = await db
    .selectFrom('agents')
    .select('id')
    .where('store_id', '=', DEMO_STORE_ID)
    .where('email', '=', DEMO_AGENT.email)
    .executeTakeFirst()
  if (existing !== undefined) return false
  await db
    .insertInto('agents')
    .values({
      id: 'ag_demo',
      store_id: DEMO_STORE_ID,
      email: DEMO_AGENT.email,
      name: DEMO_AGENT.name,
      password_hash: await hashPassword(DEMO_AGENT.password),
      role: 'owner',
      created_at: now.getTime(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  return true
}

/**
 * The demo agent for a production server (SEED_DEMO=true there): never the public demo
 * password. A new agent gets a random one; an agent still on the public password (a database
 * seeded in development) gets a random one instead. Returns the password to print once, or
 * undefined when the agent already had a password of its own.
 */
export async function seedDemoAgentForProduction(
  db: Kysely<Database>,
  now: Date,
): Promise<string | undefined> {
  const password = randomBytes(18).toString('base64url')
  const hash = await hashPassword(password)
  const existing = await db
    .selectFrom('agents')
    .select(['id', 'password_hash'])
    .where('store_id', '=', DEMO_STORE_ID)
    .where('email', '=', DEMO_AGENT.email)
    .executeTakeFirst()
  if (existing === undefined) {
    await db
      .insertInto('agents')
      .values({
        id: 'ag_demo',
        store_id: DEMO_STORE_ID,
        email: DEMO_AGENT.email,
        name: DEMO_AGENT.name,
        password_hash: hash,
        role: 'owner',
        created_at: now.getTime(),
      })
      .execute()
    return password
  }
  const publicPassword =
    existing.password_hash === null ||
    (await verifyPassword(DEMO_AGENT.password, existing.password_hash))
  if (!publicPassword) return undefined
  await db
    .updateTable('agents')
    .set({ password_hash: hash })
    .where('id', '=', existing.id)
    .execute()
  return password
}

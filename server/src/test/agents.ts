import { insertStore } from '../db/stores.repository.ts'
import { logInAgent } from '../services/agents/agent-sessions.ts'
import { hashPassword } from '../services/agents/passwords.ts'
import type { createTestApp } from './harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

// Every test agent has the same password: one scrypt hash serves them all, so a test that
// signs several agents in does not pay a hash each (tens of milliseconds, seconds on a busy
// machine). Signing in still checks the password for real.
let testPasswordHash: Promise<string> | undefined

/** Creates an agent in a store and signs them in; returns headers for console requests. */
export async function signInAgent(
  ctx: Ctx,
  storeId = 'st_demo',
  email = `agent-${storeId}@example.com`,
  role: 'agent' | 'owner' = 'agent',
) {
  await ctx.db
    .insertInto('agents')
    .values({
      id: `ag_${storeId}_${email.length}`,
      store_id: storeId,
      email,
      name: `Agent of ${storeId}`,
      password_hash: await (testPasswordHash ??= hashPassword('agent-password')),
      role,
      created_at: ctx.clock.now().getTime(),
    })
    .execute()
  const login = await logInAgent(ctx.db, {
    email,
    password: 'agent-password',
    storeId,
    now: ctx.clock.now(),
  })
  if (!login.ok) throw new Error(login.code)
  return {
    agentId: login.agent.id,
    read: { cookie: `pl_agent=${login.token}` },
    write: {
      cookie: `pl_agent=${login.token}`,
      'x-csrf-token': login.csrfToken,
      'content-type': 'application/json',
    },
  }
}

/** A second store, for tenant-isolation tests. */
export async function insertOtherStore(ctx: Ctx, id = 'st_other', key = 'pk_other_store') {
  await insertStore(ctx.db, {
    id,
    name: 'Other store',
    widget_key: key,
    allowed_origins: '[]',
    settings: '{}',
    adapter_kind: 'demo',
    adapter_config: '{}',
    created_at: 0,
  })
}

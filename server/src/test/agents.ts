import { randomBytes, scryptSync } from 'node:crypto'
import { insertStore } from '../db/stores.repository.ts'
import { logInAgent } from '../services/agents/agent-sessions.ts'
import type { createTestApp } from './harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

// Every test agent has the same password, hashed once per file at a low scrypt cost (N=2^10
// rather than production's 2^15). A stored hash carries its own parameters, so signing in
// still runs the real check (verifyPassword in passwords.ts) at 1/32 of the work: at full cost
// each sign-in took tens of milliseconds, and most of a second on a busy machine. Only test
// code writes such a hash; tests of the password check and of the hashing queue use real ones.
let testPasswordHash: string | undefined
function lowCostPasswordHash(password: string) {
  const [N, r, p] = [2 ** 10, 8, 1]
  const salt = randomBytes(16)
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N, r, p })
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

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
      password_hash: (testPasswordHash ??= lowCostPasswordHash('agent-password')),
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

import { describe, expect, it } from 'vitest'
import { logInAgent } from '../services/agents/agent-sessions.ts'
import { openTestDatabase, testDialect } from '../test/harness.ts'
import {
  DEMO_AGENT,
  seedDemoAgent,
  seedDemoAgentForProduction,
  seedDemoStore,
} from './demo-store.ts'

const now = new Date('2026-01-15T12:00:00Z')
const tryLogIn = (db: Awaited<ReturnType<typeof openTestDatabase>>['db'], password: string) =>
  logInAgent(db, { email: DEMO_AGENT.email, password, now })

describe(`demo agent in production (${testDialect})`, () => {
  it('gets a random password, printed once; never the public demo one', async () => {
    const { db } = await openTestDatabase()
    await seedDemoStore(db, now)
    const password = await seedDemoAgentForProduction(db, now)
    expect(password).toMatch(/^[\w-]{24}$/)
    // Before: NODE_ENV=production SEED_DEMO=true seeded the public password.
    expect((await tryLogIn(db, DEMO_AGENT.password)).ok).toBe(false)
    expect((await tryLogIn(db, password as string)).ok).toBe(true)
    expect(await seedDemoAgentForProduction(db, now)).toBeUndefined()
    expect((await tryLogIn(db, password as string)).ok).toBe(true)
  })

  it('replaces the public password of a database seeded in development', async () => {
    const { db } = await openTestDatabase()
    await seedDemoStore(db, now)
    await seedDemoAgent(db, now)
    const password = await seedDemoAgentForProduction(db, now)
    expect(password).toBeDefined()
    expect((await tryLogIn(db, DEMO_AGENT.password)).ok).toBe(false)
    expect((await tryLogIn(db, password as string)).ok).toBe(true)
  })
})

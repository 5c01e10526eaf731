import { generateSecret, generateURI, verify } from 'otplib'
import type { Kysely } from 'kysely'
import {
  clearTotp,
  findAgentTotp,
  setPendingTotp,
  takeTotpStep,
} from '../../db/agent-totp.repository.ts'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'

const STEP_SECONDS = 30
const codeShape = /^[0-9]{6}$/

/** Whether the store's owners require every agent to use a second factor. */
export function storeRequiresTotp(store: Pick<Store, 'settings'>): boolean {
  return store.settings['agentTotpRequired'] === true
}

/** Starts enrolment: a new secret and its otpauth:// URI for an authenticator app. */
export async function beginTotp(
  db: Kysely<Database>,
  agent: { agentId: string; email: string },
  storeName: string,
): Promise<{ secret: string; uri: string } | undefined> {
  const secret = generateSecret()
  if (!(await setPendingTotp(db, agent.agentId, secret))) return undefined
  const uri = generateURI({ issuer: `Porchlight ${storeName}`, label: agent.email, secret })
  return { secret, uri }
}

/**
 * Checks a code against the agent's secret (pending or live) and spends its time step, so a
 * code works once. `enableAt` turns a pending enrolment on.
 */
export async function checkTotp(
  db: Kysely<Database>,
  agentId: string,
  code: string | undefined,
  now: Date,
  enableAt?: number,
): Promise<boolean> {
  if (code === undefined || !codeShape.test(code)) return false
  const row = await findAgentTotp(db, agentId)
  if (row?.totp_secret == null) return false
  const epoch = Math.floor(now.getTime() / 1000)
  // One step of clock drift either way, as authenticator apps need.
  const result = await verify({
    secret: row.totp_secret,
    token: code,
    epoch,
    epochTolerance: STEP_SECONDS,
  })
  if (!result.valid) return false
  const step = (result as { timeStep: number }).timeStep
  return takeTotpStep(db, agentId, step, enableAt)
}

export async function totpEnabled(db: Kysely<Database>, agentId: string): Promise<boolean> {
  return (await findAgentTotp(db, agentId))?.totp_enabled_at != null
}

export { clearTotp }

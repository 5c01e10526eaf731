import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env.ts'
import { AppError } from '../errors.ts'
import type { AgentPrincipal } from '../services/agents/agent-sessions.ts'

/**
 * Agents read the store's settings; owners change them. `what` completes "Only an owner of
 * the store can ...", so each refusal says what was refused.
 */
export function assertOwner(agent: Pick<AgentPrincipal, 'role'>, what: string): void {
  if (agent.role !== 'owner') {
    throw new AppError('owner_required', `Only an owner of the store can ${what}.`)
  }
}

/** After requireAgent: only an owner of the store gets past. */
export const ownersOnly = (what: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    assertOwner(c.get('agent'), what)
    await next()
  })

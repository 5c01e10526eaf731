import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env.ts'
import { findStoreById } from '../db/stores.repository.ts'
import { AppError } from '../errors.ts'
import {
  csrfMatches,
  findAgentSession,
  type AgentPrincipal,
} from '../services/agents/agent-sessions.ts'
import { API_TOKEN_PREFIX, findApiTokenAgent } from '../services/agents/api-tokens.ts'
import { storeRequiresTotp } from '../services/agents/totp.ts'

export const AGENT_COOKIE = 'pl_agent'
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])
const enrolmentPaths = /^\/v1\/agent\/(session|logout|totp\/(setup|enable))$/

/**
 * Requires an agent: either a console session cookie or an agent API token
 * (`Authorization: Bearer plat_...`). With the cookie, state-changing requests must also carry
 * the session's CSRF token in `X-CSRF-Token`: the cookie alone (which a browser attaches to
 * forged requests too) never suffices. Browsers never send a bearer token on their own, so API
 * calls need no CSRF token. A read-only token may only use safe methods. Puts the agent and
 * their store on the context.
 */
export const requireAgent = createMiddleware<AppEnv>(async (c, next) => {
  // Route groups each guard their own routes; when two groups' guards match one request, the
  // first one's check stands (the context is per request).
  if ((c.get('agent') as AgentPrincipal | undefined) !== undefined) return next()
  const { db, clock } = c.get('deps')
  const bearer = /^Bearer\s+(\S{10,200})$/i.exec(c.req.header('authorization') ?? '')?.[1]
  let principal: AgentPrincipal | undefined
  if (bearer !== undefined && bearer.startsWith(API_TOKEN_PREFIX)) {
    principal = await findApiTokenAgent(db, bearer, clock.now())
    if (principal === undefined) {
      throw new AppError('agent_unauthenticated', 'This API token is not valid.')
    }
    // Logging out revokes the token itself, which any holder of it may do.
    const loggingOut = c.req.path === '/v1/agent/logout'
    if (principal.scope === 'read' && !safeMethods.has(c.req.method) && !loggingOut) {
      throw new AppError('token_read_only', 'This API token may only read.')
    }
  } else {
    const token = getCookie(c, AGENT_COOKIE)
    principal =
      token !== undefined && token.length < 200
        ? await findAgentSession(db, token, clock.now())
        : undefined
    if (principal === undefined) {
      throw new AppError('agent_unauthenticated', 'Sign in to the console.')
    }
    if (!safeMethods.has(c.req.method) && !csrfMatches(principal, c.req.header('x-csrf-token'))) {
      throw new AppError('csrf_failed', 'This request lacks a valid CSRF token.')
    }
  }
  const store = await findStoreById(db, principal.storeId)
  if (store === undefined) throw new AppError('agent_unauthenticated', 'Sign in to the console.')
  // The store's owners require a second factor: an agent without one may only enrol (or leave).
  if (storeRequiresTotp(store) && !principal.totpEnabled && !enrolmentPaths.test(c.req.path)) {
    throw new AppError(
      'totp_enrolment_required',
      'This store requires two-factor sign-in: set up an authenticator first.',
    )
  }
  c.set('agent', principal)
  c.set('store', store)
  await next()
})

import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { AGENT_COOKIE, requireAgent } from '../../middleware/agent-session.ts'
import { clientAddress, rateLimitAddress } from '../../http/client-ip.ts'
import { attemptAgentLogin } from '../../services/agents/agent-login.ts'
import {
  AGENT_SESSION_HOURS,
  csrfTokenFor,
  revokeAgentSession,
} from '../../services/agents/agent-sessions.ts'
import { revokeApiToken } from '../../services/agents/api-tokens.ts'
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from '../../services/agents/device-cookie.ts'

export const loginBody = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
  store: z.string().max(64).optional(),
  /** The authenticator's 6-digit code, for agents who enrolled a second factor. */
  totp: z.string().max(16).optional(),
})

/**
 * Console sign-in: an HttpOnly, SameSite=Strict cookie plus a CSRF token for the console, and
 * a device cookie that lets this browser sign in even while strangers' guesses lock the
 * account (see services/agents/device-cookie.ts).
 */
export const agentAuthRoutes = new Hono<AppEnv>()
  .post('/v1/agent/login', async (c) => {
    const body = await readJson(c, loginBody)
    const deps = c.get('deps')
    const device = getCookie(c, DEVICE_COOKIE)
    const result = await attemptAgentLogin(deps, {
      email: body.email,
      password: body.password,
      ...(body.store !== undefined ? { storeId: body.store } : {}),
      address: rateLimitAddress(clientAddress(c)),
      ...(device !== undefined ? { device } : {}),
      ...(body.totp !== undefined ? { totp: body.totp } : {}),
    })
    if (!result.ok) {
      switch (result.code) {
        case 'store_required':
          // Only said to someone who knows the password (in more than one of these stores).
          throw new AppError(
            'store_required',
            'This email and password work for several stores; name the store.',
            { stores: result.stores },
          )
        case 'login_throttled':
          throw new AppError(
            'login_throttled',
            'Too many sign-in attempts; wait before trying again.',
            { retryAfterSeconds: result.retryAfterSeconds },
          )
        case 'busy':
          throw new AppError('login_busy', 'Sign-in is busy; try again in a moment.', {
            retryAfterSeconds: 1,
          })
        case 'totp_required':
          throw new AppError('totp_required', 'Enter the code from your authenticator app.')
        case 'totp_invalid':
          throw new AppError('totp_invalid', 'That authenticator code is not right.')
        default:
          throw new AppError('invalid_credentials', 'The email or password is not right.')
      }
    }
    const secure = deps.config.publicUrl.startsWith('https:')
    setCookie(c, AGENT_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure,
      path: '/',
      maxAge: AGENT_SESSION_HOURS * 3600,
    })
    setCookie(c, DEVICE_COOKIE, result.deviceCookie, {
      httpOnly: true,
      sameSite: 'Strict',
      secure,
      path: '/v1/agent/login',
      maxAge: DEVICE_COOKIE_DAYS * 24 * 3600,
    })
    return c.json({
      agent: {
        id: result.agent.id,
        name: result.agent.name,
        email: result.agent.email,
        role: result.agent.role,
      },
      storeId: result.agent.store_id,
      csrfToken: result.csrfToken,
      expiresAt: result.expiresAt.toISOString(),
    })
  })
  .get('/v1/agent/session', requireAgent, (c) => {
    const agent = c.get('agent')
    // requireAgent has checked the cookie, so it is present here. The CSRF token lets a reloaded
    // console (which keeps the token in memory only) write again; a cross-site page cannot read
    // this response (no CORS) nor send the SameSite=Strict cookie.
    const token = getCookie(c, AGENT_COOKIE) ?? ''
    return c.json({
      agent: { id: agent.agentId, name: agent.name, email: agent.email, role: agent.role },
      store: { id: c.get('store').id, name: c.get('store').name },
      csrfToken: csrfTokenFor(token),
    })
  })
  .post('/v1/agent/logout', requireAgent, async (c) => {
    const { db, clock } = c.get('deps')
    const agent = c.get('agent')
    // Logging out ends the credential that made the call: the console session, or the API
    // token (which is revoked for good, as `DELETE /v1/agent/tokens/:id` would).
    if (agent.via === 'token') await revokeApiToken(db, agent.storeId, agent.sessionId, clock.now())
    else await revokeAgentSession(db, agent.sessionId, clock.now())
    deleteCookie(c, AGENT_COOKIE, { path: '/' })
    return c.body(null, 204)
  })

import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { AGENT_COOKIE, requireAgent } from '../../middleware/agent-session.ts'
import {
  AGENT_SESSION_HOURS,
  csrfTokenFor,
  logInAgent,
  revokeAgentSession,
} from '../../services/agents/agent-sessions.ts'

export const loginBody = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
  store: z.string().max(64).optional(),
})

/** Console sign-in: an HttpOnly, SameSite=Strict cookie plus a CSRF token for the console. */
export const agentAuthRoutes = new Hono<AppEnv>()
  .post('/v1/agent/login', async (c) => {
    const body = await readJson(c, loginBody)
    const { db, clock, config } = c.get('deps')
    const result = await logInAgent(db, { ...body, storeId: body.store, now: clock.now() })
    if (!result.ok) {
      if (result.code === 'store_required') {
        throw new AppError(
          'store_required',
          'This email works for several stores; name the store.',
          400,
        )
      }
      throw new AppError('invalid_credentials', 'The email or password is not right.', 401)
    }
    setCookie(c, AGENT_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: config.publicUrl.startsWith('https:'),
      path: '/',
      maxAge: AGENT_SESSION_HOURS * 3600,
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
    await revokeAgentSession(db, c.get('agent').sessionId, clock.now())
    deleteCookie(c, AGENT_COOKIE, { path: '/' })
    return c.body(null, 204)
  })

import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { setPasswordFromLink } from '../../services/team/password-links.ts'

export const setPasswordBody = z.strictObject({
  token: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
})

/**
 * The set-password link's endpoint (an invitation or a reset): no session, the link's token is
 * the credential. It signs nobody in: the agent signs in with the new password next.
 */
export const agentPasswordRoutes = new Hono<AppEnv>().post('/v1/agent/password', async (c) => {
  const body = await readJson(c, setPasswordBody)
  const result = await setPasswordFromLink(c.get('deps'), body)
  if (!result.ok) throw new AppError(result.code, result.message)
  c.header('Cache-Control', 'no-store')
  return c.json({ email: result.email, store: result.store })
})

import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { updateStoreSettings } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import {
  beginTotp,
  checkTotp,
  clearTotp,
  storeRequiresTotp,
  totpEnabled,
} from '../../services/agents/totp.ts'

export const totpCodeBody = z.strictObject({ code: z.string().max(16) })
export const securityBody = z.strictObject({ requireTotp: z.boolean() })

const invalid = () => new AppError('totp_code_incorrect', 'That authenticator code is not right.')

/**
 * Two-factor sign-in (TOTP) for agents: enrol with an authenticator app, confirm with a code,
 * switch it off again with a code; and for owners, require it of every agent of the store.
 */
export const agentTotpRoutes = new Hono<AppEnv>()
  .use('/v1/agent/totp/*', requireAgent)
  .use('/v1/agent/settings/security', requireAgent)
  .post('/v1/agent/totp/setup', async (c) => {
    const agent = c.get('agent')
    if (agent.via !== 'session') {
      throw new AppError('session_required', 'Set up two-factor sign-in from the console.')
    }
    const { db } = c.get('deps')
    const begun = await beginTotp(db, agent, c.get('store').name)
    if (begun === undefined) {
      throw new AppError('totp_already_enabled', 'Two-factor sign-in is already on.')
    }
    c.header('Cache-Control', 'no-store')
    return c.json(begun, 201)
  })
  .post('/v1/agent/totp/enable', async (c) => {
    const { code } = await readJson(c, totpCodeBody)
    const { db, clock } = c.get('deps')
    const now = clock.now()
    const agent = c.get('agent')
    if (!(await checkTotp(db, agent.agentId, code, now, now.getTime()))) throw invalid()
    return c.body(null, 204)
  })
  .post('/v1/agent/totp/disable', async (c) => {
    const { code } = await readJson(c, totpCodeBody)
    const { db, clock } = c.get('deps')
    const agent = c.get('agent')
    if (storeRequiresTotp(c.get('store'))) {
      throw new AppError('totp_required_by_store', 'This store requires two-factor sign-in.')
    }
    if (!(await checkTotp(db, agent.agentId, code, clock.now()))) throw invalid()
    await clearTotp(db, agent.agentId)
    return c.body(null, 204)
  })
  .get('/v1/agent/settings/security', (c) =>
    c.json({ requireTotp: storeRequiresTotp(c.get('store')) }),
  )
  .put('/v1/agent/settings/security', async (c) => {
    const body = await readJson(c, securityBody)
    const agent = c.get('agent')
    const store = c.get('store')
    if (agent.role !== 'owner') {
      throw new AppError('owner_required', 'Only an owner can change this.')
    }
    const { db } = c.get('deps')
    // An owner without a second factor would lock themselves out of everything but enrolment.
    if (body.requireTotp && !(await totpEnabled(db, agent.agentId))) {
      throw new AppError('totp_enable_first', 'Turn on your own two-factor sign-in first.')
    }
    await updateStoreSettings(db, store.id, {
      ...store.settings,
      agentTotpRequired: body.requireTotp,
    })
    return c.json({ requireTotp: body.requireTotp })
  })

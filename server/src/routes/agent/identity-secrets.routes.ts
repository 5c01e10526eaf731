import type { IdentitySecretInfo, NewIdentitySecret } from '@porchlight/shared/api/auth'
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { ownersOnly as ownersOnlyTo } from '../../middleware/owner-only.ts'
import {
  createIdentitySecret,
  endIdentitySecret,
  listIdentitySecrets,
} from '../../services/auth/identity-secrets.ts'

const PATH = '/v1/agent/settings/identity-secrets'

const ownersOnly = ownersOnlyTo('manage identity secrets')

/**
 * The store's identity secrets (signed identity, `Porchlight('identify', token)`): owners make,
 * rotate and end them; a secret's value is answered once, when it is made, never again.
 */
export const identitySecretsRoutes = new Hono<AppEnv>()
  .use(PATH, requireAgent, ownersOnly)
  .use(`${PATH}/*`, requireAgent, ownersOnly)
  .get(PATH, async (c) => {
    const secrets: IdentitySecretInfo[] = await listIdentitySecrets(
      c.get('deps'),
      c.get('store').id,
    )
    return c.json({ secrets })
  })
  .post(PATH, async (c) => {
    const made = await createIdentitySecret(
      c.get('deps'),
      c.get('store').id,
      c.get('agent').agentId,
    )
    c.header('Cache-Control', 'no-store')
    const body: NewIdentitySecret = { ...made.info, secret: made.secret }
    return c.json(body, 201)
  })
  .delete(`${PATH}/:id`, async (c) => {
    const ended = await endIdentitySecret(c.get('deps'), c.get('store').id, c.req.param('id'))
    if (!ended) throw new AppError('identity_secret_not_found', 'No such identity secret.')
    return c.body(null, 204)
  })

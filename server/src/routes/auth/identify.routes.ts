import type { IdentifyRequest } from '@porchlight/shared/api/auth'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { resolveStore, storeCors } from '../../middleware/store.ts'
import { identifyShopper } from '../../services/auth/identify.ts'
import { MAX_IDENTITY_TOKEN_LENGTH } from '../../services/auth/identity-token.ts'

const identifyBody = z
  .object({ token: z.string().min(1).max(MAX_IDENTITY_TOKEN_LENGTH) })
  .strict() satisfies z.ZodType<IdentifyRequest>

/**
 * Signed identity for any store: the panel trades the token the merchant's page handed it
 * (`Porchlight('identify', token)`) for a shopper session. Every refusal is the same 401 to the
 * browser; the log names the reason for the operator.
 */
export const identifyRoutes = new Hono<AppEnv>()
  .use('/v1/auth/identify', resolveStore, storeCors)
  .post('/v1/auth/identify', async (c) => {
    c.header('Cache-Control', 'no-store')
    const { token } = await readJson(c, identifyBody)
    const store = c.get('store')
    const result = await identifyShopper(c.get('deps'), store, token)
    if (result.ok) return c.json(result.session, 200)
    c.get('deps').logger.info('identity token refused', { storeId: store.id, why: result.reason })
    throw new AppError('identity_invalid', 'This sign-in link did not work. Sign in with a code.')
  })

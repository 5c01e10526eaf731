import type { GrantRequest } from '@porchlight/shared/api/auth'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { readJson } from '../../http/json-body.ts'
import { resolveStore, storeCors } from '../../middleware/store.ts'
import { redeemIdentityGrant } from '../../services/auth/proxy-identity.ts'

const grantBody = z
  .object({ grant: z.string().min(1).max(200) })
  .strict() satisfies z.ZodType<GrantRequest>

/**
 * The panel trades the one-time grant the loader fetched through Shopify's app proxy
 * (routes/shopify/shopify-proxy.routes.ts) for a shopper session. Every refusal is the same 401
 * `grant_invalid`; the log names the reason.
 */
export const grantRoutes = new Hono<AppEnv>()
  .use('/v1/auth/grant', resolveStore, storeCors)
  .post('/v1/auth/grant', async (c) => {
    c.header('Cache-Control', 'no-store')
    const { grant } = await readJson(c, grantBody)
    return c.json(await redeemIdentityGrant(c.get('deps'), c.get('store'), grant), 200)
  })

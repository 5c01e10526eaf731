import type { PoliciesPreview } from '@porchlight/shared/api/policies-preview'
import { policiesSectionSchema } from '@porchlight/shared/settings/schema'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { readJson } from '../../http/json-body.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { policiesPreview } from '../../services/settings/policies-preview.ts'

export const POLICIES_PREVIEW_PATH = '/v1/agent/settings/policies/preview'

export const policiesPreviewBody = z.strictObject({ values: policiesSectionSchema })

/** What the store's latest orders would offer under draft policies (nothing is saved). */
export const policiesPreviewRoutes = new Hono<AppEnv>()
  .use(POLICIES_PREVIEW_PATH, requireAgent)
  .post(POLICIES_PREVIEW_PATH, async (c) => {
    const { values } = await readJson(c, policiesPreviewBody)
    const preview: PoliciesPreview = await policiesPreview(c.get('deps'), c.get('store'), values)
    return c.json(preview)
  })

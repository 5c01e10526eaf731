import type { DataRequestSummary } from '@porchlight/shared/api/privacy'
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { findDataRequest, listDataRequests } from '../../db/privacy.repository.ts'
import { AppError } from '../../errors.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { ownersOnly as ownersOnlyTo } from '../../middleware/owner-only.ts'

const PATH = '/v1/agent/privacy/data-requests'

// The exports hold a customer's personal data: owners only, like the store's secrets.
const ownersOnly = ownersOnlyTo('read data requests')

/**
 * Shopify's customers/data_request exports of the agent's store: the list, and each export as
 * a JSON attachment. Another store's request is not found, never shown.
 */
export const privacyRoutes = new Hono<AppEnv>()
  .use(PATH, requireAgent, ownersOnly)
  .use(`${PATH}/*`, requireAgent, ownersOnly)
  .get(PATH, async (c) => {
    const rows = await listDataRequests(c.get('deps').db, c.get('store').id)
    const requests: DataRequestSummary[] = rows.map((r) => ({
      id: r.id,
      customer: r.customer_label,
      shopifyRequestId: r.shopify_request_id,
      createdAt: new Date(Number(r.created_at)).toISOString(),
      downloadUrl: `${PATH}/${encodeURIComponent(r.id)}/export`,
    }))
    c.header('Cache-Control', 'no-store')
    return c.json({ requests })
  })
  .get(`${PATH}/:id/export`, async (c) => {
    const row = await findDataRequest(c.get('deps').db, c.get('store').id, c.req.param('id'))
    if (row === undefined) throw new AppError('data_request_not_found', 'No such data request.')
    c.header('Cache-Control', 'no-store')
    c.header('Content-Disposition', `attachment; filename="porchlight-data-request-${row.id}.json"`)
    return c.json(JSON.parse(row.export_json) as Record<string, unknown>)
  })

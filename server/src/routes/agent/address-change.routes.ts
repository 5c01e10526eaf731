import type { AddressChangeView } from '@porchlight/shared/api/address-changes'
import { changedAddressFields } from '@porchlight/shared/orders/address-fields'
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { requestedAddressChange } from '../../services/tickets/address-change-view.ts'

/** An address change request's two addresses, for the agent deciding it. */
export const agentAddressChangeRoutes = new Hono<AppEnv>().get(
  '/v1/agent/tickets/:id/address-change',
  requireAgent,
  async (c) => {
    const change = await requestedAddressChange(c.get('deps'), c.get('store'), c.req.param('id'))
    if (change === undefined) {
      throw new AppError('address_change_not_found', 'This ticket is not an address change.')
    }
    const view: AddressChangeView = {
      previous: change.previous,
      requested: change.requested,
      changed: changedAddressFields(change.previous, change.requested),
      requestedAt: new Date(change.createdAt).toISOString(),
    }
    return c.json(view)
  },
)

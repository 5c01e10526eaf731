import type { PoliciesPreview, PreviewOffer } from '@porchlight/shared/api/policies-preview'
import {
  cancelEligibility,
  returnEligibility,
  type Eligibility,
} from '@porchlight/shared/orders/eligibility'
import { issueScenario } from '@porchlight/shared/orders/issue-scenarios'
import type { Order } from '@porchlight/shared/orders/model'
import { normalizeOrderRules } from '@porchlight/shared/orders/settings'
import type { PoliciesSection } from '@porchlight/shared/settings/schema'
import { writeSection } from '@porchlight/shared/settings/stored'
import { recentTicketOrderIds } from '../../db/settings-preview.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { AppDeps } from '../../deps.ts'

const PREVIEW_ORDERS = 5

const offer = (e: Eligibility): PreviewOffer =>
  e.eligible ? { offered: true, until: e.until } : { offered: false, reason: e.reason }

/**
 * What the store's latest orders would offer under draft policies: the same pure rules the
 * panel uses, on the rules the draft would store. An order the store no longer has (or cannot
 * be reached for) is left out rather than failing the preview.
 */
export async function policiesPreview(
  deps: Pick<AppDeps, 'db' | 'clock' | 'storeAdapters' | 'logger'>,
  store: Store,
  values: PoliciesSection,
): Promise<PoliciesPreview> {
  const drafted = writeSection('policies', values, {
    name: store.name,
    allowedOrigins: store.allowedOrigins,
    settings: store.settings,
  })
  const { rules } = normalizeOrderRules(drafted.settings['orderRules'])
  const now = deps.clock.now()
  const adapter = deps.storeAdapters(store)
  const ids = await recentTicketOrderIds(deps.db, store.id, PREVIEW_ORDERS)
  const orders: Order[] = []
  for (const id of ids) {
    try {
      const order = await adapter.getOrder(id)
      if (order !== undefined) orders.push(order)
    } catch (err) {
      deps.logger.warn('policies preview: order unavailable', {
        storeId: store.id,
        id,
        err: String(err),
      })
    }
  }
  return {
    orders: orders.map((order) => {
      const issue = issueScenario(order, rules)
      return {
        id: order.id,
        name: order.name,
        cancel: offer(cancelEligibility(order, rules, now)),
        return: offer(returnEligibility(order, rules, now)),
        issue: { scenario: issue.scenario, reasons: issue.reasons.map((r) => r.code) },
      }
    }),
  }
}

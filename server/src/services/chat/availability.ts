import {
  businessHoursFrom,
  expectedReplyTime,
  isWithinBusinessHours,
  nextOpening,
} from '@porchlight/shared/chat/availability'
import type { AvailabilityResponse } from '@porchlight/shared/api/chat'
import { readSection } from '@porchlight/shared/settings/stored'
import { recentFirstResponses } from '../../db/conversations.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import { availableAgents } from '../agents/presence.ts'
import type { ChatDeps } from './chat-writes.ts'

/** The expected reply time looks at the last 50 conversations of the last 30 days. */
const RECENT = { count: 50, days: 30 }

/**
 * Whether live chat is staffed now: inside business hours and an agent available (a console tab
 * open, not idle, not set away; in any process: presence lives in the database). Otherwise the
 * widget offers email replies.
 */
export async function chatAvailability(
  deps: ChatDeps,
  store: Store,
): Promise<AvailabilityResponse> {
  const now = deps.clock.now()
  const hours = businessHoursFrom(store.settings)
  if (!hours.ok) {
    deps.logger.warn('ignoring malformed business hours', {
      storeId: store.id,
      reason: hours.reason,
    })
  }
  const storeHours = hours.ok ? hours.hours : null
  const withinBusinessHours = isWithinBusinessHours(storeHours, now)
  const online = await availableAgents(deps, store.id)
  const responses = await recentFirstResponses(
    deps.db,
    store.id,
    now.getTime() - RECENT.days * 86_400_000,
    RECENT.count,
  )
  const chat = readSection('chat', {
    name: store.name,
    allowedOrigins: store.allowedOrigins,
    settings: store.settings,
  }).values
  const backAt = Object.keys(chat.backAt).length > 0 ? { backAt: chat.backAt } : {}
  return {
    open: withinBusinessHours && online > 0,
    withinBusinessHours,
    agentsOnline: online > 0,
    // The store's own promise, when it made one; else what recent conversations show.
    expectedReply: chat.typicalReply === 'auto' ? expectedReplyTime(responses) : chat.typicalReply,
    nextOpenAt: withinBusinessHours ? null : (nextOpening(storeHours, now)?.toISOString() ?? null),
    ...backAt,
  }
}

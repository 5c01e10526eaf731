import type { Operation } from '../operation.ts'
import { addressChangeOperations } from './address-change.operations.ts'
import { agentAuthOperations } from './agent-auth.operations.ts'
import { chatOperations } from './chat.operations.ts'
import { inboxOperations } from './inbox.operations.ts'
import { insightsOperations } from './insights.operations.ts'
import { orderLookupOperations } from './order-lookup.operations.ts'
import { returnOperations } from './return.operations.ts'
import { mailReplyOperations } from './mail-reply.operations.ts'
import { presenceOperations } from './presence.operations.ts'
import { savedReplyOperations } from './saved-reply.operations.ts'
import { settingsOperations } from './settings.operations.ts'
import { storeSettingsOperations } from './store-settings.operations.ts'
import { teamOperations } from './team.operations.ts'
import { ticketOperations } from './ticket.operations.ts'

/**
 * Every agent-facing operation (openapi.ts turns them into the document). openapi.test.ts
 * checks this list against the app's real routes.
 */
export const agentOperations: Operation[] = [
  ...agentAuthOperations,
  ...ticketOperations,
  ...orderLookupOperations,
  ...returnOperations,
  ...addressChangeOperations,
  ...settingsOperations,
  ...storeSettingsOperations,
  ...teamOperations,
  ...chatOperations,
  ...insightsOperations,
  ...mailReplyOperations,
  ...presenceOperations,
  ...inboxOperations,
  ...savedReplyOperations,
]

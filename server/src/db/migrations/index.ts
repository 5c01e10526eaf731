import type { Migration } from 'kysely/migration'
import * as m01 from './0001-stores-and-agents.ts'
import * as m02 from './0002-shopper-sessions.ts'
import * as m03 from './0003-demo-orders.ts'
import * as m04 from './0004-auth-and-outbox.ts'
import * as m05 from './0005-shopify-cache.ts'
import * as m06 from './0006-agent-sessions.ts'
import * as m07 from './0007-tickets.ts'
import * as m08 from './0008-conversations.ts'
import * as m09 from './0009-agent-api-tokens.ts'
import * as m10 from './0010-decisions-and-webhooks.ts'
import * as m11 from './0010-ticket-shopper-index.ts'
import * as m12 from './0011-conversation-ticket-index.ts'
import * as m13 from './0012-outbox-claims.ts'
import * as m13b from './0013-shopper-events.ts'
import * as m14 from './0014-agent-auth-hardening.ts'
import * as m15 from './0015-ticket-ratings.ts'
import * as m16 from './0016-shopify-tokens.ts'
import * as m17 from './0017-identity-secrets.ts'
import * as m18 from './0018-shopify-webhooks-and-privacy.ts'
import * as m19 from './0019-identity-grants.ts'
import * as m20 from './0020-settings-history.ts'
import * as m21 from './0021-agent-team.ts'
import * as m22 from './0022-mail-replies.ts'
import * as m23 from './0023-presence-and-saved-replies.ts'
import * as m24 from './0024-order-lookup.ts'
import * as m25 from './0025-ticket-returns.ts'
import * as m27 from './0027-demo-stock.ts'
import * as m31 from './0031-inbox-unread-index.ts'
import * as m28 from './0028-ticket-address-changes.ts'

/**
 * A static list instead of a folder scan: it works the same under vitest, in the built server
 * and from any working directory. Add each new migration here; never edit an old one. They run
 * in name order, each once (see ../migrator.ts).
 */
export const migrations: Record<string, Migration> = {
  '0001-stores-and-agents': m01,
  '0002-shopper-sessions': m02,
  '0003-demo-orders': m03,
  '0004-auth-and-outbox': m04,
  '0005-shopify-cache': m05,
  '0006-agent-sessions': m06,
  '0007-tickets': m07,
  '0008-conversations': m08,
  '0009-agent-api-tokens': m09,
  '0010-decisions-and-webhooks': m10,
  '0010-ticket-shopper-index': m11,
  '0011-conversation-ticket-index': m12,
  '0012-outbox-claims': m13,
  '0013-shopper-events': m13b,
  '0014-agent-auth-hardening': m14,
  '0015-ticket-ratings': m15,
  '0016-shopify-tokens': m16,
  '0017-identity-secrets': m17,
  '0018-shopify-webhooks-and-privacy': m18,
  '0019-identity-grants': m19,
  '0020-settings-history': m20,
  '0021-agent-team': m21,
  '0022-mail-replies': m22,
  '0023-presence-and-saved-replies': m23,
  '0024-order-lookup': m24,
  '0025-ticket-returns': m25,
  '0027-demo-stock': m27,
  '0031-inbox-unread-index': m31,
  '0028-ticket-address-changes': m28,
}

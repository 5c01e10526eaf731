import type { AgentApiTokensTable } from './agent-api-tokens.table.ts'
import type { AgentSessionsTable } from './agent-sessions.table.ts'
import type { AgentPasswordLinksTable, AgentsTable } from './agents.table.ts'
import type { AuthChallengesTable } from './auth-challenges.table.ts'
import type {
  ShopperEventsTable,
  TicketProductsTable,
  TicketRatingsTable,
} from './insights.table.ts'
import type {
  HeldMailRepliesTable,
  InboundMailSeenTable,
  MailAttachmentsTable,
  TicketReplyAddressesTable,
} from './mail-replies.table.ts'
import type { OutboxMessagesTable } from './outbox.table.ts'
import type { RateLimitBucketsTable, RateLimitHitsTable } from './rate-limits.table.ts'
import type { DemoOrdersTable } from './demo-orders.table.ts'
import type { OrderNotesTable } from './order-notes.table.ts'
import type { ShopifyOrdersTable, ShopifyWebhookEventsTable } from './shopify-cache.table.ts'
import type {
  ChatEventCountersTable,
  ChatEventsTable,
  ChatMessagesTable,
  ChatStreamTicketsTable,
  ChatVisitorsTable,
  ConversationsTable,
} from './conversations.table.ts'
import type { IdentityGrantsTable } from './identity-grants.table.ts'
import type { AgentPresenceTable } from './presence.table.ts'
import type { SavedRepliesTable } from './saved-replies.table.ts'
import type { IdentityTokenUsesTable, StoreIdentitySecretsTable } from './identity-secrets.table.ts'
import type {
  CustomerDataRequestsTable,
  ShopifyWebhookSubscriptionsTable,
} from './privacy.table.ts'
import type { SettingsHistoryTable, StoreLogosTable } from './settings-history.table.ts'
import type { ShopperSessionsTable } from './shopper-sessions.table.ts'
import type { ShopifyInstallStatesTable, ShopifyTokensTable } from './shopify-tokens.table.ts'
import type { StoresTable } from './stores.table.ts'
import type { TicketActionClaimsTable } from './ticket-action-claims.table.ts'
import type { TicketReturnsTable } from './ticket-returns.table.ts'
import type { DemoStockTable } from './demo-stock.table.ts'
import type { TicketAddressChangesTable } from './ticket-address-changes.table.ts'
import type {
  IdempotencyKeysTable,
  TicketCountersTable,
  TicketEventsTable,
  TicketsTable,
} from './tickets.table.ts'
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from './webhooks.table.ts'

/** Every table Kysely knows about. Each area adds its table here. */
export interface Database {
  stores: StoresTable
  agents: AgentsTable
  agent_password_links: AgentPasswordLinksTable
  agent_sessions: AgentSessionsTable
  agent_api_tokens: AgentApiTokensTable
  shopper_sessions: ShopperSessionsTable
  ticket_counters: TicketCountersTable
  tickets: TicketsTable
  ticket_events: TicketEventsTable
  idempotency_keys: IdempotencyKeysTable
  auth_challenges: AuthChallengesTable
  rate_limit_buckets: RateLimitBucketsTable
  rate_limit_hits: RateLimitHitsTable
  outbox_messages: OutboxMessagesTable
  demo_orders: DemoOrdersTable
  order_notes: OrderNotesTable
  shopify_orders: ShopifyOrdersTable
  shopify_webhook_events: ShopifyWebhookEventsTable
  shopify_tokens: ShopifyTokensTable
  shopify_install_states: ShopifyInstallStatesTable
  shopify_webhook_subscriptions: ShopifyWebhookSubscriptionsTable
  customer_data_requests: CustomerDataRequestsTable
  store_identity_secrets: StoreIdentitySecretsTable
  identity_token_uses: IdentityTokenUsesTable
  identity_grants: IdentityGrantsTable
  chat_visitors: ChatVisitorsTable
  conversations: ConversationsTable
  chat_messages: ChatMessagesTable
  chat_event_counters: ChatEventCountersTable
  chat_events: ChatEventsTable
  chat_stream_tickets: ChatStreamTicketsTable
  agent_presence: AgentPresenceTable
  saved_replies: SavedRepliesTable
  ticket_action_claims: TicketActionClaimsTable
  webhook_endpoints: WebhookEndpointsTable
  webhook_deliveries: WebhookDeliveriesTable
  shopper_events: ShopperEventsTable
  ticket_products: TicketProductsTable
  ticket_ratings: TicketRatingsTable
  ticket_returns: TicketReturnsTable
  demo_stock: DemoStockTable
  ticket_address_changes: TicketAddressChangesTable
  settings_history: SettingsHistoryTable
  store_logos: StoreLogosTable
  ticket_reply_addresses: TicketReplyAddressesTable
  inbound_mail_seen: InboundMailSeenTable
  held_mail_replies: HeldMailRepliesTable
  mail_attachments: MailAttachmentsTable
}

import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from './app-env.ts'
import type { AppDeps } from './deps.ts'
import { AppError } from './errors.ts'
import { handleError, handleNotFound } from './http/error-handler.ts'
import { rejectUnsafeUrl } from './http/safe-input.ts'
import { accessLog } from './middleware/access-log.ts'
import { requestId } from './middleware/request-id.ts'
import { securityHeaders } from './middleware/security-headers.ts'
import { agentAuthRoutes } from './routes/agent/agent-auth.routes.ts'
import { agentInsightsRoutes } from './routes/agent/insights.routes.ts'
import { agentDirectoryRoutes } from './routes/agent/agents.routes.ts'
import { agentPasswordRoutes } from './routes/agent/agent-password.routes.ts'
import { presenceRoutes } from './routes/agent/presence.routes.ts'
import { inboxRoutes } from './routes/agent/inbox.routes.ts'
import { savedReplyRoutes } from './routes/agent/saved-replies.routes.ts'
import { agentTokenRoutes } from './routes/agent/agent-tokens.routes.ts'
import { agentTotpRoutes } from './routes/agent/agent-totp.routes.ts'
import { agentTicketActionRoutes } from './routes/agent/ticket-actions.routes.ts'
import { agentReturnRoutes, RETURN_LABEL_PATH } from './routes/agent/return-actions.routes.ts'
import { agentAddressChangeRoutes } from './routes/agent/address-change.routes.ts'
import { returnLabelRoutes } from './routes/returns/return-labels.routes.ts'
import { agentTicketRoutes } from './routes/agent/tickets.routes.ts'
import { agentExportRoutes } from './routes/agent/exports.routes.ts'
import { agentOrderRoutes } from './routes/agent/agent-orders.routes.ts'
import { agentWebhookRoutes } from './routes/agent/webhooks.routes.ts'
import { heldReplyRoutes } from './routes/agent/held-replies.routes.ts'
import { identitySecretsRoutes } from './routes/agent/identity-secrets.routes.ts'
import { privacyRoutes } from './routes/agent/privacy.routes.ts'
import { shopifySettingsRoutes } from './routes/agent/shopify-settings.routes.ts'
import { shopifyInstallRoutes } from './routes/shopify/shopify-install.routes.ts'
import { shopifyProxyRoutes } from './routes/shopify/shopify-proxy.routes.ts'
import { LOGO_UPLOAD_PATH, logoRoutes } from './routes/settings/logo.routes.ts'
import { policiesPreviewRoutes } from './routes/settings/policies-preview.routes.ts'
import { sectionSettingsRoutes } from './routes/settings/section-settings.routes.ts'
import { settingsHistoryRoutes } from './routes/settings/settings-history.routes.ts'
import { openApiRoutes } from './routes/openapi/openapi.routes.ts'
import { authRoutes } from './routes/auth/auth.routes.ts'
import { identifyRoutes } from './routes/auth/identify.routes.ts'
import { grantRoutes } from './routes/auth/grant.routes.ts'
import { consoleRoutes } from './routes/console/console.routes.ts'
import { agentChatRoutes } from './routes/conversations/agent-chat.routes.ts'
import { shopperChatRoutes } from './routes/conversations/shopper-chat.routes.ts'
import { demoRoutes } from './routes/demo/demo.routes.ts'
import { devOutboxRoutes } from './routes/dev/dev-outbox.routes.ts'
import { healthRoutes } from './routes/health/health.routes.ts'
import { INBOUND_MAIL_PATH, inboundMailRoutes } from './routes/inbound/inbound-mail.routes.ts'
import { orderRoutes } from './routes/orders/orders.routes.ts'
import { chatRatingRoutes, ratingRoutes } from './routes/ratings/ratings.routes.ts'
import { requestRoutes } from './routes/requests/requests.routes.ts'
import { exchangeRoutes } from './routes/exchanges/exchanges.routes.ts'
import { webhookRoutes } from './routes/webhooks/shopify-webhooks.routes.ts'
import { widgetRoutes } from './routes/widget/widget.routes.ts'
import { createChatHub } from './services/chat/hub.ts'

/** Bodies above this are refused before they are read: no request of ours needs more. */
export const MAX_BODY_BYTES = 64 * 1024

/** The composition root: wires middleware and routes around the given dependencies. */
export function createApp(deps: AppDeps) {
  if (deps.webhookTargets?.allowPrivate === true && deps.config.env === 'production') {
    throw new Error('webhookTargets.allowPrivate is for tests and cannot be on in production')
  }
  const app = new Hono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.use('*', requestId)
  app.use('*', securityHeaders)
  app.use('*', accessLog)
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`)
    },
  })
  // Webhooks, inbound mail, return labels and logo uploads set their own, larger limits (see
  // their routes).
  const ownLimit = (path: string) =>
    path.startsWith('/v1/webhooks/') ||
    path.startsWith(INBOUND_MAIL_PATH) ||
    RETURN_LABEL_PATH.test(path) ||
    path === LOGO_UPLOAD_PATH
  app.use('*', (c, next) => (ownLimit(c.req.path) ? next() : limitBody(c, next)))
  // A NUL in a path or query parameter never reaches a handler (bodies: see readJson).
  app.use('*', rejectUnsafeUrl)
  app.onError(handleError)
  app.notFound(handleNotFound)

  app.route('/', healthRoutes)
  app.route('/', widgetRoutes)
  app.route('/', orderRoutes)
  app.route('/', requestRoutes)
  app.route('/', exchangeRoutes)
  app.route('/', ratingRoutes)
  app.route('/', consoleRoutes)
  app.route('/', agentAuthRoutes)
  // Before the ticket routes: their `/v1/agent/tickets/:id` would take `export.csv`.
  app.route('/', agentExportRoutes)
  app.route('/', agentTicketRoutes)
  app.route('/', agentOrderRoutes)
  app.route('/', agentTicketActionRoutes)
  app.route('/', agentReturnRoutes)
  app.route('/', agentAddressChangeRoutes)
  app.route('/', returnLabelRoutes)
  app.route('/', agentDirectoryRoutes)
  app.route('/', agentPasswordRoutes)
  app.route('/', presenceRoutes)
  app.route('/', inboxRoutes)
  app.route('/', savedReplyRoutes)
  app.route('/', agentInsightsRoutes)
  app.route('/', agentTokenRoutes)
  app.route('/', agentTotpRoutes)
  app.route('/', agentWebhookRoutes)
  app.route('/', shopifySettingsRoutes)
  app.route('/', shopifyInstallRoutes)
  app.route('/', identitySecretsRoutes)
  app.route('/', privacyRoutes)
  app.route('/', sectionSettingsRoutes)
  app.route('/', settingsHistoryRoutes)
  app.route('/', logoRoutes)
  app.route('/', policiesPreviewRoutes)
  app.route('/', openApiRoutes)
  app.route('/', authRoutes)
  app.route('/', identifyRoutes)
  app.route('/', grantRoutes)
  app.route('/', shopifyProxyRoutes)
  app.route('/', webhookRoutes)
  app.route('/', inboundMailRoutes)
  app.route('/', heldReplyRoutes)
  const chatHub = deps.chatHub ?? createChatHub(deps)
  app.route('/', shopperChatRoutes(chatHub))
  app.route('/', agentChatRoutes(chatHub))
  app.route('/', chatRatingRoutes)
  if (deps.config.env !== 'production') app.route('/', demoRoutes)
  if (deps.config.env !== 'production' && deps.devOutbox) app.route('/', devOutboxRoutes)
  return app
}

export type App = ReturnType<typeof createApp>

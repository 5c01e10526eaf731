import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import {
  saveCheckedConnection,
  type ConnectResult,
} from '../../adapters/store/shopify/connect-store.ts'
import { verifyOAuthHmac } from '../../adapters/store/shopify/oauth-hmac.ts'
import { REQUIRED_SCOPES, RECOMMENDED_SCOPES } from '../../adapters/store/shopify/scopes.ts'
import { shopDomain } from '../../adapters/store/shopify/shopify-config.ts'
import { authorizationCodeGrant } from '../../adapters/store/shopify/token-endpoint.ts'
import { findLiveOwnerSession } from '../../db/install-sessions.repository.ts'
import {
  consumeInstallState,
  insertInstallState,
  pruneInstallStates,
} from '../../db/shopify-tokens.repository.ts'
import type { AppDeps } from '../../deps.ts'
import { AppError, type ErrorCode } from '../../errors.ts'
import { keyringOf } from '../../keyring.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'logger' | 'config' | 'shopify'>

/** How long the owner has to approve the app on Shopify. */
export const INSTALL_STATE_MS = 10 * 60_000
export const CALLBACK_PATH = '/shopify/callback'

const hashState = (state: string) => createHash('sha256').update(state).digest('base64url')

function appOf(deps: Deps) {
  const app = deps.config.shopifyApp
  if (app === undefined) {
    throw new AppError(
      'shopify_install_unavailable',
      'This Porchlight server has no Shopify app to install (SHOPIFY_APP_CLIENT_ID is not set). Connect the store with its own app’s client credentials instead.',
    )
  }
  return app
}

/**
 * Starts an OAuth install for the owner's store: a random `state`, kept (as its hash) bound to
 * the console session, the store and the shop, and the Shopify authorize URL to send them to.
 * The caller also puts the state in a SameSite=Lax cookie, so the callback can tell it comes
 * back to the same browser.
 */
export async function startInstall(
  deps: Deps,
  input: { storeId: string; sessionId: string; shop: string },
): Promise<{ url: string; state: string }> {
  const app = appOf(deps)
  const shop = shopDomain.safeParse(input.shop)
  if (!shop.success) {
    throw new AppError('shopify_domain_invalid', 'Enter the shop’s <shop>.myshopify.com domain.')
  }
  const now = deps.clock.now().getTime()
  const state = randomBytes(32).toString('base64url')
  await pruneInstallStates(deps.db, now)
  await insertInstallState(deps.db, {
    state_hash: hashState(state),
    store_id: input.storeId,
    session_id: input.sessionId,
    domain: shop.data,
    created_at: now,
    expires_at: now + INSTALL_STATE_MS,
  })
  const url = new URL(`https://${shop.data}/admin/oauth/authorize`)
  url.searchParams.set('client_id', app.clientId)
  url.searchParams.set(
    'scope',
    [...Object.keys(REQUIRED_SCOPES), ...Object.keys(RECOMMENDED_SCOPES)].join(','),
  )
  url.searchParams.set('redirect_uri', `${deps.config.publicUrl}${CALLBACK_PATH}`)
  url.searchParams.set('state', state)
  // No grant_options[]=per-user: an offline token, which Porchlight needs when nobody is online.
  return { url: url.toString(), state }
}

function refuse(code: ErrorCode, message: string): never {
  throw new AppError(code, message)
}

/**
 * Completes an install from Shopify's redirect. Every check comes before anything is stored:
 * the hmac (with the app's secret, in constant time), the shop's domain, the state (the cookie
 * of this browser, unused, unexpired, for this shop, from a console session that is still an
 * owner's). Then the code buys an expiring offline token and its refresh token, which are
 * checked like any connection and saved sealed.
 */
export async function completeInstall(
  deps: Deps,
  query: URLSearchParams,
  cookieState: string | undefined,
): Promise<Extract<ConnectResult, { ok: true }>> {
  const app = appOf(deps)
  if (!verifyOAuthHmac(query, app.clientSecret)) {
    refuse(
      'shopify_callback_hmac_invalid',
      'This link does not carry Shopify’s signature, so Porchlight ignored it. Start the install again from the console.',
    )
  }
  const shop = shopDomain.safeParse(query.get('shop') ?? '')
  if (!shop.success) {
    refuse(
      'shopify_callback_shop_invalid',
      'This link names no <shop>.myshopify.com shop. Start the install again from the console.',
    )
  }
  const state = query.get('state') ?? ''
  const a = Buffer.from(state)
  const b = Buffer.from(cookieState ?? '')
  if (state === '' || a.length !== b.length || !timingSafeEqual(a, b)) {
    refuse(
      'shopify_callback_state_invalid',
      'This install was not started in this browser, or it took too long. Start it again from the console.',
    )
  }
  const now = deps.clock.now().getTime()
  const row = await consumeInstallState(deps.db, hashState(state), now)
  if (row === undefined) {
    refuse(
      'shopify_callback_state_invalid',
      'This install link was already used or has expired. Start the install again from the console.',
    )
  }
  if (row.domain !== shop.data) {
    refuse(
      'shopify_callback_shop_invalid',
      `This install was started for ${row.domain}, but Shopify came back from ${shop.data}. Nothing was changed.`,
    )
  }
  const owner = await findLiveOwnerSession(deps.db, {
    sessionId: row.session_id,
    storeId: row.store_id,
    now,
  })
  if (owner === undefined) {
    refuse(
      'shopify_callback_state_invalid',
      'The console session that started this install has ended. Sign in and start it again.',
    )
  }
  const code = query.get('code') ?? ''
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(code)) {
    refuse(
      'shopify_callback_invalid',
      'Shopify’s answer has no authorization code. Start the install again from the console.',
    )
  }
  const credentials = { domain: shop.data, clientId: app.clientId, clientSecret: app.clientSecret }
  const fetchFn = deps.shopify?.options.fetch
  const endpoint = {
    now: () => deps.clock.now().getTime(),
    ...(fetchFn !== undefined ? { fetch: fetchFn } : {}),
  }
  const got = await authorizationCodeGrant(credentials, code, endpoint)
  if (!got.ok) {
    deps.logger.warn('shopify install code refused', { storeId: row.store_id, status: got.status })
    if (got.failure === 'rejected') {
      refuse(
        'shopify_credentials_rejected',
        'Shopify did not accept the install (the code may have been used already). Start it again from the console.',
      )
    }
    refuse(
      'shopify_unreachable',
      `Shopify did not answer the install: ${got.message} Try again in a moment.`,
    )
  }
  const result = await saveCheckedConnection(
    deps.db,
    row.store_id,
    { mode: 'oauth', ...credentials, webhookSecret: app.clientSecret },
    got.grant,
    {
      apiVersion: deps.config.shopifyApiVersion,
      publicUrl: deps.config.publicUrl,
      logger: deps.logger,
      keyring: keyringOf(deps.config),
      now: endpoint.now,
      ...(fetchFn !== undefined ? { fetch: fetchFn } : {}),
    },
  )
  if (!result.ok) {
    deps.logger.warn('shopify install refused', { storeId: row.store_id, code: result.code })
    const code =
      result.code === 'missing_scopes'
        ? 'shopify_scopes_missing'
        : result.code === 'shop_mismatch'
          ? 'shopify_shop_mismatch'
          : 'shopify_unreachable'
    refuse(code, result.message)
  }
  deps.logger.info('shopify installed by oauth', {
    storeId: row.store_id,
    agentId: owner.agentId,
    domain: result.domain,
  })
  return result
}

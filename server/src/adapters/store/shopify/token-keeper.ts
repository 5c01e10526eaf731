import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import {
  findShopifyToken,
  recordRenewalFailure,
  saveRenewedToken,
  takeRenewalLease,
} from '../../../db/shopify-tokens.repository.ts'
import type { ShopifyTokenRow } from '../../../db/shopify-tokens.table.ts'
import type { Keyring } from '../../../keyring.ts'
import type { Logger } from '../../../logger.ts'
import { openSecret, sealSecret } from '../../../secret-box.ts'
import type { AccessTokenSource, TokenAnswer } from './admin-client.ts'
import {
  clientCredentialsGrant,
  refreshTokenGrant,
  type GrantResult,
  type TokenEndpointOptions,
} from './token-endpoint.ts'
import type { ShopifyConnection } from './shopify-config.ts'

/** Renew once this share of a token's life has passed. */
export const RENEW_AT_SHARE = 0.8
/** A renewal that takes longer than this is presumed dead; another process may take over. */
const LEASE_MS = 30_000
/** After a failed renewal, wait this long before asking Shopify again (no hammering). */
export const RETRY_FAILED_RENEWAL_MS = 30_000
/** Stop trusting a token this long before Shopify says it expires (clock skew, travel time). */
const EXPIRY_MARGIN_MS = 60_000
const WAIT_POLL_MS = 50

export interface TokenKeeperOptions {
  db: Kysely<Database>
  keyring: Keyring
  logger: Logger
  /** Epoch ms (the app's clock). */
  now(): number
  sleep(ms: number): Promise<void>
  fetch?: typeof fetch
}

export function tokenPurpose(storeId: string, field: 'access' | 'refresh'): string {
  return `shopify:${storeId}:${field}Token`
}

/**
 * Keeps the expiring Admin API token of a client-credentials or OAuth store alive. The token
 * lives in `shopify_tokens`, shared by every process on the database. It is renewed once
 * RENEW_AT_SHARE of its life has passed, and again when Shopify answers 401 to it; a renewal
 * first takes the row's lease by compare-and-set, so however many processes notice at once,
 * one asks Shopify and the others wait for its answer (or use the still-valid old token).
 */
export class TokenKeeper {
  readonly #o: TokenKeeperOptions
  readonly #owner = randomUUID()

  constructor(options: TokenKeeperOptions) {
    this.#o = options
  }

  /** A token source for the admin client of one store. */
  sourceFor(storeId: string, connection: Extract<ShopifyConnection, { clientId: string }>) {
    const source: AccessTokenSource = {
      current: () => this.token(storeId, connection, undefined),
      rejected: (version) => this.token(storeId, connection, version),
    }
    return source
  }

  /**
   * A usable token. `rejectedVersion` is the version Shopify just answered 401 to: that one is
   * renewed at once, unless someone already replaced it.
   */
  async token(
    storeId: string,
    connection: Extract<ShopifyConnection, { clientId: string }>,
    rejectedVersion: number | undefined,
  ): Promise<TokenAnswer> {
    const { db, now } = this.#o
    const deadline = now() + LEASE_MS
    for (;;) {
      const row = await findShopifyToken(db, storeId)
      if (row === undefined || row.domain !== connection.domain) {
        return {
          ok: false,
          failure: 'unauthorized',
          message: 'This store has no Shopify token yet; connect it again.',
        }
      }
      const t = now()
      const opened = this.#open(storeId, row)
      // A token Shopify refuses moments after issuing it will not do better renewed again at
      // once: say so instead of asking for a new token on every request.
      if (
        rejectedVersion !== undefined &&
        row.version === rejectedVersion &&
        now() - row.issued_at < RETRY_FAILED_RENEWAL_MS
      ) {
        return {
          ok: false,
          failure: 'unauthorized',
          message: 'Shopify refused a token it has just issued.',
        }
      }
      const rejected = rejectedVersion !== undefined && row.version === rejectedVersion
      const usable = opened !== undefined && !rejected && t < row.expires_at - EXPIRY_MARGIN_MS
      const renewAt = row.issued_at + RENEW_AT_SHARE * (row.expires_at - row.issued_at)
      if (usable && t < renewAt) return { ok: true, token: opened.access, version: row.version }
      const recentFailure = row.failed_at !== null && t - row.failed_at < RETRY_FAILED_RENEWAL_MS
      if (recentFailure && row.lease_until <= t) {
        // Shopify refused or failed a moment ago: keep a still-valid token, else say why.
        if (usable) return { ok: true, token: opened.access, version: row.version }
        return failureOf(row)
      }
      const leased = await takeRenewalLease(db, {
        storeId,
        version: row.version,
        owner: this.#owner,
        now: t,
        leaseMs: LEASE_MS,
      })
      if (leased) return this.#renew(storeId, connection, row, opened?.refresh ?? null)
      // Another process renews: a still-valid token serves meanwhile, otherwise wait for it.
      if (usable) return { ok: true, token: opened.access, version: row.version }
      if (now() > deadline) {
        return {
          ok: false,
          failure: 'unavailable',
          message: 'Another process is still renewing the Shopify token.',
        }
      }
      await this.#o.sleep(WAIT_POLL_MS)
    }
  }

  async #renew(
    storeId: string,
    connection: Extract<ShopifyConnection, { clientId: string }>,
    row: ShopifyTokenRow,
    refreshToken: string | null,
  ): Promise<TokenAnswer> {
    const { db, keyring, logger, now } = this.#o
    const endpoint: TokenEndpointOptions = {
      now,
      ...(this.#o.fetch !== undefined ? { fetch: this.#o.fetch } : {}),
    }
    const app = {
      domain: connection.domain,
      clientId: connection.clientId,
      clientSecret: connection.clientSecret,
    }
    let result: GrantResult
    if (connection.mode === 'oauth') {
      result =
        refreshToken === null
          ? {
              ok: false,
              failure: 'rejected',
              status: null,
              message: 'The OAuth install has no refresh token; install the app again.',
            }
          : await refreshTokenGrant(app, refreshToken, endpoint)
    } else {
      result = await clientCredentialsGrant(app, endpoint)
    }
    if (!result.ok) {
      const code = result.failure === 'rejected' ? 'credentials_rejected' : 'shopify_unavailable'
      await recordRenewalFailure(db, storeId, this.#owner, {
        code,
        message: result.message,
        at: now(),
      })
      logger.warn('shopify token renewal failed', {
        storeId,
        mode: connection.mode,
        status: result.status,
        code,
      })
      return failureOf({ failure: code, failure_message: result.message })
    }
    const g = result.grant
    const saved = await saveRenewedToken(db, storeId, this.#owner, {
      accessToken: sealSecret(keyring, tokenPurpose(storeId, 'access'), g.accessToken),
      // A client-credentials token has no refresh token; an OAuth one gets a new one each time.
      refreshToken:
        g.refreshToken === null
          ? null
          : sealSecret(keyring, tokenPurpose(storeId, 'refresh'), g.refreshToken),
      issuedAt: g.issuedAt,
      expiresAt: g.expiresAt,
      refreshExpiresAt: g.refreshExpiresAt,
    })
    if (!saved) logger.warn('shopify token renewed after its lease ran out', { storeId })
    logger.info('shopify token renewed', { storeId, mode: connection.mode, expiresAt: g.expiresAt })
    return { ok: true, token: g.accessToken, version: row.version + 1 }
  }

  #open(
    storeId: string,
    row: ShopifyTokenRow,
  ): { access: string; refresh: string | null } | undefined {
    if (row.access_token === null) return undefined
    const access = openSecret(this.#o.keyring, tokenPurpose(storeId, 'access'), row.access_token)
    if (!access.ok) return undefined
    let refresh: string | null = null
    if (row.refresh_token !== null) {
      const r = openSecret(this.#o.keyring, tokenPurpose(storeId, 'refresh'), row.refresh_token)
      refresh = r.ok ? r.plaintext : null
    }
    return { access: access.plaintext, refresh }
  }
}

function failureOf(row: Pick<ShopifyTokenRow, 'failure' | 'failure_message'>): TokenAnswer {
  return {
    ok: false,
    failure: row.failure === 'credentials_rejected' ? 'unauthorized' : 'unavailable',
    message: row.failure_message ?? 'The Shopify token could not be renewed.',
  }
}

import { createHmac, randomBytes } from 'node:crypto'
import { http, HttpResponse, type HttpHandler } from 'msw'
import type { FakeShop } from './fake-shop.ts'

export const TEST_CLIENT_ID = 'porchlight0client0id0123456789ab'
export const TEST_CLIENT_SECRET = 'shpss_test_client_secret_0123456789'

export interface TokenRequest {
  grantType: string | null
  clientId: string | null
  body: Record<string, string>
}

/**
 * Shopify's token endpoint for one shop and one Dev Dashboard app, as its docs describe it:
 * client credentials (a token of about 24 hours, no refresh token), authorization codes of an
 * OAuth install (`expiring=1`: a one-hour token and a refresh token) and refresh tokens, which
 * are replaced on every use. Each token it issues becomes the one the fake shop accepts.
 */
export class FakeShopifyAuth {
  readonly shop: FakeShop
  clientId = TEST_CLIENT_ID
  clientSecret = TEST_CLIENT_SECRET
  /** Client credentials tokens live this long (Shopify: 86399 s). */
  clientCredentialsLifeS = 86_399
  offlineLifeS = 3_600
  refreshLifeS = 7_776_000
  requests: TokenRequest[] = []
  /** Statuses to answer the next token requests with (402 frozen, 423 locked, 5xx). */
  failures: number[] = []
  /** Milliseconds each answer takes (so two renewers overlap). */
  delayMs = 0
  /** The refresh token that works now; each use replaces it. */
  refreshToken: string | null = null
  codes = new Set<string>()
  /** False: the shop refuses the tokens this endpoint issues (an app Shopify half-revoked). */
  shopAcceptsIssued = true
  #serial = 0

  constructor(shop: FakeShop) {
    this.shop = shop
  }

  /** An authorization code Shopify would put on the callback for this shop. */
  issueCode(): string {
    const code = randomBytes(16).toString('hex')
    this.codes.add(code)
    return code
  }

  /** The app's secret is rotated (or the app uninstalled): old credentials stop working. */
  revoke(): void {
    this.clientSecret = 'shpss_rotated_' + randomBytes(8).toString('hex')
    this.shop.accessToken = 'shpat_nobody_has_this_' + randomBytes(8).toString('hex')
    this.refreshToken = null
  }

  /** Signs callback query parameters as Shopify does (hex HMAC-SHA256 of the sorted pairs). */
  sign(params: Record<string, string>): string {
    const message = Object.keys(params)
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&')
    return createHmac('sha256', this.clientSecret).update(message).digest('hex')
  }

  handlers(): HttpHandler[] {
    return [
      http.post(`https://${this.shop.domain}/admin/oauth/access_token`, async ({ request }) => {
        const body = Object.fromEntries(new URLSearchParams(await request.text()))
        this.requests.push({
          grantType: body['grant_type'] ?? null,
          clientId: body['client_id'] ?? null,
          body,
        })
        if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs))
        const failure = this.failures.shift()
        if (failure !== undefined)
          return HttpResponse.json({ error: 'unavailable' }, { status: failure })
        if (body['client_id'] !== this.clientId || body['client_secret'] !== this.clientSecret) {
          return HttpResponse.json(
            { error: 'invalid_client', error_description: 'Client authentication failed' },
            { status: 401 },
          )
        }
        const scope = this.shop.scopes.join(',')
        if (body['grant_type'] === 'client_credentials') {
          return HttpResponse.json({
            access_token: this.#newAccessToken(),
            scope,
            expires_in: this.clientCredentialsLifeS,
          })
        }
        if (body['grant_type'] === 'refresh_token') {
          if (this.refreshToken === null || body['refresh_token'] !== this.refreshToken) {
            return HttpResponse.json(
              { error: 'invalid_grant', error_description: 'The refresh token is not valid' },
              { status: 400 },
            )
          }
          return HttpResponse.json(this.#offline(scope))
        }
        const code = body['code']
        if (code !== undefined && this.codes.delete(code) && body['expiring'] === '1') {
          return HttpResponse.json(this.#offline(scope))
        }
        return HttpResponse.json(
          { error: 'invalid_request', error_description: 'The authorization code is not valid' },
          { status: 400 },
        )
      }),
    ]
  }

  #newAccessToken(): string {
    this.#serial++
    const token = `shpat_issued_${this.#serial}_${randomBytes(6).toString('hex')}`
    if (this.shopAcceptsIssued) this.shop.accessToken = token
    return token
  }

  #offline(scope: string) {
    this.refreshToken = `shprt_${randomBytes(12).toString('hex')}`
    return {
      access_token: this.#newAccessToken(),
      scope,
      expires_in: this.offlineLifeS,
      refresh_token: this.refreshToken,
      refresh_token_expires_in: this.refreshLifeS,
    }
  }
}

import { z } from 'zod'

/**
 * Shopify's token endpoint, `POST https://{shop}/admin/oauth/access_token`, for the three
 * grants Porchlight uses: client credentials (a Dev Dashboard app of the merchant's own
 * organization), the authorization code of an OAuth install (asking for an expiring offline
 * token), and the refresh token of such a token (which Shopify replaces on every use).
 */
export interface TokenGrant {
  accessToken: string
  /** Epoch ms the token was issued (our clock) and stops working. */
  issuedAt: number
  expiresAt: number
  refreshToken: string | null
  refreshExpiresAt: number | null
  scopes: string[]
}

export type GrantFailure =
  /** Shopify refused the app's credentials or the refresh token: a person must act. */
  | 'rejected'
  /** Shopify was unreachable, failed, or the shop is frozen (402) or locked (423): wait. */
  | 'unavailable'

export type GrantResult =
  | { ok: true; grant: TokenGrant }
  | { ok: false; failure: GrantFailure; status: number | null; message: string }

export interface TokenEndpointOptions {
  /** Epoch ms; the caller's clock. */
  now(): number
  /** Defaults to the global fetch, looked up per call (so test interceptors apply). */
  fetch?: typeof fetch
  timeoutMs?: number
}

const answer = z.object({
  access_token: z.string().min(1),
  scope: z.string().optional(),
  expires_in: z.number().int().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().int().positive().optional(),
})

// A token without a stated life is treated as living a day (client credentials tokens do).
const DEFAULT_LIFE_S = 24 * 3600

export function tokenEndpointUrl(domain: string): string {
  return `https://${domain}/admin/oauth/access_token`
}

async function post(
  domain: string,
  fields: Record<string, string>,
  options: TokenEndpointOptions,
): Promise<GrantResult> {
  const started = options.now()
  let res: Response
  try {
    res = await (options.fetch ?? globalThis.fetch)(tokenEndpointUrl(domain), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      redirect: 'manual',
    })
  } catch (err) {
    return {
      ok: false,
      failure: 'unavailable',
      status: null,
      message: `Shopify could not be reached (${(err as Error).message}).`,
    }
  }
  const body = (await res.json().catch(() => undefined)) as unknown
  if (res.ok) {
    const parsed = answer.safeParse(body)
    if (!parsed.success) {
      return {
        ok: false,
        failure: 'unavailable',
        status: res.status,
        message: 'Shopify answered the token request with something that is not a token.',
      }
    }
    const a = parsed.data
    return {
      ok: true,
      grant: {
        accessToken: a.access_token,
        issuedAt: started,
        expiresAt: started + (a.expires_in ?? DEFAULT_LIFE_S) * 1000,
        refreshToken: a.refresh_token ?? null,
        refreshExpiresAt:
          a.refresh_token_expires_in === undefined
            ? null
            : started + a.refresh_token_expires_in * 1000,
        scopes: (a.scope ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      },
    }
  }
  return { ok: false, ...describeFailure(res.status, body) }
}

function describeFailure(
  status: number,
  body: unknown,
): { failure: GrantFailure; status: number; message: string } {
  const said =
    typeof body === 'object' && body !== null
      ? String(
          (body as Record<string, unknown>)['error_description'] ??
            (body as Record<string, unknown>)['error'] ??
            '',
        )
      : ''
  const detail = said === '' ? '' : ` Shopify said: ${said.slice(0, 200)}`
  if (status === 402) {
    return { failure: 'unavailable', status, message: `The shop is frozen (unpaid bill).${detail}` }
  }
  if (status === 423)
    return { failure: 'unavailable', status, message: `The shop is locked.${detail}` }
  if (status === 429 || status >= 500) {
    return { failure: 'unavailable', status, message: `Shopify failed (HTTP ${status}).${detail}` }
  }
  return {
    failure: 'rejected',
    status,
    message: `Shopify refused the app's credentials (HTTP ${status}): the client secret may be wrong or rotated, or the app uninstalled.${detail}`,
  }
}

export interface AppCredentials {
  domain: string
  clientId: string
  clientSecret: string
}

export function clientCredentialsGrant(app: AppCredentials, options: TokenEndpointOptions) {
  return post(
    app.domain,
    { grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret },
    options,
  )
}

/** Exchanges an OAuth install's code for an expiring offline token and its refresh token. */
export function authorizationCodeGrant(
  app: AppCredentials,
  code: string,
  options: TokenEndpointOptions,
) {
  return post(
    app.domain,
    { client_id: app.clientId, client_secret: app.clientSecret, code, expiring: '1' },
    options,
  )
}

/** A new access token, and a new refresh token that replaces the one given. */
export function refreshTokenGrant(
  app: AppCredentials,
  refreshToken: string,
  options: TokenEndpointOptions,
) {
  return post(
    app.domain,
    {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      refresh_token: refreshToken,
    },
    options,
  )
}

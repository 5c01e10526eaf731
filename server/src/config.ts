import { LOG_LEVELS, type LogLevel } from './logger.ts'
import { estimateSecretBits, MIN_SECRET_BITS } from './secret-strength.ts'

/**
 * Configuration comes from the environment and is validated once at start: a wrong value stops
 * the server with a message that names the variable, instead of failing later at first use.
 * Every variable here is listed in the README's configuration table.
 */
export interface Config {
  env: 'development' | 'production' | 'test'
  port: number
  host: string
  publicUrl: string
  databaseUrl: string
  /** PostgreSQL schema for the tables; undefined uses the server's search path. */
  databaseSchema: string | undefined
  logLevel: LogLevel
  /** Server secret that keys one-time codes and session hashes. */
  secretKey: string | undefined
  /**
   * The key SECRET_KEY replaced, during a rotation: it still verifies codes and device cookies
   * it made (codes live 10 minutes); it makes nothing new.
   */
  secretKeyPrevious: string | undefined
  sessionTtlHours: number
  shutdownTimeoutMs: number
  seedDemo: boolean
  smtp: SmtpConfig | undefined
  /** Shoppers' email replies (INBOUND_MAIL_*); undefined sends no reply address. */
  inboundMail: InboundMailConfig | undefined
  twilio: TwilioConfig | undefined
  shopifyApiVersion: string
  /**
   * The Dev Dashboard app this server installs in many shops through OAuth
   * (SHOPIFY_APP_CLIENT_ID and SHOPIFY_APP_CLIENT_SECRET); undefined turns the install off.
   */
  shopifyApp: { clientId: string; clientSecret: string } | undefined
  /** Test-only clock control for e2e; refused when env is production. */
  testClock: boolean
  /**
   * Reverse proxies in front of the server whose X-Forwarded-For entries are trusted; 0 means
   * the client address is the socket's.
   */
  trustProxy: number
  /** Test-only seeding routes under /test (e2e inserts fixtures); refused in production. */
  testSeed: boolean
  /** Test-only: origins of the e2e host pages, allowed by a dedicated store; never in production. */
  testHostOrigins: string[]
  /**
   * Test-only: an in-process fake Shopify (msw) with a store connected to it, so e2e can run the
   * shopper journeys on a Shopify store without the internet; refused in production.
   */
  testFakeShopify: boolean
  /**
   * Test-only: webhooks may go to this machine (e2e's receiver on 127.0.0.1); refused in
   * production, where an owner must never aim signed POSTs at internal services.
   */
  testPrivateWebhooks: boolean
}

export interface SmtpConfig {
  url: string | undefined
  host: string | undefined
  port: number
  user: string | undefined
  password: string | undefined
  from: string
}

export interface InboundMailConfig {
  /** Reply addresses are reply+<token>@domain; its MX points at us or at a provider. */
  domain: string
  /** The built-in SMTP receiver's port; undefined leaves it off. */
  smtpPort: number | undefined
  smtpHost: string
  /** The HTTP endpoint's secret, /v1/inbound/mail/<secret>; undefined leaves it off. */
  httpSecret: string | undefined
  /** Larger messages are refused before they are read (SMTP SIZE, HTTP body limit). */
  maxBytes: number
}

export interface TwilioConfig {
  accountSid: string
  authToken: string
  from: string | undefined
  messagingServiceSid: string | undefined
}

export class ConfigError extends Error {
  readonly variable: string
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`)
    this.variable = variable
  }
}

type Env = Record<string, string | undefined>

function str(env: Env, name: string): string | undefined {
  const v = env[name]?.trim()
  return v === undefined || v === '' ? undefined : v
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name)
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`)
  const n = Number(raw)
  if (n < min || n > max) throw new ConfigError(name, `expected ${min} to ${max}, got ${n}`)
  return n
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name)
  if (raw === undefined) return fallback
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false
  throw new ConfigError(name, `expected true or false, got "${raw}"`)
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = str(env, name)
  if (raw === undefined) return fallback
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`)
  }
  return raw as T
}

function url(env: Env, name: string, fallback: string, protocols: readonly string[]): string {
  const raw = str(env, name) ?? fallback
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new ConfigError(name, `expected a URL, got "${raw}"`)
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `expected a ${protocols.join(' or ')} URL, got "${raw}"`)
  }
  return raw
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development')
  const port = int(env, 'PORT', 8787, 0, 65535)
  const host = str(env, 'HOST') ?? '0.0.0.0'
  const publicUrl = url(env, 'PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']).replace(
    /\/$/,
    '',
  )
  const databaseUrl = url(env, 'DATABASE_URL', 'sqlite:./data/porchlight.db', [
    'sqlite:',
    'postgres:',
    'postgresql:',
  ])
  const databaseSchema = str(env, 'DATABASE_SCHEMA')
  if (databaseSchema !== undefined) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
      throw new ConfigError('DATABASE_SCHEMA', 'expected lower-case letters, digits and _')
    }
    if (databaseUrl.startsWith('sqlite:')) {
      throw new ConfigError('DATABASE_SCHEMA', 'only applies to a postgres DATABASE_URL')
    }
  }
  const secretKey = secret(env, 'SECRET_KEY', nodeEnv)
  if (nodeEnv === 'production' && secretKey === undefined) {
    throw new ConfigError('SECRET_KEY', 'is required when NODE_ENV=production')
  }
  const secretKeyPrevious = secret(env, 'SECRET_KEY_PREVIOUS', nodeEnv)
  if (secretKeyPrevious !== undefined && secretKey === undefined) {
    throw new ConfigError('SECRET_KEY_PREVIOUS', 'only makes sense beside SECRET_KEY')
  }
  const testClock = bool(env, 'PORCHLIGHT_TEST_CLOCK', false)
  if (testClock && nodeEnv === 'production') {
    throw new ConfigError('PORCHLIGHT_TEST_CLOCK', 'cannot be switched on in production')
  }
  const testSeed = bool(env, 'PORCHLIGHT_TEST_SEED', false)
  if (testSeed && nodeEnv === 'production') {
    throw new ConfigError('PORCHLIGHT_TEST_SEED', 'cannot be switched on in production')
  }
  const testHostOrigins = origins(env, 'PORCHLIGHT_TEST_HOST_ORIGINS')
  if (testHostOrigins.length > 0 && nodeEnv === 'production') {
    throw new ConfigError('PORCHLIGHT_TEST_HOST_ORIGINS', 'cannot be set in production')
  }
  const testFakeShopify = bool(env, 'PORCHLIGHT_TEST_FAKE_SHOPIFY', false)
  if (testFakeShopify && nodeEnv === 'production') {
    throw new ConfigError('PORCHLIGHT_TEST_FAKE_SHOPIFY', 'cannot be switched on in production')
  }
  const testPrivateWebhooks = bool(env, 'PORCHLIGHT_TEST_PRIVATE_WEBHOOKS', false)
  if (testPrivateWebhooks && nodeEnv === 'production') {
    throw new ConfigError('PORCHLIGHT_TEST_PRIVATE_WEBHOOKS', 'cannot be switched on in production')
  }
  return {
    env: nodeEnv,
    port,
    host,
    publicUrl,
    databaseUrl,
    databaseSchema,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    secretKey,
    secretKeyPrevious,
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 24, 1, 24 * 90),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    // A demo store comes with a well-known agent password: never seed it in production by default.
    seedDemo: bool(env, 'SEED_DEMO', nodeEnv !== 'production'),
    smtp: loadSmtp(env),
    inboundMail: loadInboundMail(env),
    twilio: loadTwilio(env),
    shopifyApiVersion: str(env, 'SHOPIFY_API_VERSION') ?? '2026-10',
    shopifyApp: loadShopifyApp(env),
    testClock,
    trustProxy: proxyHops(env),
    testSeed,
    testHostOrigins,
    testFakeShopify,
    testPrivateWebhooks,
  }
}

function loadShopifyApp(env: Env): Config['shopifyApp'] {
  const clientId = str(env, 'SHOPIFY_APP_CLIENT_ID')
  const clientSecret = str(env, 'SHOPIFY_APP_CLIENT_SECRET')
  if (clientId === undefined && clientSecret === undefined) return undefined
  if (clientId === undefined) {
    throw new ConfigError('SHOPIFY_APP_CLIENT_ID', 'is required beside SHOPIFY_APP_CLIENT_SECRET')
  }
  if (clientSecret === undefined) {
    throw new ConfigError('SHOPIFY_APP_CLIENT_SECRET', 'is required beside SHOPIFY_APP_CLIENT_ID')
  }
  if (!/^[A-Za-z0-9_-]{8,100}$/.test(clientId)) {
    throw new ConfigError(
      'SHOPIFY_APP_CLIENT_ID',
      'expected the client ID shown in the Dev Dashboard',
    )
  }
  return { clientId, clientSecret }
}

// A guessable key lets anyone compute any shopper's sign-in code offline, so production refuses
// one with less than 128 bits of estimated entropy (repeats and words count for little). The
// estimate loads zxcvbn's dictionaries (about half a second), so only production pays it.
function secret(env: Env, name: string, nodeEnv: Config['env']): string | undefined {
  const key = str(env, name)
  if (key === undefined) return undefined
  if (key.length < 32) throw new ConfigError(name, 'must be at least 32 characters')
  if (nodeEnv === 'production') {
    const bits = estimateSecretBits(key)
    if (bits < MIN_SECRET_BITS) {
      throw new ConfigError(
        name,
        `is guessable (about ${Math.floor(bits)} bits of entropy, ${MIN_SECRET_BITS} needed); ` +
          'make one with `pnpm porchlight secret generate`',
      )
    }
  }
  return key
}

// `true` means one proxy (the usual single load balancer); a number counts the hops.
function proxyHops(env: Env): number {
  const raw = str(env, 'TRUST_PROXY')?.toLowerCase()
  if (raw === undefined || raw === 'false' || raw === 'no' || raw === 'off') return 0
  if (raw === 'true' || raw === 'yes' || raw === 'on') return 1
  return int(env, 'TRUST_PROXY', 0, 0, 10)
}

// A comma-separated list of http(s) origins, each exactly an origin (no path, no trailing slash).
function origins(env: Env, name: string): string[] {
  const list = (str(env, name) ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
  for (const o of list) {
    let parsed: URL | undefined
    try {
      parsed = new URL(o)
    } catch {
      // reported below
    }
    if (parsed === undefined || !/^https?:$/.test(parsed.protocol) || parsed.origin !== o) {
      throw new ConfigError(name, `expected origins like http://localhost:3000, got "${o}"`)
    }
  }
  return list
}

function loadSmtp(env: Env): SmtpConfig | undefined {
  const smtpUrl = str(env, 'SMTP_URL')
  const host = str(env, 'SMTP_HOST')
  if (smtpUrl === undefined && host === undefined) return undefined
  if (smtpUrl !== undefined) url(env, 'SMTP_URL', smtpUrl, ['smtp:', 'smtps:'])
  return {
    url: smtpUrl,
    host,
    port: int(env, 'SMTP_PORT', 587, 1, 65535),
    user: str(env, 'SMTP_USER'),
    password: str(env, 'SMTP_PASSWORD'),
    from: str(env, 'SMTP_FROM') ?? 'Porchlight <no-reply@localhost>',
  }
}

function loadInboundMail(env: Env): InboundMailConfig | undefined {
  const domain = str(env, 'INBOUND_MAIL_DOMAIN')
  const smtpPort = str(env, 'INBOUND_SMTP_PORT')
  const httpSecret = str(env, 'INBOUND_MAIL_SECRET')
  if (domain === undefined) {
    if (smtpPort !== undefined || httpSecret !== undefined) {
      throw new ConfigError('INBOUND_MAIL_DOMAIN', 'is required to receive replies')
    }
    return undefined
  }
  if (
    !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(
      domain,
    )
  ) {
    throw new ConfigError('INBOUND_MAIL_DOMAIN', `expected a domain name, got "${domain}"`)
  }
  // The secret is the endpoint's only credential, in a URL: long and random, like SECRET_KEY.
  if (httpSecret !== undefined && !/^[A-Za-z0-9_-]{32,200}$/.test(httpSecret)) {
    throw new ConfigError('INBOUND_MAIL_SECRET', 'expected 32 or more letters, digits, - or _')
  }
  return {
    domain: domain.toLowerCase(),
    smtpPort: smtpPort === undefined ? undefined : int(env, 'INBOUND_SMTP_PORT', 2525, 0, 65535),
    smtpHost: str(env, 'INBOUND_SMTP_HOST') ?? '0.0.0.0',
    httpSecret,
    maxBytes: int(env, 'INBOUND_MAIL_MAX_BYTES', 15 * 1024 * 1024, 64 * 1024, 25 * 1024 * 1024),
  }
}

function loadTwilio(env: Env): TwilioConfig | undefined {
  const accountSid = str(env, 'TWILIO_ACCOUNT_SID')
  const authToken = str(env, 'TWILIO_AUTH_TOKEN')
  if (accountSid === undefined && authToken === undefined) return undefined
  if (accountSid === undefined)
    throw new ConfigError('TWILIO_ACCOUNT_SID', 'is required with TWILIO_AUTH_TOKEN')
  if (authToken === undefined)
    throw new ConfigError('TWILIO_AUTH_TOKEN', 'is required with TWILIO_ACCOUNT_SID')
  const from = str(env, 'TWILIO_FROM')
  const messagingServiceSid = str(env, 'TWILIO_MESSAGING_SERVICE_SID')
  if (from === undefined && messagingServiceSid === undefined) {
    throw new ConfigError('TWILIO_FROM', 'set TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID')
  }
  return { accountSid, authToken, from, messagingServiceSid }
}

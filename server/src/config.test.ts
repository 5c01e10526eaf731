import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'
import { PRODUCTION_TEST_KEY } from './test/keys.ts'

const STRONG_KEY = PRODUCTION_TEST_KEY

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env)
  } catch (err) {
    if (err instanceof ConfigError) return err.variable
    throw err
  }
  return undefined
}

describe.skipIf(process.env['PORCHLIGHT_TEST_DB'] === 'postgres')('configuration', () => {
  it('starts with the embedded defaults', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({
      env: 'development',
      port: 8787,
      databaseUrl: 'sqlite:./data/porchlight.db',
      seedDemo: true,
      smtp: undefined,
      twilio: undefined,
      sessionTtlHours: 24,
    })
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SECRET_KEY: 'short' }, 'SECRET_KEY'],
    [{ NODE_ENV: 'production' }, 'SECRET_KEY'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ TWILIO_ACCOUNT_SID: 'AC1' }, 'TWILIO_AUTH_TOKEN'],
    [{ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't' }, 'TWILIO_FROM'],
    [
      { NODE_ENV: 'production', SECRET_KEY: STRONG_KEY, PORCHLIGHT_TEST_CLOCK: 'true' },
      'PORCHLIGHT_TEST_CLOCK',
    ],
    [
      { NODE_ENV: 'production', SECRET_KEY: STRONG_KEY, PORCHLIGHT_TEST_FAKE_SHOPIFY: '1' },
      'PORCHLIGHT_TEST_FAKE_SHOPIFY',
    ],
    [{ PORCHLIGHT_TEST_FAKE_SHOPIFY: 'sometimes' }, 'PORCHLIGHT_TEST_FAKE_SHOPIFY'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(fails(env)).toBe(variable)
  })

  it.each([
    ['a'.repeat(32)],
    ['changeme'.repeat(4)],
    ['0123456789abcdef'.repeat(2)],
    ['P@ssw0rd!'.repeat(4)],
    ['qwertyuiopasdfghjklzxcvbnm1234567890'],
    ['correct horse battery staple correct'],
  ])('refuses the guessable SECRET_KEY %s in production, and names the generator', (key) => {
    expect(fails({ NODE_ENV: 'production', SECRET_KEY: key })).toBe('SECRET_KEY')
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: key })).toThrow(
      /porchlight secret generate/,
    )
    // Development and tests keep taking any key of 32 characters or more.
    expect(loadConfig({ SECRET_KEY: key }).secretKey).toBe(key)
  })

  it('takes random keys in production: base64url and hex, 32 bytes', async () => {
    const { randomBytes } = await import('node:crypto')
    for (const key of [STRONG_KEY, randomBytes(32).toString('hex')]) {
      expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: key }).secretKey).toBe(key)
    }
  })

  it('takes a previous key for rotation, checked like the current one', () => {
    const previous = 'Qm7tXz2LwP9vB4nR8cKs1JhY6dFg3AeU5oIi0pTrWq'
    const c = loadConfig({
      NODE_ENV: 'production',
      SECRET_KEY: STRONG_KEY,
      SECRET_KEY_PREVIOUS: previous,
    })
    expect(c.secretKeyPrevious).toBe(previous)
    expect(
      fails({
        NODE_ENV: 'production',
        SECRET_KEY: STRONG_KEY,
        SECRET_KEY_PREVIOUS: 'b'.repeat(40),
      }),
    ).toBe('SECRET_KEY_PREVIOUS')
    expect(fails({ SECRET_KEY_PREVIOUS: previous })).toBe('SECRET_KEY_PREVIOUS')
  })

  it('switches the in-process fake Shopify on only when asked, outside production', () => {
    expect(loadConfig({}).testFakeShopify).toBe(false)
    expect(
      loadConfig({ NODE_ENV: 'test', PORCHLIGHT_TEST_FAKE_SHOPIFY: '1' }).testFakeShopify,
    ).toBe(true)
  })

  it('does not seed the demo store (with its public agent password) in production by default', () => {
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: STRONG_KEY }).seedDemo).toBe(false)
  })
})

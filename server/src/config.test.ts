import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

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
      { NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32), PORCHLIGHT_TEST_CLOCK: 'true' },
      'PORCHLIGHT_TEST_CLOCK',
    ],
    [
      { NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32), PORCHLIGHT_TEST_FAKE_SHOPIFY: '1' },
      'PORCHLIGHT_TEST_FAKE_SHOPIFY',
    ],
    [{ PORCHLIGHT_TEST_FAKE_SHOPIFY: 'sometimes' }, 'PORCHLIGHT_TEST_FAKE_SHOPIFY'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(fails(env)).toBe(variable)
  })

  it('switches the in-process fake Shopify on only when asked, outside production', () => {
    expect(loadConfig({}).testFakeShopify).toBe(false)
    expect(
      loadConfig({ NODE_ENV: 'test', PORCHLIGHT_TEST_FAKE_SHOPIFY: '1' }).testFakeShopify,
    ).toBe(true)
  })

  it('does not seed the demo store (with its public agent password) in production by default', () => {
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32) }).seedDemo).toBe(false)
  })
})

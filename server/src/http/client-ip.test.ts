import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../app-env.ts'
import type { AppDeps } from '../deps.ts'
import { loadConfig } from '../config.ts'
import { TEST_CLIENT_IP_HEADER, clientAddress, rateLimitAddress } from './client-ip.ts'
import { PRODUCTION_TEST_KEY } from '../test/keys.ts'

function probe(env: Record<string, string>) {
  const config = loadConfig({ SECRET_KEY: PRODUCTION_TEST_KEY, ...env })
  const app = new Hono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('deps', { config } as AppDeps)
    await next()
  })
  app.get('/ip', (c) => c.text(clientAddress(c)))
  return async (headers: Record<string, string>) => (await app.request('/ip', { headers })).text()
}

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says so', async () => {
    const ip = probe({ NODE_ENV: 'development' })
    expect(await ip({ 'x-forwarded-for': '203.0.113.9' })).toBe('unknown')
  })

  it('takes the entry the trusted proxy wrote, not the ones the client wrote', async () => {
    const one = probe({ NODE_ENV: 'production', TRUST_PROXY: 'true' })
    expect(await one({ 'x-forwarded-for': '198.51.100.1, 203.0.113.9' })).toBe('203.0.113.9')
    const two = probe({ NODE_ENV: 'production', TRUST_PROXY: '2' })
    expect(await two({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.2' })).toBe('203.0.113.9')
    expect(await two({ 'x-forwarded-for': '203.0.113.9' })).toBe('unknown')
    expect(await one({ 'x-forwarded-for': 'not-an-ip' })).toBe('unknown')
  })

  it('lets tests name the address only under NODE_ENV=test', async () => {
    expect(await probe({ NODE_ENV: 'test' })({ [TEST_CLIENT_IP_HEADER]: '192.0.2.7' })).toBe(
      '192.0.2.7',
    )
    expect(await probe({ NODE_ENV: 'test' })({ [TEST_CLIENT_IP_HEADER]: 'junk' })).toBe('unknown')
    for (const NODE_ENV of ['development', 'production']) {
      expect(await probe({ NODE_ENV })({ [TEST_CLIENT_IP_HEADER]: '192.0.2.7' })).toBe('unknown')
    }
  })

  it('refuses TRUST_PROXY values that are not a flag or a small count', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/)
    expect(() => loadConfig({ TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY/)
    expect(loadConfig({}).trustProxy).toBe(0)
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(0)
    expect(loadConfig({ TRUST_PROXY: '3' }).trustProxy).toBe(3)
  })
})

describe('rateLimitAddress', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::203.0.113.9', '64:ff9b:0:0::/64'],
  ])('%s -> %s', (address, bucket) => {
    expect(rateLimitAddress(address)).toBe(bucket)
  })

  it('puts every address of one /64 in one bucket and the next /64 in another', () => {
    expect(rateLimitAddress('2001:db8:a:b:ffff::1')).toBe(rateLimitAddress('2001:db8:a:b::2'))
    expect(rateLimitAddress('2001:db8:a:c::1')).not.toBe(rateLimitAddress('2001:db8:a:b::1'))
  })
})

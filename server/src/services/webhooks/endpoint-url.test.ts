import { describe, expect, it } from 'vitest'
import type {
  ResolvedAddress,
  WebhookTargetPolicy,
} from '../../adapters/webhooks/webhook-targets.ts'
import { webhookUrlProblem } from './endpoint-url.ts'

/** A pretend DNS: no test looks a name up for real. */
const dns: Record<string, ResolvedAddress[]> = {
  'hooks.example.com': [{ address: '93.184.216.34', family: 4 }],
  'v6.example.com': [{ address: '2606:2800:220:1::248', family: 6 }],
  '127.0.0.1.nip.io': [{ address: '127.0.0.1', family: 4 }],
  'mixed.example.com': [
    { address: '93.184.216.34', family: 4 },
    { address: '10.0.0.1', family: 4 },
  ],
  'nat64.example.com': [{ address: '64:ff9b::7f00:1', family: 6 }],
  'mapped.example.com': [{ address: '::ffff:127.0.0.1', family: 6 }],
}
const policy: WebhookTargetPolicy = {
  allowPrivate: false,
  resolve: async (host) => {
    const found = dns[host]
    if (found === undefined) throw new Error(`ENOTFOUND ${host}`)
    return found
  },
}
const problem = (url: string, env: 'production' | 'test' = 'production') =>
  webhookUrlProblem(url, env, policy)

describe('webhook URLs', () => {
  it.each([
    'https://hooks.example.com/porchlight?x=1',
    'https://v6.example.com/hook',
    'https://93.184.216.34/hook',
    'https://[2606:2800:220:1::248]/hook',
  ])('takes the public URL %s in production', async (url) => {
    expect(await problem(url)).toBeNull()
  })

  it.each([
    'http://hooks.example.com/',
    'https://localhost/hook',
    'https://api.localhost/hook',
    'https://printer.local/hook',
    'https://db.internal/hook',
    'https://127.0.0.1/hook',
    'https://2130706433/hook',
    'https://0x7f.1/hook',
    'https://0.0.0.0/hook',
    'https://10.0.0.8/hook',
    'https://172.20.1.1/hook',
    'https://192.168.1.10/hook',
    'https://100.64.0.1/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://224.0.0.1/hook',
    'https://255.255.255.255/hook',
    'https://[::]/hook',
    'https://[::1]/hook',
    'https://[::127.0.0.1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::ffff:7f00:1]/hook',
    'https://[64:ff9b::7f00:1]/hook',
    'https://[64:ff9b::a00:1]/hook',
    'https://[2002:7f00:1::]/hook',
    'https://[fe80::1]/hook',
    'https://[fd00::1]/hook',
    'https://[ff02::1]/hook',
    'https://127.0.0.1.nip.io/hook',
    'https://mixed.example.com/hook',
    'https://nat64.example.com/hook',
    'https://mapped.example.com/hook',
    'https://nowhere.example.com/hook',
    'https://user:pw@hooks.example.com/',
    'https://hooks.example.com/#frag',
    'ftp://hooks.example.com/',
    'not a url',
  ])('refuses %s in production', async (url) => {
    expect(await problem(url)).not.toBeNull()
  })

  it('refuses private targets in development and tests too, unless the harness allows them', async () => {
    expect(await problem('http://127.0.0.1:9999/hooks', 'test')).toMatch(/loopback/)
    expect(await problem('http://hooks.example.com/', 'test')).toBeNull()
    expect(await problem('file:///etc/passwd', 'test')).not.toBeNull()
    const allowed = { ...policy, allowPrivate: true }
    expect(await webhookUrlProblem('http://127.0.0.1:9999/hooks', 'test', allowed)).toBeNull()
  })
})

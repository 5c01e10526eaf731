import { describe, expect, it } from 'vitest'
import type {
  ResolvedAddress,
  WebhookTargetPolicy,
} from '../../adapters/webhooks/webhook-targets.ts'
import { createTestApp, testDialect, testWebhookTargets } from '../../test/harness.ts'
import { ticketActionsSetup } from '../../test/ticket-actions.ts'
import { startReceiver } from '../../test/webhook-receiver.ts'

const loopback: ResolvedAddress = { address: '127.0.0.1', family: 4 }
const publicIp: ResolvedAddress = { address: '93.184.216.34', family: 4 }

/**
 * The production policy (no allowance for private targets) over a pretend DNS in which
 * `rebind.shop.test` answers a public address the first time and loopback after that.
 */
function rebindingPolicy() {
  let lookups = 0
  const policy: WebhookTargetPolicy = {
    allowPrivate: false,
    resolve: async (host) => {
      if (host === 'rebind.shop.test') return lookups++ === 0 ? [publicIp] : [loopback]
      if (host === '127.0.0.1.nip.io') return [loopback]
      throw new Error(`ENOTFOUND ${host}`)
    },
  }
  return { policy, lookups: () => lookups }
}

async function setup() {
  const dns = rebindingPolicy()
  const t = await ticketActionsSetup({ webhookTargets: dns.policy })
  await t.db
    .updateTable('agents')
    .set({ role: 'owner' })
    .where('id', '=', t.agent.agentId)
    .execute()
  const create = (url: string) =>
    t.post('/v1/agent/webhooks', { url, events: ['request.declined'] }, t.agent.write)
  return { ...t, dns, create }
}

describe(`webhook targets (${testDialect})`, () => {
  it.each([
    'http://127.0.0.1:8080/hooks',
    'http://localhost:8080/hooks',
    'http://[::1]/hooks',
    'http://[::127.0.0.1]/hooks',
    'http://[::ffff:127.0.0.1]/hooks',
    'http://[64:ff9b::7f00:1]/hooks',
    'http://10.0.0.8/hooks',
    'http://100.64.0.1/hooks',
    'http://169.254.169.254/latest/meta-data',
    'http://[fe80::1]/hooks',
    'http://224.0.0.1/hooks',
    'http://0.0.0.0/hooks',
    'http://127.0.0.1.nip.io/hooks',
    'http://unknown.shop.test/hooks',
  ])('refuses %s when the endpoint is created', async (url) => {
    const t = await setup()
    const res = await t.create(url)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed')
    const list = await t.app.request('/v1/agent/webhooks', { headers: t.agent.read })
    expect(((await list.json()) as { endpoints: unknown[] }).endpoints).toEqual([])
  })

  it('checks the name again at delivery: public when created, loopback now, nothing sent', async () => {
    const t = await setup()
    const receiver = await startReceiver()
    const url = receiver.url.replace('127.0.0.1', 'rebind.shop.test')
    expect((await t.create(url)).status).toBe(201)
    expect(t.dns.lookups()).toBe(1)
    const ticket = await t.request()
    const declined = await t.decide(ticket.id, { version: 1, decision: 'decline', reason: 'No' })
    expect(declined.status).toBe(200)

    // The decline also emails the shopper; the webhook is the one that fails.
    expect(await t.drainOutbox()).toMatchObject({ retried: 0, failed: 1 })
    expect(t.dns.lookups()).toBe(2)
    expect(receiver.received).toHaveLength(0)
    const log = await t.app.request('/v1/agent/webhooks/deliveries', { headers: t.agent.read })
    const [delivery] = ((await log.json()) as { deliveries: Array<Record<string, unknown>> })
      .deliveries
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1 })
    expect(delivery?.['lastError']).toMatch(/127\.0\.0\.1 is loopback/)
  })

  it('never lets the test allowance for private targets into production', async () => {
    await expect(
      createTestApp({
        env: { NODE_ENV: 'production', PUBLIC_URL: 'https://support.example.com' },
        webhookTargets: testWebhookTargets,
      }),
    ).rejects.toThrow(/allowPrivate .* cannot be on in production/)
  })
})

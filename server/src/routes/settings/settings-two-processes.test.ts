import { describe, expect, it } from 'vitest'
import { DEMO_AGENT, DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { agentSignIn } from '../../test/spawn-server.ts'
import { testDialect } from '../../test/harness.ts'
import { sharedPostgres } from '../../test/shared-postgres.ts'

const db = sharedPostgres()

/**
 * Two real server processes on one PostgreSQL database: a setting saved through one reaches the
 * widget served by the other at once. No process keeps the store's settings in memory (each
 * request reads the store's row) and browsers revalidate the config on every page view, so
 * there is no cache to invalidate; this test holds that to account.
 */
describe.skipIf(testDialect !== 'postgres')('settings across two server processes', () => {
  it('shows a colour saved on one process in the other’s widget config', async () => {
    // One after the other: the first applies the migrations and seeds the demo store.
    const a = await db.spawn()
    const b = await db.spawn()
    const configOnB = async (etag?: string) =>
      fetch(`${b.url}/v1/widget/config?key=${DEMO_WIDGET_KEY}`, {
        headers: etag === undefined ? {} : { 'if-none-match': etag },
      })
    const first = await configOnB()
    const tag = first.headers.get('etag') ?? ''
    expect((await first.json()).theme.color).toBe('#7a4b2a')

    const owner = await agentSignIn(a.url, DEMO_AGENT.email, DEMO_AGENT.password)
    const widget = await (
      await fetch(`${a.url}/v1/agent/settings/widget`, { headers: owner })
    ).json()
    const saved = await fetch(`${a.url}/v1/agent/settings/widget`, {
      method: 'PUT',
      headers: { ...owner, 'content-type': 'application/json' },
      body: JSON.stringify({
        version: widget.version,
        values: { ...widget.values, color: '#0b5e3a' },
      }),
    })
    expect(saved.status).toBe(200)
    // The very next read on the other process, the browser's revalidation (If-None-Match),
    // gets the new config, not a 304: there is no delay to wait out, so "within 2 seconds"
    // holds however busy the machine is (a wall-clock bound here would only time the machine).
    const after = await configOnB(tag)
    expect(after.status).toBe(200)
    expect((await after.json()).theme.color).toBe('#0b5e3a')
    // Starting two servers (migrations, seed) takes a while on a busy machine.
  }, 90_000)
})

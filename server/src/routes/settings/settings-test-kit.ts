import { signInAgent } from '../../test/agents.ts'
import { createTestApp } from '../../test/harness.ts'

export type SettingsCtx = Awaited<ReturnType<typeof createTestApp>>

/** A demo app with an owner and a plain agent of the demo store signed in. */
export async function settingsApp() {
  const ctx = await createTestApp()
  const owner = await signInAgent(ctx, 'st_demo', 'owner@example.com', 'owner')
  const agent = await signInAgent(ctx, 'st_demo', 'plain-agent@example.com', 'agent')
  const get = async (section: string, headers = owner.read) =>
    ctx.app.request(`/v1/agent/settings/${section}`, { headers })
  const put = (section: string, body: unknown, headers: Record<string, string> = owner.write) =>
    ctx.app.request(`/v1/agent/settings/${section}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify(body),
    })
  /** Reads a section and saves it with `change` applied to its values. */
  const edit = async (section: string, change: Record<string, unknown>) => {
    const current = await (await get(section)).json()
    return put(section, { version: current.version, values: { ...current.values, ...change } })
  }
  const history = async () =>
    (await (await ctx.app.request('/v1/agent/settings/history', { headers: owner.read })).json())
      .entries
  return { ...ctx, owner, agent, get, put, edit, history }
}

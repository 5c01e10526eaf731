/** Helpers for the tests of the Agents and Webhooks settings: owners, calls, emailed links. */
import { signInAgent } from './agents.ts'
import { createTestApp, type TestAppOptions } from './harness.ts'

export type TeamCtx = Awaited<ReturnType<typeof teamSetup>>
type Headers = Record<string, string>

/** The demo store with an owner and a plain agent signed in, and JSON call helpers. */
export async function teamSetup(options: TestAppOptions = {}) {
  const ctx = await createTestApp(options)
  const owner = await signInAgent(ctx, 'st_demo', 'owner@example.com', 'owner')
  const agent = await signInAgent(ctx, 'st_demo', 'plain-agent@example.com', 'agent')
  const call = async (method: string, path: string, headers: Headers, body?: unknown) => {
    const res = await ctx.app.request(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    const text = await res.text()
    return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as any }
  }
  const get = (path: string, who = owner) => call('GET', path, who.read)
  const send = (method: string, path: string, body?: unknown, who = owner) =>
    call(method, path, who.write, body)
  /** The set-password tokens emailed to `to`, oldest first (delivers what is due first). */
  const linksSentTo = async (to: string) => {
    await ctx.drainOutbox()
    return (ctx.deps.devOutbox?.list() ?? [])
      .reverse()
      .flatMap((m) => (m.to === to && m.channel === 'email' ? [m] : []))
      .map((m) => {
        const match = /set-password#token=([^\s]+)/.exec(m.text)
        if (match?.[1] === undefined) throw new Error(`no link in the email to ${to}`)
        return { token: decodeURIComponent(match[1]), subject: m.subject }
      })
  }
  /** Uses a set-password link's token, as the set-password page does. */
  const setPassword = (token: string, password: string) =>
    call('POST', '/v1/agent/password', { 'content-type': 'application/json' }, { token, password })
  const login = (email: string, password: string) =>
    call('POST', '/v1/agent/login', { 'content-type': 'application/json' }, { email, password })
  return { ...ctx, owner, agent, call, get, send, linksSentTo, setPassword, login }
}

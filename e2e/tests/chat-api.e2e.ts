import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'

/**
 * The chat journey at the API level, with a real browser's EventSource on the shopper side and
 * the test clock moving a day ahead. This file runs its own server: the clock control must be
 * on, and moving the shared server's clock would expire other journeys' sessions.
 */
let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  server = await startServerProcess({ PORCHLIGHT_TEST_CLOCK: 'true' })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const KEY = { 'x-porchlight-key': 'pk_demo_lumen' }

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) }
}

/** Opens an EventSource in the page (same origin as the API, like the widget's iframe). */
async function listen(page: Page, url: string) {
  await page.evaluate((streamUrl) => {
    const w = window as unknown as { seen: Array<{ type: string; data: string; id: string }> }
    w.seen = []
    const source = new EventSource(streamUrl)
    for (const type of ['ready', 'message', 'conversation', 'typing', 'resync']) {
      source.addEventListener(type, (e) => {
        const m = e as MessageEvent<string>
        w.seen.push({ type, data: m.data, id: m.lastEventId })
      })
    }
  }, url)
  return async (type: string) =>
    page.evaluate(
      (t) =>
        (window as unknown as { seen: Array<{ type: string; data: string }> }).seen
          .filter((e) => e.type === t)
          .map((e) => JSON.parse(e.data)),
      type,
    )
}

async function agentSignIn() {
  const login = await fetch(`${server.url}/v1/agent/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'agent@lumen-loom.example', password: 'porchlight-demo' }),
  })
  return {
    cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
  }
}

describe('live chat over HTTP and server-sent events', () => {
  it('shopper writes, agent answers live; a day later the thread is gone and a new one starts', async () => {
    const visitor = await call('POST', '/v1/conversations/visitors', KEY, {
      name: 'Ada',
      email: 'ada@example.com',
    })
    expect(visitor.status).toBe(201)
    const shopper = { ...KEY, authorization: `Bearer ${visitor.body.token}` }
    const first = await call('POST', '/v1/conversations/current/messages', shopper, {
      text: 'Where is my lamp?',
    })
    expect(first.status).toBe(201)
    const conversationId = first.body.conversation.id

    const page = await browser.newPage()
    await page.goto(`${server.url}/healthz`)
    const ticket = await call('POST', '/v1/conversations/stream-tickets', shopper, {})
    expect(ticket.body.url).not.toContain(visitor.body.token)
    const seen = await listen(page, ticket.body.url)
    await expect.poll(() => seen('ready'), { timeout: 10_000 }).toHaveLength(1)

    let agent = await agentSignIn()
    const typing = await call('POST', `/v1/agent/conversations/${conversationId}/typing`, agent)
    expect(typing.status).toBe(204)
    const answer = await call('POST', `/v1/agent/conversations/${conversationId}/messages`, agent, {
      text: 'It left the warehouse this morning.',
    })
    expect(answer.status).toBe(201)
    await expect
      .poll(async () => (await seen('message')).map((m) => m.message.text), { timeout: 10_000 })
      .toEqual(['It left the warehouse this morning.'])
    expect((await seen('typing'))[0]).toMatchObject({ conversationId })
    expect((await call('GET', '/v1/conversations/unread', shopper)).body).toEqual({ count: 1 })

    // A day after the agent's last word, unanswered: over for the shopper.
    const moved = await call('POST', '/v1/test/clock', {}, { advanceMs: 24 * 3600_000 })
    expect(moved.status).toBe(200)
    expect(moved.body.swept.closed).toBe(1)
    await expect
      .poll(async () => (await seen('conversation')).map((c) => c.change), { timeout: 10_000 })
      .toContain('closed')
    const current = await call('GET', '/v1/conversations/current', shopper)
    expect(current.body).toMatchObject({ conversation: null, messages: [] })

    const again = await call('POST', '/v1/conversations/current/messages', shopper, {
      text: 'Hello again',
    })
    expect(again.body.started).toBe(true)
    // Console sessions last 12 hours, so the agent signs in again on the next day.
    agent = await agentSignIn()
    const newer = await call('GET', `/v1/agent/conversations/${again.body.conversation.id}`, agent)
    expect(newer.body.conversation.previousId).toBe(conversationId)
    const older = await call('GET', `/v1/agent/conversations/${conversationId}`, agent)
    expect(older.body.conversation).toMatchObject({ status: 'closed', closedReason: 'reverted' })
    await page.close()
  })
})

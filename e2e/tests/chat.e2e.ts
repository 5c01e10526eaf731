import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { axeViolations } from '../support/shopper.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'

/**
 * The live chat through both UIs: a signed-out visitor writes in the panel, the demo agent
 * answers from the console, the panel shows the answer without a reload; a day later (the test
 * clock) the panel opens on the portal home, the old thread is gone, and writing again starts a
 * new conversation. Its own server: the clock control must be on, and moving the shared
 * server's clock would expire other journeys' sessions.
 */
let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  server = await startServerProcess({ PORCHLIGHT_TEST_CLOCK: 'true' })
  seeded = new Set((await allConversations()).map((c) => c.id))
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const AGENT = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }

/** The agent's cookie and CSRF token, for checks the UI does not show (conversation ids). */
async function agentHeaders() {
  const login = await fetch(`${server.url}/v1/agent/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(AGENT),
  })
  return { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' }
}

interface ListedConversation {
  id: string
  ticketId: string
  status: string
  closedReason: string | null
  previousId: string | null
}

/** Conversations the demo store had before this journey (its seeded history has some). */
let seeded = new Set<string>()

/** The conversations this journey made, open and closed. */
async function conversations(): Promise<ListedConversation[]> {
  return (await allConversations()).filter((c) => !seeded.has(c.id))
}

async function allConversations(): Promise<ListedConversation[]> {
  const headers = await agentHeaders()
  const all: ListedConversation[] = []
  for (const status of ['open', 'closed']) {
    const res = await fetch(`${server.url}/v1/agent/conversations?status=${status}`, { headers })
    all.push(...((await res.json()) as { conversations: ListedConversation[] }).conversations)
  }
  return all
}

/**
 * Uncaught errors, console errors other than refused requests (CSP violations among them), and
 * server errors. Refusals are expected: the console's session check before signing in, the
 * agents list this server may not have, and the agent's 12-hour session ending when the clock
 * jumps a day.
 */
function watch(page: Page) {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      errors.push(m.text())
  })
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`)
  })
  return errors
}

const thread = (page: Page) => page.getByRole('log', { name: 'Conversation' })

describe('live chat in the panel and the console', () => {
  it('visitor writes, agent answers live; a day later the panel is back home and a new conversation starts', async () => {
    const shopperContext = await browser.newContext()
    const shopper = await shopperContext.newPage()
    const shopperErrors = watch(shopper)
    await shopper.goto(`${server.url}/w/pk_demo_lumen`)
    await shopper.getByRole('heading', { level: 2, name: 'Sign in to see your orders' }).waitFor()

    await shopper.getByRole('button', { name: 'Chat with us' }).click()
    await shopper.getByLabel('Your name').fill('Ada Visitor')
    await shopper.getByLabel('Email address').fill('ada.visitor@example.com')
    await shopper.getByRole('button', { name: 'Start chatting' }).click()
    const composer = shopper.getByRole('textbox', { name: 'Message' })
    await composer.fill('Where is my lamp?')
    await composer.press('Enter')
    await thread(shopper).getByText('Where is my lamp?').waitFor()
    // Shift+Enter is a new line, not a send.
    await composer.press('Shift+Enter')
    expect(await composer.inputValue()).toBe('\n')
    await composer.fill('')
    expect(await axeViolations(shopper)).toEqual([])

    let listed: ListedConversation[] = []
    await expect
      .poll(async () => (listed = await conversations()).length, { timeout: 10_000 })
      .toBe(1)
    const first = listed[0]!

    // The agent answers from the ticket page of the chat ticket.
    const agentContext = await browser.newContext()
    const agent = await agentContext.newPage()
    const agentErrors = watch(agent)
    await agent.goto(`${server.url}/console`)
    await agent.getByLabel('Email').fill(AGENT.email)
    await agent.getByLabel('Password').fill(AGENT.password)
    await agent.getByRole('button', { name: 'Sign in' }).click()
    await agent.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()
    await agent.goto(`${server.url}/console/tickets/${first.ticketId}`)
    const slot = agent.locator('[data-slot="conversation"]')
    await slot.getByText('Where is my lamp?').waitFor()
    const reply = agent.getByLabel('Answer in the chat')
    await reply.pressSequentially('It left ')
    // The typing signal reaches the shopper while the agent writes.
    await shopper.getByText(/is typing/).waitFor({ timeout: 10_000 })
    await reply.pressSequentially('the warehouse this morning.')
    await reply.press('Enter')
    await slot.getByText('It left the warehouse this morning.').waitFor()

    // Live, no reload: the answer appears in the shopper's thread, and is marked read.
    await thread(shopper).getByText('It left the warehouse this morning.').waitFor()
    await slot.getByText('Seen by the shopper').waitFor({ timeout: 10_000 })
    // Both sides of a live conversation, the panel's thread and the console's chat ticket.
    expect(await axeViolations(shopper)).toEqual([])
    expect(await axeViolations(agent)).toEqual([])

    // A day after the agent's last word, unanswered: over for the shopper.
    const moved = await fetch(`${server.url}/v1/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 24 * 3600_000 + 1000 }),
    })
    expect(moved.status).toBe(200)
    // The open panel drops the old thread as soon as the sweeper closes it.
    await shopper.getByText('This conversation has ended').waitFor({ timeout: 10_000 })
    expect(await thread(shopper).getByText('Where is my lamp?').count()).toBe(0)

    await shopper.reload()
    await shopper.getByRole('heading', { level: 2, name: 'Sign in to see your orders' }).waitFor()
    expect(await shopper.getByRole('log').count()).toBe(0)
    await shopper.getByRole('button', { name: 'Chat with us' }).click()
    await thread(shopper).waitFor()
    expect(await thread(shopper).getByText('Where is my lamp?').count()).toBe(0)
    expect(await thread(shopper).getByText('It left the warehouse').count()).toBe(0)

    await composer.fill('Hello again')
    await composer.press('Enter')
    await thread(shopper).getByText('Hello again').waitFor()
    await expect
      .poll(async () => (listed = await conversations()).length, { timeout: 10_000 })
      .toBe(2)
    const newer = listed.find((c) => c.id !== first.id)!
    expect(newer.id).not.toBe(first.id)
    expect(newer).toMatchObject({ status: 'open', previousId: first.id })
    expect(listed.find((c) => c.id === first.id)).toMatchObject({
      status: 'closed',
      closedReason: 'reverted',
    })
    expect(shopperErrors).toEqual([])
    expect(agentErrors).toEqual([])
    await shopperContext.close()
    await agentContext.close()
  })
})

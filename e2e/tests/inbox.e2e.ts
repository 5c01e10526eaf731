import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { axeViolations } from '../support/shopper.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'

/**
 * The console as a live helpdesk: the agent sits on the inbox (no ticket open), which alone
 * makes them available, so the shopper is offered live chat; the shopper's new chat reaches the
 * inbox without a reload (the list, the Chats view's count, the tab title); the agent opens it
 * from the keyboard, answers from the thread, and ends the chat. Its own server, so the counts
 * are not moved by other journeys.
 */
let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  server = await startServerProcess({})
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const AGENT = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }

const titleCount = async (page: Page) => Number(/^\((\d+)\)/.exec(await page.title())?.[1] ?? 0)
const chatsCount = async (page: Page) =>
  Number(
    /(\d+) open/.exec(
      (await page
        .getByRole('navigation', { name: 'Inbox views' })
        .getByRole('link', { name: /^Chats/ })
        .textContent()) ?? '',
    )?.[1],
  )

describe('the console as a live helpdesk', () => {
  it('hears of a new chat on the inbox, answers it from the thread and ends it', async () => {
    const agentContext = await browser.newContext()
    const agent = await agentContext.newPage()
    const agentErrors: string[] = []
    agent.on('pageerror', (e) => agentErrors.push(e.message))
    agent.on('response', (r) => {
      if (r.status() >= 500) agentErrors.push(`${r.status()} ${r.url()}`)
    })
    await agent.goto(`${server.url}/console`)
    await agent.getByLabel('Email').fill(AGENT.email)
    await agent.getByLabel('Password').fill(AGENT.password)
    await agent.getByRole('button', { name: 'Sign in' }).click()
    await agent.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()
    await agent.getByRole('status').filter({ hasText: 'Available' }).waitFor()
    // The counts arrive with the inbox's first read.
    await agent.locator('.views .count').first().waitFor()
    const chatsBefore = await chatsCount(agent)
    const titleBefore = await titleCount(agent)
    expect(await axeViolations(agent)).toEqual([])

    // The shopper: with the agent on the inbox, the chat is staffed (no "no one online").
    const shopper = await (await browser.newContext()).newPage()
    await shopper.goto(`${server.url}/w/pk_demo_lumen`)
    await shopper.getByRole('button', { name: 'Chat with us' }).click()
    await shopper.getByLabel('Your name').fill('Ada Visitor')
    await shopper.getByLabel('Email address').fill('ada.visitor@example.com')
    await shopper.getByRole('button', { name: 'Start chatting' }).click()
    const composer = shopper.getByRole('textbox', { name: 'Message' })
    await composer.fill('Can I pick up order #1022?')
    await composer.press('Enter')
    expect(await shopper.getByText('No one is online right now').count()).toBe(0)

    // The inbox hears of it, without a reload: a new row on top, the Chats count, the title.
    const row = agent.locator('tbody tr').first()
    await row.getByText('Ada Visitor').waitFor({ timeout: 10_000 })
    await expect.poll(() => chatsCount(agent), { timeout: 10_000 }).toBe(chatsBefore + 1)
    await expect.poll(() => titleCount(agent), { timeout: 10_000 }).toBe(titleBefore + 1)

    // From the keyboard: j to the first ticket, Enter to open it.
    await agent.locator('body').click({ position: { x: 5, y: 5 } })
    await agent.keyboard.press('j')
    await agent.keyboard.press('Enter')
    const slot = agent.locator('[data-slot="conversation"]')
    await slot.getByText('Can I pick up order #1022?').waitFor()
    await agent.keyboard.press('r')
    const reply = agent.getByLabel('Answer in the chat')
    expect(await reply.evaluate((el) => el === document.activeElement)).toBe(true)
    await reply.fill('Yes, it is ready at the shop from 10:00.')
    await reply.press('Enter')
    await shopper.getByText('Yes, it is ready at the shop from 10:00.').waitFor({ timeout: 10_000 })
    expect(await axeViolations(agent)).toEqual([])

    await agent.getByRole('button', { name: 'End chat' }).click()
    await slot.getByText(/^Closed/).waitFor()
    expect(await agent.getByRole('button', { name: 'End chat' }).count()).toBe(0)
    expect(agentErrors).toEqual([])
  })
})

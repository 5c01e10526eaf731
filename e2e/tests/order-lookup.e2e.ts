import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import { axeViolations, outbox, poll } from '../support/shopper.ts'

/**
 * Issue 18, item 6, in Chromium against the real server: a shopper calls about an order that
 * has no ticket; the agent finds it by its postal code on the Orders page, with the keyboard,
 * opens it, leaves a note and writes to the shopper. The email lands in the dev outbox and the
 * order page lists the ticket it opened. axe finds nothing on either page.
 */
const baseUrl = inject('baseUrl')
const AGENT = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }

// One postal code and shopper per run, so the lookup finds exactly this run's order.
const run = Date.now().toString(36).toUpperCase()
const postalCode = `PL${run.slice(-6)}`
const shopper = `lookup-${run.toLowerCase()}@example.com`

let browser: Browser
let order: { id: string; name: string }

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
  const res = await fetch(`${baseUrl}/test/demo-orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: 1003, email: shopper, postalCode }),
  })
  expect(res.status).toBe(201)
  order = (await res.json()) as typeof order
})
afterAll(async () => {
  await browser?.close()
})

describe('order lookup in the console', () => {
  it('finds an order with no ticket by postal code and writes to the shopper', async () => {
    const page = await (await browser.newContext()).newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${baseUrl}/console`)
    await page.getByLabel('Email').fill(AGENT.email)
    await page.getByLabel('Password').fill(AGENT.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()

    await page.getByRole('link', { name: 'Orders', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor()
    // Keyboard only from here: the postal code field, typed in its own way, Enter to search.
    await page.getByLabel('Postal code').focus()
    await page.keyboard.type(postalCode.toLowerCase())
    await page.keyboard.press('Enter')
    const row = page.getByRole('link', { name: order.name })
    await row.waitFor()
    expect(await page.locator('tbody tr').count()).toBe(1)
    expect(await page.locator('tbody tr td').last().textContent()).toBe('None')
    expect(await axeViolations(page)).toEqual([])

    await row.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: `Order ${order.name}` }).waitFor()
    expect(await page.getByText('No tickets about this order yet.').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])

    await page.locator('#order-note-body').fill('Called: wants to pick it up on Friday.')
    await page.getByRole('button', { name: 'Add note' }).click()
    await page.getByText('Called: wants to pick it up on Friday.').waitFor()

    const message = `Yes, you can pick up ${order.name} on Friday (${run}).`
    await page.locator('#write-shopper-body').fill(message)
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByText('Sent. A ticket about this order is open.').waitFor()
    const ticketLink = page.locator('#order-tickets-title ~ ul a').first()
    await ticketLink.waitFor()
    const reference = (await ticketLink.textContent()) ?? ''
    expect(reference).toMatch(/^T-\d+$/)

    const mail = await poll(
      async () => (await outbox(baseUrl, shopper)).find((m) => m.text?.includes(message)),
      'the email to the shopper',
    )
    expect(mail.text).toContain(reference)
    expect(errors).toEqual([])
  })
})

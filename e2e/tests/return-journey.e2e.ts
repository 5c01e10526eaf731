import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import { openTicketInConsole } from '../support/console-ticket.ts'
import { settledFrame } from '../support/host-page.ts'
import {
  fillRequest,
  freshDemoOrder,
  onScreen,
  openOrder,
  outbox,
  poll,
  sendRequest,
  signInThroughPanel,
  watchErrors,
} from '../support/shopper.ts'

/**
 * A return from the shopper's request to the refund (issue 19): the shopper asks to return an
 * item of a delivered order in the floating panel; the agent approves it in the console, sends
 * a label link, and marks the item received; after each step the shopper, back on the order,
 * reads where the return stands (reference, label, received, refunded), and gets an email.
 * The order is this run's own copy of demo order #1006 (delivered five days ago).
 */
const baseUrl = inject('baseUrl')
const run = `return${Date.now().toString(36)}`
const shopper = `${run}@example.com`
const LABEL = `https://labels.example.com/${run}.pdf`
const WAIT = { timeout: 10_000 }

let browser: Browser
let order: { id: string; name: string }
let storefront: Page
let panel: Frame
let consolePage: Page
let shopperErrors: string[]
let reference = ''

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
  order = await freshDemoOrder(baseUrl, 1006, shopper)
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  storefront = await context.newPage()
  shopperErrors = watchErrors(storefront)
  await storefront.goto(`${baseUrl}/`)
  await storefront.locator('porchlight-launcher button').click()
  panel = await settledFrame(storefront, 'floating')
})
afterAll(async () => {
  await browser?.close()
})

/** The return's box on the order page, read again from the server (back to the list and in). */
async function returnBox() {
  await panel.getByRole('button', { name: 'Back' }).click()
  await onScreen(panel, 'Your orders')
  await openOrder(panel, order.name)
  return panel.getByTestId('return-progress')
}

const steps = async () => (await returnBox()).locator('[data-step] strong').allTextContents()

/** The console's status line says the write was saved. */
async function saved(text: string) {
  await expect
    .poll(() => consolePage.locator('.announcer [role="status"]').textContent(), WAIT)
    .toBe(text)
}

describe('a return, from the request to the label, the receipt and the refund', () => {
  it('the shopper asks to return an item of a delivered order', async () => {
    await signInThroughPanel(panel, baseUrl, shopper)
    await openOrder(panel, order.name)
    await fillRequest(panel, 'Return items')
    reference = await sendRequest(panel)
    await panel.getByRole('button', { name: 'Back to your order' }).click()
    await onScreen(panel, `Order ${order.name}`)
  })

  it('the agent approves it, and the shopper reads the return reference', async () => {
    consolePage = await openTicketInConsole(browser, baseUrl, order.name, reference)
    await consolePage.getByRole('button', { name: 'Approve the return' }).click()
    await saved('Approved the return.')
    await consolePage.locator('#return-title').waitFor(WAIT)
    const rma = (await consolePage.locator('#return-title').textContent())?.replace('Return ', '')
    expect(rma).toMatch(/^RMA-\d+$/)

    await expect.poll(steps, WAIT).toEqual(['Approved'])
    const box = panel.getByTestId('return-progress')
    expect(await box.textContent()).toContain(`Return reference: ${rma}`)
    expect(await box.textContent()).toContain('If the store provides a return label')
  })

  it('the agent sends a label, and the shopper gets the link', async () => {
    await consolePage.getByLabel('Label link (https)').fill(LABEL)
    await consolePage.getByRole('button', { name: 'Send label' }).click()
    await saved('Label sent to the shopper.')
    await expect.poll(steps, WAIT).toEqual(['Approved', 'Label ready'])
    const link = panel.getByRole('link', { name: /Download the return label/ })
    expect(await link.getAttribute('href')).toBe(LABEL)
  })

  it('the agent marks the item received, and the shopper sees it received and refunded', async () => {
    const input = consolePage.locator('form[aria-label="Mark items received"] input').first()
    await input.fill('1')
    await consolePage.getByRole('button', { name: 'Mark received' }).click()
    await saved('Receipt recorded.')
    await expect.poll(steps, WAIT).toEqual(['Approved', 'Label ready', 'Received', 'Refunded'])
    const box = panel.getByTestId('return-progress')
    expect(await box.textContent()).toMatch(/1 of 1 received/)
    expect(await box.locator('[data-step="refunded"]').textContent()).toMatch(
      /^Refunded \S*\d+\.\d\d /,
    )
    expect(await consolePage.getByText('Everything has come back.').count()).toBe(1)
    expect(shopperErrors).toEqual([])
  })

  it('the shopper got one email for each step, in order', async () => {
    const subjects = async () => (await outbox(baseUrl, shopper)).map((m) => m.subject)
    const want = [
      `Your return for order ${order.name} is approved`,
      `Your return label for order ${order.name}`,
      `We received your return for order ${order.name}`,
    ]
    await poll(async () => {
      const got = await subjects()
      return want.every((s) => got.includes(s)) ? got : undefined
    }, 'the return emails')
    const got = await subjects()
    for (const s of want) expect(got.filter((x) => x === s)).toHaveLength(1)
    const mails = await outbox(baseUrl, shopper)
    expect(mails.find((m) => m.subject === want[1])?.text).toContain(LABEL)
  })
})

import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import { openTicketInConsole } from '../support/console-ticket.ts'
import { settledFrame } from '../support/host-page.ts'
import {
  axeViolations,
  freshDemoOrder,
  onScreen,
  openOrder,
  sendRequest,
  signInThroughPanel,
  watchErrors,
} from '../support/shopper.ts'

/**
 * An exchange of a size (issue 19): the shopper asks to return the linen throw of a delivered
 * order and picks the large one, in stock, instead of a refund; the agent approves it in the
 * console; the shopper then finds the exchange order (the order's name with `E`) in their
 * orders and on the return. The order is this run's own copy of demo order #1006.
 */
const baseUrl = inject('baseUrl')
const run = `exchange${Date.now().toString(36)}`
const shopper = `${run}@example.com`
const LARGE = 'Sand, large (150 × 200 cm)'
const WAIT = { timeout: 10_000 }

let browser: Browser
let order: { id: string; name: string }
let panel: Frame
let consolePage: Page
let shopperErrors: string[]
let reference = ''

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
  order = await freshDemoOrder(baseUrl, 1006, shopper)
  const storefront = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage()
  shopperErrors = watchErrors(storefront)
  await storefront.goto(`${baseUrl}/`)
  await storefront.locator('porchlight-launcher button').click()
  panel = await settledFrame(storefront, 'floating')
})
afterAll(async () => {
  await browser?.close()
})

describe('an exchange of a size, from the panel to the exchange order', () => {
  it('the shopper asks for the large throw instead of a refund, among in-stock sizes only', async () => {
    await signInThroughPanel(panel, baseUrl, shopper)
    await openOrder(panel, order.name)
    await panel.getByRole('button', { name: 'Return items' }).click()
    await panel.getByRole('checkbox', { name: /Linen throw/ }).check()
    const choice = panel.getByRole('combobox', { name: 'Instead of a refund' })
    await choice.waitFor(WAIT)
    // Charcoal is out of stock in the demo catalogue: it is not offered.
    expect(await choice.locator('option').allTextContents()).toEqual([
      'Refund me',
      `Send ${LARGE} instead`,
      'Send Oat instead',
    ])
    await choice.selectOption({ label: `Send ${LARGE} instead` })
    await panel.getByRole('radio').first().check()
    await panel.getByRole('button', { name: 'Continue' }).click()
    await onScreen(panel, 'Check your request')
    expect(await panel.getByText(`Exchange for ${LARGE}`).count()).toBe(1)
    reference = await sendRequest(panel)
    await panel.getByRole('button', { name: 'Back to your order' }).click()
    await onScreen(panel, `Order ${order.name}`)
  })

  it('the agent sees the exchange asked for and approves it; the store makes the exchange order', async () => {
    consolePage = await openTicketInConsole(browser, baseUrl, order.name, reference)
    const panelCard = consolePage.locator('section', {
      has: consolePage.locator('#exchange-title'),
    })
    expect(await panelCard.textContent()).toContain(`1 × ${LARGE}`)
    expect(await axeViolations(consolePage)).toEqual([])

    await consolePage.getByRole('button', { name: 'Approve the return' }).click()
    await expect
      .poll(() => panelCard.textContent(), WAIT)
      .toContain(`Exchange made: ${order.name}E (a new order, nothing to pay).`)
    expect(await axeViolations(consolePage)).toEqual([])
  })

  it('the shopper sees the exchange order in their orders and on the return', async () => {
    await panel.getByRole('button', { name: 'Back' }).click()
    await onScreen(panel, 'Your orders')
    await expect
      .poll(
        () => panel.getByRole('button', { name: new RegExp(`Order ${order.name}E`) }).count(),
        WAIT,
      )
      .toBe(1)
    await openOrder(panel, order.name)
    const exchange = panel.getByTestId('return-exchange')
    await exchange.waitFor(WAIT)
    expect(await exchange.textContent()).toBe(`Exchange order ${order.name}E: ${LARGE}`)
    expect(shopperErrors).toEqual([])
  })
})

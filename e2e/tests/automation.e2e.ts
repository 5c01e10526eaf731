import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import {
  axeViolations,
  fillRequest,
  freshDemoOrder,
  onScreen,
  openOrder,
  openStorefront,
  sendRequest,
  testSession,
} from '../support/shopper.ts'

/**
 * The owner turns on "approve cancellations" in the console, by keyboard; a shopper asks to
 * cancel a young unshipped order in the floating panel and, with no agent doing anything, reads
 * that the order is cancelled and the request approved. The console's history names the rule.
 * Its own server: a rule turned on would decide other journeys' requests on the shared one.
 */
let server: ServerProcess
let browser: Browser
const OWNER = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }
const shopper = `automation${Date.now().toString(36)}@example.com`
/** For what waits on the server (a store action, a refresh): a loaded machine is slower. */
const WAIT = { timeout: 10_000 }

beforeAll(async () => {
  server = await startServerProcess({ PORCHLIGHT_TEST_SEED: 'true' })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signedInConsole(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`)
  })
  await page.goto(`${server.url}/console`)
  await page.getByLabel('Email').fill(OWNER.email)
  await page.getByLabel('Password').fill(OWNER.password)
  await page.getByLabel('Password').press('Enter')
  await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()
  return { page, errors }
}

/** Moves focus with Tab until `selector` has it, as a keyboard user would. */
async function tabTo(page: Page, selector: string, limit = 200) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`never reached ${selector} by keyboard`)
}

describe('automation: a cancellation approved by the store’s rule, with no agent', () => {
  let consolePage: Page
  let consoleErrors: string[]

  it('the owner turns on "approve cancellations" from the keyboard', async () => {
    ;({ page: consolePage, errors: consoleErrors } = await signedInConsole())
    const page = consolePage
    await page.goto(`${server.url}/console/settings/automation`)
    await page.getByRole('heading', { level: 2, name: 'Automation' }).waitFor()
    await page.locator('form.settings-form button[type="submit"]').waitFor()
    expect(await axeViolations(page)).toEqual([])

    const toggle = page.getByRole('checkbox', { name: /Approve a cancellation/ })
    expect(await toggle.isChecked()).toBe(false)
    await tabTo(page, 'input[type="checkbox"]')
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Space')
    expect(await toggle.isChecked()).toBe(true)
    await tabTo(page, '#au-cancel-hours')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('6')
    await tabTo(page, 'form.settings-form button[type="submit"]')
    await page.keyboard.press('Enter')
    await page.locator('#section-outcome.note-ok').waitFor(WAIT)
    // A rule that cannot work is refused beside its field, before anything is sent: small
    // returns with no amount to stay under.
    await page.getByRole('checkbox', { name: /Approve a return/ }).check()
    await page.locator('form.settings-form button[type="submit"]').click()
    await page.locator('.field-error', { hasText: 'at least one currency' }).waitFor()
    await page.locator('#section-outcome.note-error').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.reload()
    await page.getByRole('heading', { level: 2, name: 'Automation' }).waitFor()
    await expect.poll(() => page.locator('#au-cancel-hours').inputValue(), WAIT).toBe('6')
    expect(await page.getByRole('checkbox', { name: /Approve a cancellation/ }).isChecked()).toBe(
      true,
    )
  })

  it('a shopper’s cancellation is approved and the order cancelled, with no agent', async () => {
    // A fresh copy of #1001: placed two hours ago, nothing shipped.
    const order = await freshDemoOrder(server.url, 1001, shopper)
    const token = await testSession(server.url, shopper)
    const shop = await openStorefront(browser, server.url, token)
    const panel = shop.frame
    await openOrder(panel, order.name)
    await fillRequest(panel, 'Cancel order')
    const reference = await sendRequest(panel)
    expect(reference).toMatch(/^T-\d+$/)
    await panel.getByRole('button', { name: 'Back to your order' }).click()
    await onScreen(panel, `Order ${order.name}`)
    const cards = panel
      .locator('section', { has: panel.getByRole('heading', { level: 3, name: 'Your requests' }) })
      .locator('li.card')
    await expect.poll(() => cards.locator('.badge').allTextContents(), WAIT).toEqual(['Approved'])
    await expect.poll(() => panel.locator('.badge').first().textContent(), WAIT).toBe('Cancelled')
    expect(await panel.getByRole('button', { name: 'Cancel order' }).count()).toBe(0)
    expect(shop.errors).toEqual([])
    await shop.close()

    // The console shows the ticket decided, and its thread names the rule.
    const page = consolePage
    await page.goto(`${server.url}/console`)
    await page.getByRole('searchbox', { name: 'Search' }).fill(order.name)
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('link', { name: reference, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor()
    const history = page.getByRole('region', { name: 'Thread' })
    await expect
      .poll(() => history.textContent(), WAIT)
      .toContain('Automation rule “Approve cancellations” approved the request')
    expect(await axeViolations(page)).toEqual([])
    expect(consoleErrors).toEqual([])
    await page.context().close()
  })
})

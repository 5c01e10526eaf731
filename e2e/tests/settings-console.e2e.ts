import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { settledFrame } from '../support/host-page.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import {
  axeViolations,
  DEMO_KEY,
  openOrder,
  openPanel,
  testSession,
  watchErrors,
} from '../support/shopper.ts'

/**
 * An owner changes settings in the console, by keyboard, and the shopper sees each change: the
 * launcher's colour on the storefront, a new return reason in the panel, a closed day's away
 * line with the store's "back at" words. Its own server: these settings would change what
 * other journeys see on the shared one.
 */
let server: ServerProcess
let browser: Browser
const OWNER = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }

beforeAll(async () => {
  server = await startServerProcess({ PORCHLIGHT_TEST_SEED: 'true' })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The console signed in as the demo owner, on a settings page. */
async function consoleAt(
  path: string,
): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
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
  await page.goto(`${server.url}${path}`)
  await page.getByRole('heading', { level: 2 }).first().waitFor()
  await page.locator('form.settings-form button[type="submit"]').waitFor()
  return { page, errors, close: () => context.close() }
}

/** Moves focus with Tab until `selector` has it, as a keyboard user would. */
async function tabTo(page: Page, selector: string, limit = 200) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`never reached ${selector} by keyboard`)
}

async function saveByKeyboard(page: Page) {
  await tabTo(page, 'form.settings-form button[type="submit"]')
  await page.keyboard.press('Enter')
  await page.locator('#section-outcome.note-ok').waitFor()
}

describe('store settings from the console', () => {
  it('a launcher colour saved shows on the storefront; a low-contrast one is refused', async () => {
    const { page, errors, close } = await consoleAt('/console/settings/widget')
    expect(await axeViolations(page)).toEqual([])
    await tabTo(page, '#wg-color')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('#ff0000')
    await page
      .getByTestId('contrast')
      .getByText(/3\.99:1/)
      .waitFor()
    await tabTo(page, 'form.settings-form button[type="submit"]')
    await page.keyboard.press('Enter')
    await page
      .locator('#wg-color-error')
      .getByText(/4\.5:1/)
      .waitFor()
    expect(await page.locator('#wg-color').getAttribute('aria-invalid')).toBe('true')

    await page.locator('#wg-color').focus()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('#0b5e3a')
    await tabTo(page, '#wg-greeting-en')
    await page.keyboard.type('Welcome to Lumen & Loom.')
    await page.getByTestId('preview-greeting').getByText('Welcome to Lumen & Loom.').waitFor()
    await saveByKeyboard(page)
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await close()

    const context = await browser.newContext()
    const shop = await context.newPage()
    await shop.goto(`${server.url}/`)
    const launcher = shop.locator('porchlight-launcher button')
    await launcher.waitFor({ state: 'visible', timeout: 10_000 })
    expect(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(
      'rgb(11, 94, 58)',
    )
    await launcher.click()
    const frame = await settledFrame(shop, 'floating')
    await frame.getByText('Welcome to Lumen & Loom.').waitFor()
    await context.close()
  })

  it('a new return reason appears in the panel, a hidden one no longer does', async () => {
    const { page, errors, close } = await consoleAt('/console/settings/policies')
    await page.getByRole('button', { name: 'Customize return reasons' }).click()
    const newReason = page.locator('#po-return-reasons-new-label')
    await newReason.fill('It was an unwanted gift')
    await page.getByRole('button', { name: 'Add the reason' }).first().click()
    await page.getByRole('checkbox', { name: /Hidden \(I changed my mind\)/ }).check()
    expect(await axeViolations(page)).toEqual([])
    await saveByKeyboard(page)
    expect(errors).toEqual([])
    await close()

    const token = await testSession(server.url, 'ada@example.com')
    const panel = await openPanel(browser, server.url, token, '?mode=portal')
    await openOrder(panel.page, '#1006')
    await panel.page.getByRole('button', { name: 'Return items' }).click()
    await panel.page.getByRole('radio', { name: 'It was an unwanted gift' }).waitFor()
    expect(await panel.page.getByRole('radio', { name: 'I changed my mind' }).count()).toBe(0)
    expect(panel.errors).toEqual([])
    await panel.close()
  })

  it('a closed day shows the away screen with the store’s "back at" words', async () => {
    const { page, errors, close } = await consoleAt('/console/settings/chat')
    const today = new Date().toISOString().slice(0, 10)
    await page.locator('#ch-new-day').fill(today)
    await page.getByRole('button', { name: 'Add the day' }).click()
    await page.locator('#ch-back-en').fill('Back on Monday at 9:00.')
    expect(await axeViolations(page)).toEqual([])
    await saveByKeyboard(page)
    expect(errors).toEqual([])
    await close()

    const context = await browser.newContext()
    const shopper = await context.newPage()
    const shopperErrors = watchErrors(shopper)
    await shopper.goto(`${server.url}/w/${DEMO_KEY}`)
    await shopper.getByRole('heading', { level: 2, name: 'Sign in to see your orders' }).waitFor()
    await shopper.getByRole('button', { name: 'Chat with us' }).click()
    await shopper.getByText('We’re away right now. Back on Monday at 9:00.').waitFor()
    expect(await axeViolations(shopper)).toEqual([])
    expect(shopperErrors).toEqual([])
    await context.close()
  })

  it('the store and history pages pass axe and list the changes just made', async () => {
    const { page, errors, close } = await consoleAt('/console/settings/store')
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`${server.url}/console/settings/history`)
    await page.getByRole('heading', { level: 2, name: 'History' }).waitFor()
    await page.getByRole('cell', { name: 'widget' }).first().waitFor()
    expect(await page.getByRole('cell', { name: 'policies' }).count()).toBeGreaterThan(0)
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await close()
  })
})

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
})
afterAll(async () => {
  await browser?.close()
})

async function openStorefront(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`)
  })
  await page.goto(`${baseUrl}/`)
  return { page, errors }
}

describe('script tag -> loader -> iframe -> config', () => {
  it('opens the panel from the launcher and shows the store name', async () => {
    const { page, errors } = await openStorefront()
    const launcher = page.getByRole('button', { name: 'Open help chat' })
    await launcher.click()
    const panel = page.frameLocator('iframe[title="Help and orders"]')
    await expect
      .poll(() => panel.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .toBe('Lumen & Loom')
    expect(await launcher.getAttribute('aria-expanded')).toBe('true')

    await panel.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => page.locator('iframe[title="Help and orders"]').isVisible()).toBe(false)
    expect(await launcher.getAttribute('aria-expanded')).toBe('false')
    expect(errors).toEqual([])
    await page.close()
  })

  it('writes no cookie or storage on the host before the shopper opens the widget', async () => {
    const { page } = await openStorefront()
    await page.getByRole('button', { name: 'Open help chat' }).waitFor()
    const state = await page.evaluate(() => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      frames: document.querySelectorAll('iframe').length,
    }))
    expect(state).toEqual({ cookie: '', local: 0, session: 0, frames: 0 })
    await page.close()
  })
})

describe('the first open, before the panel’s script has run', () => {
  it('draws the panel’s skeleton at once, then the panel over it', async () => {
    const { page, errors } = await openStorefront()
    // The panel's script is held back: what shows is what the page and its styles draw alone.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/assets\/app-[\w-]+\.js$/, async (route) => {
      await held
      await route.continue()
    })
    await page.getByRole('button', { name: 'Open help chat' }).click()
    const frame = page.frameLocator('iframe[title="Help and orders"]')
    await frame.locator('.panel[aria-busy="true"] .bone').first().waitFor({ timeout: 10_000 })
    expect(await frame.locator('.bone').count()).toBeGreaterThan(1)
    release()
    await expect
      .poll(() => frame.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .toBe('Lumen & Loom')
    expect(await frame.locator('.bone').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('starts loading the panel when the launcher takes the keyboard’s focus', async () => {
    const { page } = await openStorefront()
    const launcher = page.getByRole('button', { name: 'Open help chat' })
    await launcher.waitFor()
    expect(await page.locator('porchlight-launcher iframe').count()).toBe(0)
    await launcher.focus()
    // Created hidden: loading, not shown, until the shopper presses Enter.
    await page.locator('porchlight-launcher iframe').waitFor({ state: 'attached' })
    expect(await page.locator('porchlight-launcher iframe').isVisible()).toBe(false)
    await page.keyboard.press('Enter')
    await page.locator('porchlight-launcher iframe').waitFor({ state: 'visible' })
    await page.close()
  })
})

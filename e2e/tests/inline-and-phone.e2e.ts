import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import {
  launcherButton,
  launcherReady,
  openHost,
  panelIframe,
  saveArtifact,
  firstScreen,
  settledFrame,
} from '../support/host-page.ts'
import { HOST_PAGES } from '../support/host-server.ts'

/** The inline embed following its content, and every host page on a 375 x 667 phone. */
const hostUrl = inject('hostUrl')
const poll = { timeout: 10_000 }
const phone = {
  viewport: { width: 375, height: 667 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
}
let browser: Browser

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
})
afterAll(async () => {
  await browser?.close()
})

const embedHeight = async (page: Page) =>
  (await page.locator('porchlight-embed iframe').boundingBox())?.height

describe('the inline help center', () => {
  it('grows and shrinks with the panel’s content', async ({ expect }) => {
    const host = await openHost(browser, `${hostUrl}${HOST_PAGES.helpCenter}`)
    const { page } = host
    const frame = await settledFrame(page, 'portal')
    await firstScreen(frame)
    const start = await frame.evaluate(
      () => document.documentElement.getBoundingClientRect().height,
    )
    await expect.poll(() => embedHeight(page), poll).toBe(Math.ceil(start))

    // The shopper opens something long (an order with many shipments, say).
    await frame.evaluate(() => {
      const tall = document.createElement('div')
      tall.id = 'tall'
      tall.style.height = '900px'
      document.body.append(tall)
    })
    await expect.poll(() => embedHeight(page), poll).toBe(Math.ceil(start) + 900)
    // The page grew around it and scrolls; nothing inside the panel scrolls on its own.
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(
      true,
    )
    saveArtifact('inline-portal-grown', await page.screenshot({ fullPage: true }))

    await frame.evaluate(() => document.getElementById('tall')!.remove())
    await expect.poll(() => embedHeight(page), poll).toBe(Math.ceil(start))
    expect(host.problems).toEqual([])
    await host.close()
  })
})

describe.concurrent('on a 375 x 667 phone', () => {
  const floating = {
    'plain storefront': HOST_PAGES.plain,
    'page without <html lang>': HOST_PAGES.noLang,
    'hostile global CSS': HOST_PAGES.hostileCss,
    'strict CSP': HOST_PAGES.strictCsp,
    'single-page app': HOST_PAGES.spa,
  }
  for (const [label, path] of Object.entries(floating)) {
    it(`${label}: the panel fills the screen, nothing scrolls sideways`, async ({ expect }) => {
      const host = await openHost(browser, `${hostUrl}${path}`, phone)
      const { page } = host
      await launcherReady(page)
      await launcherButton(page).tap()
      const frame = await settledFrame(page, 'floating')
      expect(await panelIframe(page).boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 667 })
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(
        true,
      )
      const inFrame = await frame.evaluate(() => ({
        noSideways: document.documentElement.scrollWidth <= innerWidth,
        // Smaller text in a field makes iOS zoom the page on focus.
        smallFields: [...document.querySelectorAll('input, select, textarea')].filter(
          (el) => parseFloat(getComputedStyle(el).fontSize) < 16,
        ).length,
      }))
      expect(inFrame).toEqual({ noSideways: true, smallFields: 0 })
      saveArtifact(`phone-${path.slice(1)}-panel`, await page.screenshot())
      expect(host.problems).toEqual([])
      await host.close()
    })
  }

  it('help-center page: the embed fits the width, nothing scrolls sideways', async ({ expect }) => {
    const host = await openHost(browser, `${hostUrl}${HOST_PAGES.helpCenter}`, phone)
    const { page } = host
    const frame = await settledFrame(page, 'portal')
    await expect.poll(() => embedHeight(page), poll).toBeGreaterThan(100)
    const slot = await page.locator('[data-porchlight="portal"]').boundingBox()
    expect((await page.locator('porchlight-embed iframe').boundingBox())?.width).toBe(slot?.width)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(
      true,
    )
    expect(await launcherButton(page).isVisible()).toBe(false)
    saveArtifact('phone-help-center', await page.screenshot({ fullPage: true }))
    expect(host.problems).toEqual([])
    await host.close()
  })
})

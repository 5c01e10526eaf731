import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, inject, it, type ExpectStatic } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import {
  hostStorage,
  launcherButton,
  launcherReady,
  openHost,
  panelIframe,
  saveArtifact,
  firstScreen,
  settledFrame,
  stableShot,
} from '../support/host-page.ts'
import { HOST_PAGES } from '../support/host-server.ts'
import { circleMask, diffScreenshots, roundedRectMask } from '../support/pixels.ts'

/**
 * Every host page a merchant might have, with the floating launcher: the widget must look and
 * behave the same on each as on the plain page, and must not harm any of them.
 */
const hostUrl = inject('hostUrl')
const floatingPages = {
  'plain storefront': HOST_PAGES.plain,
  'page without <html lang>': HOST_PAGES.noLang,
  'hostile global CSS': HOST_PAGES.hostileCss,
  'strict CSP and Trusted Types': HOST_PAGES.strictCsp,
  'single-page app': HOST_PAGES.spa,
}
// Panel pixels: a few anti-aliased edges may move; a different colour, font or size may not.
const MAX_DIFF_RATIO = 0.005

type Box = { x: number; y: number; width: number; height: number }
interface Look {
  launcherBox: Box
  launcherShot: Buffer
  panelBox: Box
  panelShot: Buffer
}

let browser: Browser
let baseline: Look

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
  const host = await openHost(browser, `${hostUrl}${HOST_PAGES.plain}`)
  baseline = await look(host.page, 'plain')
  await host.close()
})
afterAll(async () => {
  await browser?.close()
})

async function box(locator: ReturnType<typeof launcherButton>): Promise<Box> {
  const b = await locator.boundingBox()
  if (b === null) throw new Error('not visible')
  return b
}

/** The launcher closed, then the panel open: where they are and what they look like. */
async function look(page: Page, name: string): Promise<Look> {
  await launcherReady(page)
  const launcherBox = await box(launcherButton(page))
  const launcherShot = await stableShot(page, launcherBox)
  saveArtifact(`host-${name}-launcher`, launcherShot)
  await launcherButton(page).click()
  await settledFrame(page, 'floating')
  const panelBox = await box(panelIframe(page))
  const panelShot = await stableShot(page, panelBox)
  saveArtifact(`host-${name}-panel`, panelShot)
  saveArtifact(`host-${name}-page-open`, await page.screenshot())
  return { launcherBox, launcherShot, panelBox, panelShot }
}

function expectSameLook(expect: ExpectStatic, actual: Look, name: string) {
  expect(actual.launcherBox).toEqual(baseline.launcherBox)
  expect(actual.panelBox).toEqual(baseline.panelBox)
  const launcher = diffScreenshots(baseline.launcherShot, actual.launcherShot, { mask: circleMask })
  const panel = diffScreenshots(baseline.panelShot, actual.panelShot, {
    mask: roundedRectMask(14),
  })
  if (launcher.differing > 0) saveArtifact(`host-${name}-launcher-diff`, launcher.diffPng)
  if (panel.differing > 0) saveArtifact(`host-${name}-panel-diff`, panel.diffPng)
  expect(launcher.ratio, 'launcher pixels').toBeLessThanOrEqual(MAX_DIFF_RATIO)
  expect(panel.ratio, 'panel pixels').toBeLessThanOrEqual(MAX_DIFF_RATIO)
}

const noStorage = {
  cookie: '',
  localStorage: 0,
  sessionStorage: 0,
  indexedDB: 0,
  caches: 0,
  cookies: 0,
}

describe.concurrent('the floating widget on every host page', () => {
  for (const [label, path] of Object.entries(floatingPages)) {
    it(`${label}: same look, no harm to the page, the session out of its reach`, async ({
      expect,
    }) => {
      const name = path.slice(1)
      const host = await openHost(browser, `${hostUrl}${path}`)
      const { page } = host
      await launcherReady(page)
      // The shopper has not opened anything: no panel, nothing written on the host's origin.
      await launcherButton(page).hover()
      expect(await hostStorage(page)).toEqual(noStorage)
      expect(await page.locator('porchlight-launcher').count()).toBe(1)

      const actual = await look(page, name)
      expectSameLook(expect, actual, name)
      expect(await page.evaluate(() => window.__shifts)).toEqual([])

      // The panel keeps the session on its own origin: in its storage, or in memory where the
      // browser denies a third-party frame storage (Chromium's incognito mode does)...
      const frame = await settledFrame(page, 'floating')
      await frame.evaluate(() => {
        Object.assign(window, { porchlightSession: 'secret-token' })
        try {
          localStorage.setItem('porchlight:session', 'secret-token')
        } catch {
          // storage denied: the in-memory copy above is the session
        }
      })
      // ...which no script of the host page can reach.
      const reach = await page.evaluate(() => {
        const iframe = document
          .querySelector('porchlight-launcher')!
          .shadowRoot!.querySelector('iframe')!
        const attempt = (read: () => unknown) => {
          try {
            return `read ${String(read())}`
          } catch (err) {
            return (err as Error).name
          }
        }
        return {
          contentDocument: iframe.contentDocument,
          document: attempt(() => iframe.contentWindow!.document),
          localStorage: attempt(() => iframe.contentWindow!.localStorage.length),
          location: attempt(() => iframe.contentWindow!.location.href),
          global: attempt(
            () => (iframe.contentWindow as unknown as Record<string, unknown>)['porchlightSession'],
          ),
          hostCopy: localStorage.getItem('porchlight:session'),
        }
      })
      expect(reach).toEqual({
        contentDocument: null,
        document: 'SecurityError',
        localStorage: 'SecurityError',
        location: 'SecurityError',
        global: 'SecurityError',
        hostCopy: null,
      })
      expect(await hostStorage(page)).toEqual(noStorage)

      // Escape in the panel closes it and gives focus back to the launcher.
      await page.keyboard.press('Escape')
      await expect.poll(() => panelIframe(page).isVisible(), { timeout: 10_000 }).toBe(false)
      expect(
        await launcherButton(page).evaluate(
          (b) =>
            b.getRootNode() instanceof ShadowRoot &&
            (b.getRootNode() as ShadowRoot).activeElement === b,
        ),
      ).toBe(true)
      expect(await launcherButton(page).getAttribute('aria-expanded')).toBe('false')

      expect(host.problems).toEqual([])
      await host.close()
    })
  }
})

describe.concurrent('inline embeds', () => {
  const inline = {
    'help-center page (portal)': { path: HOST_PAGES.helpCenter, mode: 'portal' },
    'contact page (contact form)': { path: HOST_PAGES.contact, mode: 'contact' },
  }
  for (const [label, { path, mode }] of Object.entries(inline)) {
    it(`${label}: sized to its content, no layout shift, nothing on the host's origin`, async ({
      expect,
    }) => {
      const host = await openHost(browser, `${hostUrl}${path}`)
      const { page } = host
      const frame = await settledFrame(page, mode)
      const iframe = page.locator('porchlight-embed iframe')
      const contentHeight = () =>
        frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height))
      // The first screen, not a loading line; then the frame is as tall as what it shows.
      await firstScreen(frame)
      await expect
        .poll(async () => (await box(iframe)).height - (await contentHeight()), { timeout: 10_000 })
        .toBe(0)
      // As wide as the merchant's slot.
      const slot = await box(page.locator(`[data-porchlight="${mode}"]`))
      expect((await box(iframe)).width).toBe(slot.width)
      expect(frame.url()).toContain(`mode=${mode}`)
      // The portal replaces the launcher; the contact form sits beside it.
      expect(await launcherButton(page).isVisible()).toBe(mode === 'contact')
      expect(await page.evaluate(() => window.__shifts)).toEqual([])
      // No passing size for the loading line: the first height asked for is the screen's.
      expect((await page.evaluate(() => window.__resizes))[0]).toBe(await contentHeight())
      expect(await hostStorage(page)).toEqual(noStorage)
      saveArtifact(`host-${path.slice(1)}`, await page.screenshot({ fullPage: true }))
      expect(host.problems).toEqual([])
      await host.close()
    })
  }
})

describe('the layout-shift probe', () => {
  it('notices a shift the page causes without input, so "no shift" above means something', async () => {
    const host = await openHost(browser, `${hostUrl}${HOST_PAGES.plain}`)
    const { page } = host
    await launcherReady(page)
    await page.evaluate(() => {
      const banner = document.createElement('p')
      banner.textContent = 'A late cookie banner pushes the page down'
      document.querySelector('main')!.prepend(banner)
    })
    await expect.poll(() => page.evaluate(() => window.__layoutShift)).toBeGreaterThan(0)
    await host.close()
  })
})

describe('the screenshot comparison', () => {
  it('catches a launcher in another colour, and refuses images of different sizes', () => {
    // Red and blue swapped: the store's green turns olive. Too tolerant a comparison would pass.
    const png = PNG.sync.read(baseline.launcherShot)
    for (let i = 0; i < png.data.length; i += 4) {
      const red = png.data[i]!
      png.data[i] = png.data[i + 2]!
      png.data[i + 2] = red
    }
    const recoloured = diffScreenshots(baseline.launcherShot, PNG.sync.write(png), {
      mask: circleMask,
    })
    expect(recoloured.ratio).toBeGreaterThan(0.5)
    expect(() => diffScreenshots(baseline.launcherShot, baseline.panelShot)).toThrow(/sizes/)
  })
})

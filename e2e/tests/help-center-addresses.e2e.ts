import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import { firstScreen, openHost, saveArtifact, settledFrame } from '../support/host-page.ts'
import { freePort, startServerProcess, type ServerProcess } from '../support/server-process.ts'

/**
 * The help-center page on every address the store allows. `pnpm start` says PUBLIC_URL is
 * http://localhost:<port> and listens on all interfaces, so a developer may just as well open
 * http://127.0.0.1:<port>/help: its portal must be sized to its content there too, not left
 * at an iframe's default 150 px because the panel would not talk to that page.
 */
let browser: Browser
let server: ServerProcess

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
  // A server of its own: the run's server says 127.0.0.1; this one says localhost, as `pnpm start`.
  const port = await freePort()
  server = await startServerProcess({ PUBLIC_URL: `http://localhost:${port}` }, { port })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const embed = (page: Page) => page.locator('porchlight-embed iframe')

describe('the help-center page', () => {
  for (const host of ['127.0.0.1', 'localhost']) {
    it(`at http://${host}:<port>/help shows the whole portal`, async ({ expect }) => {
      const page = await openHost(browser, `http://${host}:${server.port}/help`)
      const frame = await settledFrame(page.page, 'portal')
      await firstScreen(frame)
      const content = await frame.evaluate(() =>
        Math.ceil(document.documentElement.getBoundingClientRect().height),
      )
      expect(content).toBeGreaterThan(150)
      await expect
        .poll(async () => (await embed(page.page).boundingBox())?.height, { timeout: 10_000 })
        .toBe(content)
      // Its sign-in can read a texted code inside the frame (WebOTP).
      expect(await embed(page.page).getAttribute('allow')).toBe('otp-credentials')
      saveArtifact(`help-center-${host}`, await page.page.screenshot({ fullPage: true }))
      expect(page.problems).toEqual([])
      await page.close()
    })
  }
})

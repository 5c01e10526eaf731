/**
 * Measures the widget's budgets from DESIGN.md in the system Chromium, on the plain host page
 * (another origin than the server, as on a real storefront):
 *  - host main-thread time the loader adds at load, at 4x CPU slowdown (budget < 10 ms): Chrome's
 *    performance metrics with the real loader minus those with an empty script at the same URL,
 *    medians over interleaved page loads. "Attributable" is script + style + layout time (what
 *    the loader's code causes); "all tasks" also counts network callbacks and painting;
 *  - click to interactive panel: cold (first open: iframe, app, config) and warm (reopen).
 * Usage: pnpm bench:widget [runs]   (run on a quiet machine; figures are printed, not asserted)
 */
import { chromium, type Page } from 'playwright-core'
import { browserArgs, chromiumPath } from '../support/browser.ts'
import { startHostServer } from '../support/host-server.ts'
import { freePort, startServerProcess } from '../support/server-process.ts'

const runs = Number(process.argv[2] ?? 15)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? NaN

const hostPort = await freePort()
const server = await startServerProcess({
  PORCHLIGHT_TEST_HOST_ORIGINS: `http://localhost:${hostPort}`,
})
const hosts = await startHostServer({
  port: hostPort,
  serverUrl: server.url,
  widgetKey: 'pk_test_hosts',
})
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: browserArgs,
})

type Sample = { task: number; attributable: number; script: number }

async function mainThreadMs(withLoader: boolean): Promise<Sample> {
  const context = await browser.newContext()
  const page = await context.newPage()
  if (!withLoader) {
    await page.route('**/porchlight.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
    )
  }
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await cdp.send('Performance.enable')
  await page.goto(`${hosts.url}/plain`, { waitUntil: 'load' })
  // No locator polling here: Playwright's waits run script in the page and would be counted.
  // A fixed pause lets the loader fetch its config and draw the launcher in both variants.
  await new Promise((r) => setTimeout(r, 1500))
  const { metrics } = await cdp.send('Performance.getMetrics')
  const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000
  await context.close()
  return {
    task: ms('TaskDuration'),
    script: ms('ScriptDuration'),
    attributable: ms('ScriptDuration') + ms('RecalcStyleDuration') + ms('LayoutDuration'),
  }
}

async function openTimes(page: Page) {
  const launcher = page.locator('porchlight-launcher button')
  await launcher.waitFor()
  const heading = page.frameLocator('porchlight-launcher iframe').getByRole('heading', { level: 1 })
  let start = performance.now()
  await launcher.click()
  await heading.filter({ hasText: /\S/ }).waitFor()
  await page
    .frameLocator('porchlight-launcher iframe')
    .locator('.panel-body :is(button,input,h2)')
    .first()
    .waitFor()
  const cold = performance.now() - start
  await page.keyboard.press('Escape')
  await page.locator('porchlight-launcher iframe').waitFor({ state: 'hidden' })
  start = performance.now()
  await launcher.click()
  await page.locator('porchlight-launcher iframe').waitFor({ state: 'visible' })
  const warm = performance.now() - start
  return { cold, warm }
}

try {
  const withLoader: Sample[] = []
  const without: Sample[] = []
  await mainThreadMs(true) // warm the server and the HTTP cache of the browser process
  for (let i = 0; i < runs; i++) {
    without.push(await mainThreadMs(false))
    withLoader.push(await mainThreadMs(true))
  }
  const cold: number[] = []
  const warm: number[] = []
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${hosts.url}/plain`)
    const t = await openTimes(page)
    cold.push(t.cold)
    warm.push(t.warm)
    await context.close()
  }
  const f = (n: number) => n.toFixed(1)
  console.log(`runs: ${runs}, CPU slowdown 4x for main-thread time`)
  for (const key of ['script', 'attributable', 'task'] as const) {
    const a = median(without.map((s) => s[key]))
    const b = median(withLoader.map((s) => s[key]))
    console.log(
      `host main-thread ${key.padEnd(12)}: without ${f(a)} ms, with ${f(b)} ms, added ${f(b - a)} ms`,
    )
  }
  console.log('budget: < 10 ms added (attributable) at 4x CPU slowdown')
  console.log(
    `click to interactive panel, cold: median ${f(median(cold))} ms, p90 ${f(p90(cold))} ms (one round trip budget)`,
  )
  console.log(
    `click to interactive panel, warm: median ${f(median(warm))} ms, p90 ${f(p90(warm))} ms (budget <= 100 ms)`,
  )
} finally {
  await browser.close()
  await hosts.close()
  await server.stop()
}

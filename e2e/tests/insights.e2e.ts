import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildDemoHistory } from '../../server/src/seed/demo-history.ts'
import { demoOrderId } from '../../server/src/seed/demo-orders.ts'
import { connectBrowser } from '../support/browser.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { axeViolations } from '../support/shopper.ts'

/**
 * The insights page on the demo store, by keyboard alone, against the history the server
 * seeded on its first start (server/src/seed/demo-history.ts), and the console's ticket
 * thread. Saves the README's screenshots to docs/screenshots/. Its own server, so the figures and
 * the picture are the demo's history alone, not what other journeys filed on the shared one.
 */
let server: ServerProcess
let baseUrl: string
const AGENT = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }
const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots')

let browser: Browser
beforeAll(async () => {
  // Test fixture routes (/test/tickets) for the ticket thread below.
  server = await startServerProcess({ PORCHLIGHT_TEST_SEED: 'true' })
  baseUrl = server.url
  browser = await connectBrowser(inject('browserWsEndpoint'))
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signedIn(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${baseUrl}/console`)
  await page.getByLabel('Email').fill(AGENT.email)
  await page.getByLabel('Password').fill(AGENT.password)
  await page.getByLabel('Password').press('Enter')
  await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()
  return { page, errors }
}

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: () => boolean, key = 'Tab', limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key)
    if (await page.evaluate(matches)) return
  }
  throw new Error('never reached the element by keyboard')
}

describe('the insights page', () => {
  it('shows the seeded history, works by keyboard, passes axe and downloads CSV', async () => {
    const { page, errors } = await signedIn()
    // The header comes before the page: back from the queue's heading to its Insights link.
    await tabTo(page, () => document.activeElement?.textContent === 'Insights', 'Shift+Tab')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor()
    await page.getByRole('heading', { name: 'Key figures' }).waitFor()

    // From the 30-day choice to 90 days with the arrow key: the whole seeded history.
    const period = page.locator('.insights p[role="status"]')
    const thirtyDays = await period.textContent()
    await tabTo(page, () => (document.activeElement as HTMLInputElement | null)?.value === '30')
    await page.keyboard.press('ArrowRight')
    expect(await page.getByRole('radio', { name: 'Last 90 days' }).isChecked()).toBe(true)
    await expect.poll(() => period.textContent()).not.toBe(thirtyDays)

    // Ratings come only from the seeded history (no other journey rates), so the figure is
    // known: the history's ratings, all older than its first start.
    const ratings = buildDemoHistory('st_demo', Date.now()).ratings
    const average = ratings.reduce((s, r) => s + r.score, 0) / ratings.length
    const expected = `${(Math.round(average * 100) / 100).toFixed(2)} / 5 (${ratings.length} ratings)`
    await expect
      .poll(() =>
        page.locator('dt', { hasText: 'Average satisfaction' }).locator('+ dd').textContent(),
      )
      .toBe(expected)
    const fives = ratings.filter((r) => r.score === 5).length
    const ratingRow = page.locator('section[aria-labelledby="ratings-heading"] tbody tr', {
      hasText: '5 stars',
    })
    expect(await ratingRow.locator('td').textContent()).toBe(String(fives))
    expect(await page.locator('svg.chart[role="img"]').count()).toBe(6)

    expect(await axeViolations(page)).toEqual([])

    await tabTo(page, () => document.activeElement?.textContent === 'Download CSV')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ])
    const saved = join(mkdtempSync(join(tmpdir(), 'insights-')), download.suggestedFilename())
    await download.saveAs(saved)
    const csv = readFileSync(saved, 'utf8')
    expect(csv.split('\r\n')).toContainEqual(
      expect.stringMatching(new RegExp(`^satisfaction,count,${ratings.length},`)),
    )

    writeFileSync(
      `${SCREENSHOTS}/insights-1280.png`,
      await page.screenshot({ fullPage: true, animations: 'disabled' }),
    )
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('the console ticket thread: line totals, the shopper named from the order', async () => {
    const order = demoOrderId('st_demo', 1004)
    const res = await fetch(`${baseUrl}/test/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tickets: [
          {
            type: 'issue',
            status: 'open',
            requestStatus: 'requested',
            channel: 'help-center',
            orderId: order,
            orderName: '#1004',
            identity: { kind: 'email', value: 'ada@example.com' },
            reason: 'package_delayed',
            comment: 'The tracking has not moved for three days. Is my parcel lost?',
            events: [
              {
                kind: 'created',
                actor: 'shopper',
                data: { comment: 'The tracking has not moved for three days.' },
              },
              { kind: 'note', actor: 'agent', data: { body: 'Asked the carrier for a trace.' } },
              {
                kind: 'reply',
                actor: 'agent',
                data: { body: 'We asked the carrier to trace it and will write again tomorrow.' },
              },
            ],
          },
        ],
      }),
    })
    expect(res.status).toBe(201)
    const [ticket] = ((await res.json()) as { tickets: Array<{ id: string }> }).tickets
    const { page, errors } = await signedIn()
    await page.goto(`${baseUrl}/console/tickets/${ticket!.id}`)
    await page.getByRole('heading', { level: 1, name: /Ticket T-\d+ · Issue/ }).waitFor()
    await page.locator('.lines li').first().waitFor()
    expect(
      await page
        .locator('dt', { hasText: /^Name$/ })
        .locator('+ dd')
        .textContent(),
    ).toMatch(/Ada Park/)
    expect(await axeViolations(page)).toEqual([])
    writeFileSync(
      `${SCREENSHOTS}/console-ticket-1280.png`,
      await page.screenshot({ fullPage: true, animations: 'disabled' }),
    )

    // At 375 px the header keeps the agent's name on one line.
    await page.setViewportSize({ width: 375, height: 667 })
    const nameBox = await page.locator('.who-name').boundingBox()
    expect(nameBox!.height).toBeLessThan(30)
    // And the ticket shows one pane at a time: the thread first.
    await page.getByRole('button', { name: 'Shopper and order' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    writeFileSync(
      `${SCREENSHOTS}/console-ticket-375.png`,
      await page.screenshot({ fullPage: true, animations: 'disabled' }),
    )
    expect(errors).toEqual([])
    await page.context().close()
  })
})

import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, BrowserContextOptions, Frame, Page } from 'playwright-core'

export const artifactsDir = fileURLToPath(new URL('../artifacts', import.meta.url))
mkdirSync(artifactsDir, { recursive: true })

/** Saves a screenshot (or any PNG) under e2e/artifacts/, which git ignores. */
export function saveArtifact(name: string, png: Buffer): void {
  writeFileSync(`${artifactsDir}/${name}.png`, png)
}

export interface HostPage {
  context: BrowserContext
  page: Page
  /** Console errors, uncaught exceptions, failed requests and our own warnings, from all frames. */
  problems: string[]
  close(): Promise<void>
}

declare global {
  interface Window {
    __layoutShift: number
    __shifts: Array<{ value: number; sources: string[] }>
    /** Every height an inline embed asked for, in order. */
    __resizes: number[]
  }
}

/**
 * Opens a host page in a fresh context (its own cookies and storage), with a layout-shift
 * observer installed before any page script runs, and records every problem the page reports.
 */
export async function openHost(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<HostPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' || m.text().includes('[porchlight]'))
      problems.push(`console.${m.type()}: ${m.text()} (${m.location().url})`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`)
  })
  page.on('requestfailed', (r) => {
    // Aborted is what a page does to requests it no longer needs (a route left, a frame removed).
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`)
  })
  await page.addInitScript(() => {
    window.__layoutShift = 0
    window.__shifts = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<
        PerformanceEntry & {
          value: number
          hadRecentInput: boolean
          sources?: Array<{ node?: Node }>
        }
      >) {
        // As Cumulative Layout Shift counts: a shift right after the shopper's input is expected.
        if (entry.hadRecentInput) continue
        window.__layoutShift += entry.value
        window.__shifts.push({
          value: entry.value,
          sources: (entry.sources ?? []).map((s) => s.node?.nodeName ?? '?'),
        })
      }
    }).observe({ type: 'layout-shift', buffered: true })
    window.__resizes = []
    addEventListener('message', (event: MessageEvent<{ type?: string; height?: number }>) => {
      if (event.data?.type === 'porchlight:resize') window.__resizes.push(event.data.height ?? -1)
    })
  })
  await page.goto(url)
  return { context, page, problems, close: () => context.close() }
}

export const launcherButton = (page: Page) => page.locator('porchlight-launcher button')
export const panelIframe = (page: Page) => page.locator('porchlight-launcher iframe')

/** The panel's frame (floating, portal or contact), once its document is ours. */
export async function widgetFrame(page: Page, mode: string): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().includes(`mode=${mode}`))
    if (frame) return frame
    await page.waitForTimeout(25)
  }
  throw new Error(`no ${mode} frame`)
}

/** Waits until the panel has said `ready` (the bridge marks <html data-mode>) and is idle. */
export async function settledFrame(page: Page, mode: string): Promise<Frame> {
  const frame = await widgetFrame(page, mode)
  await frame.waitForLoadState('load')
  await frame.waitForFunction(
    () =>
      document.documentElement.dataset['mode'] !== undefined && document.readyState === 'complete',
  )
  await frame.evaluate(() => document.fonts.ready.then(() => undefined))
  return frame
}

/**
 * Waits for the panel's first screen (its heading), not a loading line: an inline embed is
 * sized to a screen, never to a loading line (the panel does not report those).
 */
export async function firstScreen(frame: Frame): Promise<void> {
  await frame.waitForFunction(
    () => document.querySelector('h2, [aria-busy="true"]')?.localName === 'h2',
  )
}

/** Waits for the launcher to be drawn (after the store's settings arrived). */
export async function launcherReady(page: Page) {
  await launcherButton(page).waitFor({ state: 'visible', timeout: 10_000 })
}

/** What the widget could have left on the host's origin. */
export async function hostStorage(page: Page) {
  const inPage = await page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }))
  return { ...inPage, cookies: (await page.context().cookies()).length }
}

/** Screenshot of a region, retaken until two in a row agree (the page has settled). */
export async function stableShot(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<Buffer> {
  let previous: Buffer | undefined
  for (let i = 0; i < 10; i++) {
    const shot = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' })
    if (previous?.equals(shot)) return shot
    previous = shot
    await page.waitForTimeout(50)
  }
  throw new Error('the page kept changing under the screenshot')
}

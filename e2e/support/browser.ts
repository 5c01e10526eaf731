import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** The system Chromium (Debian's package); Playwright's own download cannot work offline. */
export function chromiumPath(): string {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ]
  const found = candidates.find((p): p is string => p !== undefined && existsSync(p))
  if (found === undefined) throw new Error('Chromium not found: install it or set CHROMIUM_PATH')
  return found
}

export const browserArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Screenshots compare pixels: the same font rendering on every run.
  '--font-render-hinting=none',
]

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: browserArgs })
}

/** The run's shared browser (launched by global-setup.ts): no launch per test file. */
export async function connectBrowser(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint)
}

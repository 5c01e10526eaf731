import { chromium } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { browserArgs, chromiumPath } from './browser.ts'
import { startHostServer } from './host-server.ts'
import { freePort, startServerProcess } from './server-process.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** Origin of the e2e host pages (e2e/hosts), a different site from baseUrl. */
    hostUrl: string
    /** The browser every test file connects to, launched once for the run. */
    browserWsEndpoint: string
  }
}

/** The widget key of the store that allows the host pages' origin (see host-server.ts). */
export const TEST_HOSTS_WIDGET_KEY = 'pk_test_hosts'

/**
 * One server, one host-page server and one browser for the whole run, stopped at the end. The
 * server allows the host pages' origin through a dedicated test store, switched on explicitly
 * by PORCHLIGHT_TEST_HOST_ORIGINS (refused in production).
 */
export default async function setup(project: TestProject) {
  const hostPort = await freePort()
  const server = await startServerProcess({
    PORCHLIGHT_TEST_HOST_ORIGINS: `http://localhost:${hostPort}`,
    // Test-only fixture routes (/test/*), so journeys can plant tickets as shoppers would.
    PORCHLIGHT_TEST_SEED: 'true',
    // The webhook journey's receiver listens on 127.0.0.1.
    PORCHLIGHT_TEST_PRIVATE_WEBHOOKS: 'true',
  })
  const [hosts, browser] = await Promise.all([
    startHostServer({ port: hostPort, serverUrl: server.url, widgetKey: TEST_HOSTS_WIDGET_KEY }),
    chromium.launchServer({ executablePath: chromiumPath(), headless: true, args: browserArgs }),
  ])
  project.provide('baseUrl', server.url)
  project.provide('hostUrl', hosts.url)
  project.provide('browserWsEndpoint', browser.wsEndpoint())
  return async () => {
    await Promise.all([browser.close(), hosts.close()])
    const code = await server.stop()
    if (code !== 0) console.error(`server exited with ${code}:\n${server.output()}`)
  }
}

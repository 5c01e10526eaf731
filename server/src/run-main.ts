import { ConfigError, loadConfig } from './config.ts'
import type { Config } from './config.ts'
import type { ServerExtension } from './server-extension.ts'
import { startServer } from './server.ts'
import { startBanner } from './start-banner.ts'

/**
 * Reads the configuration, starts the server, prints where to look, and stops gracefully.
 * Production runs it bare; the test entry (server/src/testing/test-main.ts) adds its extension.
 */
export async function runMain(extend?: (config: Config) => ServerExtension) {
  let config
  try {
    config = loadConfig()
    if (extend === undefined) refuseTestSwitches(config)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`)
      process.exit(78)
    }
    throw err
  }
  const server = await startServer(config, extend ? { extension: extend(config) } : {})
  // PORT=0 asks the system for a free port, which only the running server knows.
  const base = config.port === 0 ? server.url : config.publicUrl
  console.log(
    startBanner({
      base,
      env: config.env,
      seedDemo: config.seedDemo,
      demoAgentPassword: server.demoAgentPassword,
    }),
  )
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // The shutdown keeps its own deadline; this is the backstop should anything hang past it.
      setTimeout(() => {
        console.error('shutdown overran SHUTDOWN_TIMEOUT_MS; exiting')
        process.exit(1)
      }, config.shutdownTimeoutMs).unref()
      void server.shutdown(signal).then(() => process.exit(0))
    })
  }
}

/** The test switches do nothing here: say so rather than start without what was asked for. */
function refuseTestSwitches(config: Config) {
  const on = [
    config.testClock && 'PORCHLIGHT_TEST_CLOCK',
    config.testSeed && 'PORCHLIGHT_TEST_SEED',
    config.testFakeShopify && 'PORCHLIGHT_TEST_FAKE_SHOPIFY',
    config.testPrivateWebhooks && 'PORCHLIGHT_TEST_PRIVATE_WEBHOOKS',
    config.testHostOrigins.length > 0 && 'PORCHLIGHT_TEST_HOST_ORIGINS',
  ].filter((name) => name !== false)
  if (on.length > 0) {
    throw new ConfigError(
      on.join(', '),
      'test switches need the test entry, server/src/testing/test-main.ts',
    )
  }
}

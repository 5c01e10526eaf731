import { ConfigError, loadConfig } from './config.ts'
import { DEMO_AGENT } from './seed/demo-store.ts'
import { startServer } from './server.ts'

/** Reads the configuration, starts the server, prints where to look, and stops gracefully. */
async function main() {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`)
      process.exit(78)
    }
    throw err
  }
  const server = await startServer(config)
  // PORT=0 asks the system for a free port, which only the running server knows.
  const base = config.port === 0 ? server.url : config.publicUrl
  console.log(
    [
      '',
      `Porchlight is running on ${base}`,
      `  demo storefront   ${base}/`,
      `  help-center page  ${base}/help`,
      `  agent console     ${base}/console`,
      ...(config.seedDemo
        ? [`                    demo agent: ${DEMO_AGENT.email} / ${DEMO_AGENT.password}`]
        : []),
      ...(config.env !== 'production' ? [`  dev outbox        ${base}/dev/outbox`] : []),
      '',
    ].join('\n'),
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

await main()

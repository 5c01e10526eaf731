/**
 * The server's entry. Importing it starts the server. It runs in two forms:
 *  - built: `pnpm build` bundles it, and all it imports, into server/dist/main.mjs, which
 *    `pnpm start` runs and production runs as `node server/dist/main.mjs` (rebuilt after an
 *    upgrade): a few files instead of ~1,100 modules, a third of the start's CPU time;
 *  - from the sources: `node server/src/main.ts`, for development and the tests.
 *
 * Node's compile cache goes on before any other module loads (so this file imports nothing
 * else statically): with the cache a restart reuses the work of turning modules into code. It
 * lives in the system's temporary folder (NODE_COMPILE_CACHE moves it); a missing or stale
 * entry is compiled afresh.
 */
import { enableCompileCache } from 'node:module'

enableCompileCache()
const { runMain } = await import('./run-main.ts')
await runMain()

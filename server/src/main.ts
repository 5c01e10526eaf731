/**
 * The server's entry: `node server/src/main.ts` in production, and what `pnpm start` runs once
 * the widget is built (start.ts). Importing it starts the server.
 *
 * Node's compile cache goes on before any other module loads (so this file imports nothing
 * else statically): a start spent most of its time turning about 1,200 modules, ours in
 * TypeScript, into code, and with the cache a restart reuses that work. It lives in the system's
 * temporary folder (NODE_COMPILE_CACHE moves it); a missing or stale entry is compiled afresh.
 */
import { enableCompileCache } from 'node:module'

enableCompileCache()
const { runMain } = await import('./run-main.ts')
await runMain()

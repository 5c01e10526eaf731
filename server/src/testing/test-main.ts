// The entry point of end-to-end runs and process tests: main.ts with the test extension, and
// like main.ts the compile cache on before the rest loads.
import { enableCompileCache } from 'node:module'

enableCompileCache()
const { runMain } = await import('../run-main.ts')
const { testExtension } = await import('./test-extension.ts')
await runMain(testExtension)

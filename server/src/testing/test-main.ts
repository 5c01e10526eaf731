import { runMain } from '../main.ts'
import { testExtension } from './test-extension.ts'

// The entry point of end-to-end runs and process tests: main.ts with the test extension.
await runMain(testExtension)

import { defineConfig } from 'vitest/config'

/**
 * End-to-end journeys: a real server process (built widget, SQLite in a temp folder) and the
 * system Chromium driven by playwright-core. Files run one at a time: they share one server.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['tests/**/*.e2e.ts'],
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})

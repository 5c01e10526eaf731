import { defineConfig } from 'vitest/config'

/**
 * Unit and integration suites of every package. The server suite runs once per database:
 * always on SQLite, and on PostgreSQL as well when TEST_DATABASE_URL is set (CI sets it).
 */
const serverProject = (db: 'sqlite' | 'postgres') => ({
  test: {
    name: `server:${db}`,
    root: './server',
    include: ['src/**/*.test.ts'],
    env: { PORCHLIGHT_TEST_DB: db },
    ...(db === 'postgres' ? { globalSetup: ['./src/test/postgres-global-setup.ts'] } : {}),
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      { test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'] } },
      // The import rules of docs/architecture.md, over the whole workspace.
      { test: { name: 'architecture', root: './docs', include: ['*.test.ts'] } },
      {
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'widget',
          root: './widget',
          include: ['src/**/*.test.{ts,tsx}'],
          // The panel's tests drive a DOM; happy-dom is the lighter of the two usual choices.
          environment: 'happy-dom',
        },
      },
      serverProject('sqlite'),
      ...(process.env['TEST_DATABASE_URL'] ? [serverProject('postgres')] : []),
    ],
  },
})

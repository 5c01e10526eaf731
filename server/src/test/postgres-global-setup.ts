import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Prefix of this run's PostgreSQL test schemas (`<prefix>_<hex>`). */
    pgSchemaPrefix: string
  }
}

async function dropSchemas(url: string, prefix: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ name: string }>(
      'select nspname as name from pg_namespace where starts_with(nspname, $1)',
      [`${prefix}_`],
    )
    for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)
  } finally {
    await client.end()
  }
}

/**
 * Global setup of the server:postgres project. Each run names its schemas with its own prefix
 * (so concurrent runs never sweep each other's) and drops any left at the end.
 */
export default function setup(project: TestProject) {
  const url = process.env['TEST_DATABASE_URL']
  const prefix = `t${randomBytes(4).toString('hex')}`
  project.provide('pgSchemaPrefix', prefix)
  if (url === undefined) return
  return () => dropSchemas(url, prefix)
}

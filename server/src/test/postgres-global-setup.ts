import { randomBytes } from 'node:crypto'
import type { TestProject } from 'vitest/node'
import { migrateToLatest, openDatabase } from '../db/database.ts'
import {
  describeTemplate,
  dropSchema,
  parkSchema,
  schemaName,
  withAdmin,
  type SchemaTemplate,
} from './postgres-schemas.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Prefix of this run's PostgreSQL test schemas (`<prefix>_<hex>`). */
    pgSchemaPrefix: string
    /** The run's migrated template schema, which test schemas are recycled to (postgres-schemas). */
    pgTemplate: SchemaTemplate | undefined
  }
}

async function dropSchemas(url: string, prefix: string) {
  const { rows } = await withAdmin(url, (client) =>
    client.query<{ name: string }>(
      'select nspname as name from pg_namespace where starts_with(nspname, $1)',
      [`${prefix}_`],
    ),
  )
  // One at a time: a schema's drop takes hundreds of locks (see harness.ts).
  for (const { name } of rows) await dropSchema(url, name)
}

/**
 * Global setup of the server:postgres project. Each run names its schemas with its own prefix
 * (so concurrent runs never sweep each other's), migrates the template schema that test schemas
 * are recycled to, and drops every schema of the run at the end.
 */
export default async function setup(project: TestProject) {
  const url = process.env['TEST_DATABASE_URL']
  const prefix = `t${randomBytes(4).toString('hex')}`
  project.provide('pgSchemaPrefix', prefix)
  if (url === undefined) {
    project.provide('pgTemplate', undefined)
    return
  }
  await migrated(url, `${prefix}_template`)
  const template = await withAdmin(url, (client) =>
    describeTemplate(client, prefix, `${prefix}_template`),
  )
  project.provide('pgTemplate', template)
  // A parked schema ready for each worker's first test, migrated side by side here (each
  // schema has its own migration lock), so no test waits on a migration of its own.
  if (template.recyclable) {
    const workers = Math.max(1, Number(project.config.maxWorkers) || 1)
    await Promise.all(
      Array.from({ length: workers + 1 }, async () => {
        const schema = await migrated(url, schemaName(prefix))
        await parkSchema(url, template, schema)
      }),
    )
  }
  return () => dropSchemas(url, prefix)
}

async function migrated(url: string, schema: string) {
  const handle = await openDatabase(url, { schema })
  try {
    await migrateToLatest(handle)
  } finally {
    await handle.close()
  }
  return schema
}

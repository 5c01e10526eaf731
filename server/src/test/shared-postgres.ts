import { afterAll, inject } from 'vitest'
import { dropSchema, schemaName } from './postgres-schemas.ts'
import { testDialect } from './test-database.ts'
import { spawnServer, type SpawnedServer } from './spawn-server.ts'

/**
 * Server processes of one test file on one PostgreSQL database, in a fresh schema that each
 * process migrates and seeds: spawned with `spawn`, killed and the schema dropped after the
 * file. Call it at the file's top level. The schema is named under the run's prefix, so the
 * global teardown sweeps it should the file crash.
 */
export function sharedPostgres() {
  const url = process.env['TEST_DATABASE_URL']
  const schema = testDialect === 'postgres' ? schemaName(inject('pgSchemaPrefix')) : 'unused'
  const servers: SpawnedServer[] = []
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL')
    if (url === undefined || testDialect !== 'postgres') return
    await dropSchema(url, schema)
  })
  return {
    /** One more process on the shared schema; start them one after the other (migrations). */
    async spawn(env: Record<string, string> = {}) {
      const server = await spawnServer({
        DATABASE_URL: url as string,
        DATABASE_SCHEMA: schema,
        ...env,
      })
      servers.push(server)
      return server
    },
  }
}

/** A fetch init with a JSON body. */
export const jsonInit = (method: string, body: unknown, headers: Record<string, string>) => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

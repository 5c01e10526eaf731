import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll } from 'vitest'
import { testDialect } from './harness.ts'
import { spawnServer, type SpawnedServer } from './spawn-server.ts'

/**
 * Server processes of one test file on one PostgreSQL database, in a fresh schema: spawned
 * with `spawn`, killed and the schema dropped after the file. Call it at the file's top level.
 */
export function sharedPostgres() {
  const url = process.env['TEST_DATABASE_URL']
  const schema = `p_${randomBytes(6).toString('hex')}`
  const servers: SpawnedServer[] = []
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL')
    if (url === undefined || testDialect !== 'postgres') return
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
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

import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { testDialect } from './harness.ts'

/**
 * A fresh PostgreSQL schema for tests that spawn server processes of their own (each process
 * migrates and seeds it), and the drop that removes it afterwards.
 */
export function throwawaySchema() {
  const url = process.env['TEST_DATABASE_URL']
  const schema = `p_${randomBytes(6).toString('hex')}`
  return {
    url,
    schema,
    async drop() {
      if (url === undefined || testDialect !== 'postgres') return
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.end()
    },
  }
}

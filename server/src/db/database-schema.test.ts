import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.ts'

describe('DATABASE_SCHEMA', () => {
  const pg = 'postgres://u@localhost:5432/db'

  it('names the PostgreSQL schema of the tables', () => {
    expect(loadConfig({ DATABASE_URL: pg, DATABASE_SCHEMA: 'porchlight_a' }).databaseSchema).toBe(
      'porchlight_a',
    )
    expect(loadConfig({ DATABASE_URL: pg }).databaseSchema).toBeUndefined()
  })

  it.each(['Upper', 'has-dash', '1starts_with_digit', 'x; drop table stores', 'a'.repeat(64)])(
    'refuses the unsafe name %s',
    (name) => {
      expect(() => loadConfig({ DATABASE_URL: pg, DATABASE_SCHEMA: name })).toThrow(ConfigError)
    },
  )

  it('refuses a schema for SQLite, which has none', () => {
    expect(() => loadConfig({ DATABASE_URL: 'sqlite:./x.db', DATABASE_SCHEMA: 'a' })).toThrow(
      /only applies to a postgres/,
    )
  })
})

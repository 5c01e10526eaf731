import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openTestDatabase, testDialect } from '../test/harness.ts'
import { applyMigrations } from './migrator.ts'

const table = (name: string) => ({
  up: async (db: Kysely<any>) => {
    await db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute()
  },
})

describe(`migrator (${testDialect})`, () => {
  it('applies pending migrations once, in name order, and nothing on a second run', async () => {
    const { db, dialect } = await openTestDatabase()
    expect(
      await applyMigrations(db, { 'b-two': table('zz_two'), 'a-one': table('zz_one') }, dialect),
    ).toEqual(['a-one', 'b-two'])
    expect(
      await applyMigrations(db, { 'b-two': table('zz_two'), 'a-one': table('zz_one') }, dialect),
    ).toEqual([])
  })

  it('applies a migration that sorts before applied ones (merged from another branch)', async () => {
    const { db, dialect } = await openTestDatabase()
    await applyMigrations(db, { 'b-two': table('zz_two') }, dialect)
    expect(
      await applyMigrations(db, { 'a-one': table('zz_one'), 'b-two': table('zz_two') }, dialect),
    ).toEqual(['a-one'])
  })

  it('lets concurrent starts apply each migration exactly once', async () => {
    const { db, dialect } = await openTestDatabase()
    const set = { 'c-three': table('zz_three') }
    const results = await Promise.all([
      applyMigrations(db, set, dialect),
      applyMigrations(db, set, dialect),
      applyMigrations(db, set, dialect),
    ])
    expect(results.flat()).toEqual(['c-three'])
  })

  it('rolls back a failing run whole and names the migration', async () => {
    const { db, dialect } = await openTestDatabase()
    const broken = {
      up: async () => {
        throw new Error('boom')
      },
    }
    await expect(
      applyMigrations(db, { 'd-four': table('zz_four'), 'e-five': broken }, dialect),
    ).rejects.toThrow('migration e-five failed: boom')
    expect(await applyMigrations(db, { 'd-four': table('zz_four') }, dialect)).toEqual(['d-four'])
  })
})

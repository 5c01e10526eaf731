import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../logger.ts'
import { classifyStorageFault } from './storage-faults.ts'
import { createStorageHealth, logTaskFailure, REMINDER_MS, SETTLE_MS } from './storage-health.ts'

const withCode = (code: string, message = 'boom') => Object.assign(new Error(message), { code })
const full = withCode('SQLITE_FULL', 'database or disk is full')
const refused = withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')

describe('classifyStorageFault', () => {
  it.each([
    [full, 'storage_full'],
    [withCode('53100', 'could not extend file'), 'storage_full'],
    [withCode('SQLITE_READONLY', 'attempt to write a readonly database'), 'storage_unavailable'],
    [withCode('SQLITE_READONLY_DBMOVED'), 'storage_unavailable'],
    [withCode('SQLITE_IOERR_WRITE'), 'storage_unavailable'],
    [withCode('SQLITE_BUSY'), 'storage_unavailable'],
    [
      withCode('57P01', 'terminating connection due to administrator command'),
      'storage_unavailable',
    ],
    [withCode('08006'), 'storage_unavailable'],
    [refused, 'storage_unavailable'],
    [new Error('Connection terminated unexpectedly'), 'storage_unavailable'],
    [new AggregateError([refused, refused], ''), 'storage_unavailable'],
    [new Error('wrapped', { cause: full }), 'storage_full'],
  ])('%s is %s', (err, code) => {
    expect(classifyStorageFault(err)?.code).toBe(code)
  })

  it.each([
    withCode('SQLITE_CONSTRAINT_UNIQUE'),
    withCode('23505', 'duplicate key'),
    withCode('40001', 'could not serialize access'),
    new TypeError('x is undefined'),
    'a string',
  ])('%s is no storage fault', (err) => {
    expect(classifyStorageFault(err)).toBeUndefined()
  })
})

function setup() {
  let now = 1_000_000
  const health = createStorageHealth(() => now)
  const logger = createMemoryLogger()
  const lines = () => logger.lines.map((l) => [l['msg'], l['code'], l['failures']])
  return { health, logger, lines, advance: (ms: number) => (now += ms) }
}

describe('storage health', () => {
  it('names a lasting fault once, reminds every few minutes with the count, ends once', () => {
    const { health, logger, lines, advance } = setup()
    // A minute of a worker polling every 2 s and requests failing in between.
    for (let i = 0; i < 60; i++) {
      expect(health.report(refused, { logger, source: 'test' })?.code).toBe('storage_unavailable')
      advance(1000)
    }
    expect(lines()).toEqual([['storage fault', 'storage_unavailable', 1]])
    advance(REMINDER_MS)
    health.report(refused, { logger, source: 'test' })
    expect(lines()[1]).toEqual(['storage fault continues', 'storage_unavailable', 60])
    health.recovered()
    expect(health.current()).toBeUndefined()
    advance(SETTLE_MS)
    expect(health.current()).toBeUndefined()
    expect(lines().map((l) => l[0])).toEqual([
      'storage fault',
      'storage fault continues',
      'storage recovered',
    ])
  })

  it('says nothing more while a nearly full disk lets some writes through', () => {
    const { health, logger, lines, advance } = setup()
    for (let i = 0; i < 30; i++) {
      health.report(full, { logger, source: 'test' })
      advance(1000)
      health.recovered()
      advance(1000)
    }
    expect(lines()).toEqual([['storage fault', 'storage_full', 1]])
    // Writes fail again and again: readiness sees the fault each time.
    health.report(full, { logger, source: 'test' })
    expect(health.current()?.code).toBe('storage_full')
  })

  it('logs a change of fault, and a line without a logger when one comes', () => {
    const { health, logger, lines } = setup()
    health.report(refused, { source: 'pool' })
    expect(lines()).toEqual([])
    health.report(refused, { logger, source: 'request' })
    health.report(full, { logger, source: 'request' })
    expect(lines()).toEqual([
      ['storage fault', 'storage_unavailable', 2],
      ['storage fault', 'storage_full', 1],
    ])
  })

  it('leaves other failures of a background task to its own line', () => {
    const logger = createMemoryLogger()
    const db = {}
    for (let i = 0; i < 3; i++) logTaskFailure({ db, logger }, 'outbox drain failed', refused)
    logTaskFailure({ db, logger }, 'outbox drain failed', new TypeError('a bug'))
    expect(logger.lines.map((l) => [l['level'], l['msg'], l['error'] ?? l['code']])).toEqual([
      ['error', 'storage fault', 'storage_unavailable'],
      ['error', 'outbox drain failed', 'a bug'],
    ])
  })
})

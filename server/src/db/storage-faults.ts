/** The two ways storage can fail that a client should wait out rather than report as a bug. */
export type StorageFaultCode = 'storage_full' | 'storage_unavailable'

export interface StorageFault {
  code: StorageFaultCode
  /** The driver's own words, e.g. `SQLITE_FULL: database or disk is full`, for operators. */
  cause: string
}

// SQLite result codes (extended codes share the primary's prefix, e.g. SQLITE_IOERR_WRITE).
// BUSY is here because it only reaches us after busy_timeout: the lock holder is stuck.
const sqliteUnavailable = [
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_BUSY',
  'SQLITE_ABORT_ROLLBACK',
]

// PostgreSQL SQLSTATEs: class 08 is "connection exception"; 57P01-03 a server shutting down or
// restarting; 53300 too many connections; 25006 a read-only (standby) server.
const pgUnavailable = new Set(['57P01', '57P02', '57P03', '53300', '25006'])

// What node and pg throw when the socket is refused, cut or times out (these carry no SQLSTATE).
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])
const pgConnectionMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
]

/**
 * Tells a storage fault (disk full, read-only file, database out of reach) from any other error.
 * Undefined means "not a storage fault": the error is a bug or a business failure, handled as such.
 */
export function classifyStorageFault(err: unknown): StorageFault | undefined {
  if (!(err instanceof Error)) return undefined
  const code = (err as { code?: unknown }).code
  const cause = typeof code === 'string' ? `${code}: ${err.message}` : err.message
  if (typeof code === 'string') {
    if (code === 'SQLITE_FULL' || code === '53100') return { code: 'storage_full', cause }
    if (sqliteUnavailable.some((c) => code === c || code.startsWith(`${c}_`))) {
      return { code: 'storage_unavailable', cause }
    }
    if (code.startsWith('08') || pgUnavailable.has(code) || networkCodes.has(code)) {
      return { code: 'storage_unavailable', cause }
    }
  }
  if (pgConnectionMessages.some((m) => err.message.includes(m))) {
    return { code: 'storage_unavailable', cause }
  }
  // pg wraps a failed connect of several addresses (localhost: ::1 and 127.0.0.1) in one error.
  if (err instanceof AggregateError) {
    for (const inner of err.errors) {
      const fault = classifyStorageFault(inner)
      if (fault !== undefined) return fault
    }
  }
  return err.cause !== undefined ? classifyStorageFault(err.cause) : undefined
}

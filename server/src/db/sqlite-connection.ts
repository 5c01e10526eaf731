import SqliteDatabase from 'better-sqlite3'

const STATEMENT_CACHE_SIZE = 256

export interface SqliteConnectionOptions {
  /**
   * Test seam: whether the file is write-protected when (re)opened. SQLite itself opens a
   * write-protected file read-only; the suite runs as root, for whom chmod protects nothing.
   */
  writeProtected?: () => boolean
}

/** The connection Kysely's SqliteDialect drives, with what we add around better-sqlite3. */
export interface SqliteConnection {
  close(): void
  prepare(sql: string): SqliteDatabase.Statement
  /** True while SQLite holds a transaction open (Kysely's or an auto-committing statement's). */
  inTransaction(): boolean
  /** Asks for a fresh connection at the next statement outside a transaction (read-only file). */
  reopenSoon(): void
}

/**
 * Opens `file`, or a serialized database image (a Buffer) as a private in-memory copy: the
 * test suite migrates one in-memory database and starts each test's database from its image.
 */
export function openSqliteConnection(
  file: string | Buffer,
  options: SqliteConnectionOptions = {},
): SqliteConnection {
  const open = () => {
    const readonly = options.writeProtected?.() ?? false
    // fileMustExist on a reopen: a file moved away must not be replaced by an empty one.
    const sqlite = new SqliteDatabase(file, { readonly, fileMustExist: opened })
    // WAL lets readers work while a write commits; FULL sync because an acknowledged ticket must
    // survive a power cut; busy_timeout rides out short write locks instead of failing at once.
    if (!readonly) sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('synchronous = FULL')
    return sqlite
  }
  let opened = false
  let sqlite = open()
  opened = true
  // Kysely prepares every query anew, and preparing costs more than running a small indexed read
  // (it was the largest share of the order list's time). Statements are reusable, so keep them
  // by SQL text; a statement still busy (a stream being read) is never handed out twice.
  let cache = new Map<string, SqliteDatabase.Statement>()
  // Kysely's transaction is open from its `begin` until its `commit` or `rollback`.
  let inKyselyTransaction = false
  // A file write-protected when it was opened stays read-only for that connection, even once
  // it is writable again: writing takes a new connection. So before a write on a read-only
  // connection, or after a write refused as read-only (a file replaced under us), reopen.
  // That costs one open per write attempt while the fault lasts, and nothing otherwise.
  let reopenWanted = false

  function reopen() {
    if ([...cache.values()].some((s) => s.busy)) return
    reopenWanted = false
    let next: SqliteDatabase.Database
    try {
      next = open()
    } catch {
      return // the file is not there; the old connection keeps answering reads
    }
    sqlite.close()
    sqlite = next
    cache = new Map()
  }

  function control(sql: string, after: () => void): SqliteDatabase.Statement {
    const statement = cachedStatement(sql)
    return {
      reader: false,
      busy: false,
      run: (...params: unknown[]) => {
        const result = statement.run(...params)
        after()
        return result
      },
    } as unknown as SqliteDatabase.Statement
  }

  return {
    close: () => sqlite.close(),
    inTransaction: () => sqlite.inTransaction,
    reopenSoon() {
      reopenWanted = typeof file === 'string' && file !== ':memory:'
    },
    prepare(sql: string) {
      if (sql === 'begin') {
        if (!sqlite.inTransaction && (sqlite.readonly || reopenWanted)) reopen()
        return control(sql, () => (inKyselyTransaction = true))
      }
      if (sql === 'commit' || sql === 'rollback') {
        inKyselyTransaction = false
        // SQLite undoes the whole transaction by itself on some errors (SQLITE_FULL, IOERR,
        // BUSY). A second rollback then fails with "no transaction is active", and Kysely
        // would throw that instead of the cause.
        if (sql === 'rollback' && !sqlite.inTransaction) return noop
      } else if (inKyselyTransaction && !sqlite.inTransaction) {
        // The transaction is gone but its callback went on (it caught the error): refuse, or
        // the rest of it would auto-commit piecemeal.
        throw Object.assign(new Error('SQLite rolled the transaction back after an error'), {
          code: 'SQLITE_ABORT_ROLLBACK',
        })
      }
      const statement = cachedStatement(sql)
      if (!(reopenWanted || sqlite.readonly) || sqlite.inTransaction || statement.readonly) {
        return statement
      }
      reopen()
      return cachedStatement(sql)
    },
  }

  function cachedStatement(sql: string) {
    const cached = cache.get(sql)
    if (cached !== undefined && !cached.busy) return cached
    const statement = sqlite.prepare(sql)
    if (cached === undefined) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string)
      cache.set(sql, statement)
    }
    return statement
  }
}

const noop = {
  reader: false,
  busy: false,
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
} as unknown as SqliteDatabase.Statement

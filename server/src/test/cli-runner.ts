import { runCli } from '../cli/run-cli.ts'
import type { DatabaseHandle } from '../db/database.ts'

/**
 * The CLI run in this process over a test database, as `pnpm porchlight ...` would: what it
 * printed (out, err) and what standard input it reads (`pipe`).
 */
export function cliRunner(database: DatabaseHandle, env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  let stdin = ''
  const run = (...argv: string[]) =>
    runCli(
      argv,
      {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
        env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
        readStdin: async () => stdin,
      },
      { database },
    )
  const pipe = (v: string) => {
    stdin = v
  }
  return { run, out, err, pipe }
}

import type { ParseArgsOptionsConfig } from 'node:util'
import type { Config } from '../config.ts'
import type { DatabaseHandle } from '../db/database.ts'
import type { Logger } from '../logger.ts'

/** What a command may touch: output, configuration, and the database (opened on demand). */
export interface CliContext {
  out(line: string): void
  err(line: string): void
  env: Record<string, string | undefined>
  /** The first line of standard input (a secret piped in, never typed on the command line). */
  readStdin(): Promise<string>
  config: Config
  logger: Logger
  /** Opens (and migrates) the configured database; closed by the runner afterwards. */
  database(): Promise<DatabaseHandle>
}

export type OptionValues = Record<string, string | boolean | Array<string | boolean> | undefined>

/**
 * One CLI command, `porchlight <group> <name> [--options]`. Each command group lives in its
 * own file and adds its commands to the table in commands.ts.
 */
export interface Command {
  group: string
  name: string
  summary: string
  /** Shown under `--help` and on usage errors. */
  usage: string
  options: ParseArgsOptionsConfig
  /** Runs even when the configuration is refused (it reads none of it). */
  standalone?: boolean
  /** Returns the process exit code: 0 done, 1 failed. */
  run(values: OptionValues, ctx: CliContext): Promise<number>
}

/** Thrown by a command for a usage mistake (exit code 2, usage shown). */
export class UsageError extends Error {}

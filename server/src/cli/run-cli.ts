import { parseArgs } from 'node:util'
import { ConfigError, loadConfig, type Config } from '../config.ts'
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/database.ts'
import { createLogger } from '../logger.ts'
import { UsageError, type CliContext, type Command } from './command.ts'
import { commands as allCommands } from './commands.ts'

export interface CliIo {
  out(line: string): void
  err(line: string): void
  env: Record<string, string | undefined>
  /** The first line of standard input; absent means nothing was piped in. */
  readStdin?: () => Promise<string>
}

export interface CliOverrides {
  /** Use this database instead of opening DATABASE_URL (tests). */
  database?: DatabaseHandle
  commands?: Command[]
}

function help(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => `${c.group} ${c.name}`.length))
  return [
    'Usage: porchlight <group> <command> [options]   (pnpm porchlight ...)',
    '',
    ...commands.map((c) => `  ${`${c.group} ${c.name}`.padEnd(width)}  ${c.summary}`),
    '',
    'Add --help after a command for its options.',
  ].join('\n')
}

/**
 * Runs one CLI command and returns the exit code: 0 done, 1 the command failed, 2 usage
 * error, 78 bad configuration (the same code the server uses).
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  overrides: CliOverrides = {},
): Promise<number> {
  const commands = overrides.commands ?? allCommands
  const [group, name, ...rest] = argv
  if (group === undefined || group === '--help' || group === 'help') {
    io.out(help(commands))
    return group === undefined ? 2 : 0
  }
  const command = commands.find((c) => c.group === group && c.name === name)
  if (command === undefined) {
    io.err(`Unknown command: ${[group, name].filter(Boolean).join(' ')}\n`)
    io.err(help(commands))
    return 2
  }
  if (rest.includes('--help')) {
    io.out(command.usage)
    return 0
  }
  let values
  try {
    values = parseArgs({
      args: rest,
      options: command.options,
      strict: true,
      allowPositionals: false,
    }).values
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${command.usage}`)
    return 2
  }
  let config: Config
  try {
    config = loadConfig(io.env)
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    if (command.standalone !== true) {
      io.err(`Configuration error: ${err.message}`)
      return 78
    }
    config = loadConfig({})
  }
  let opened: DatabaseHandle | undefined
  const ctx: CliContext = {
    ...io,
    readStdin: io.readStdin ?? (async () => ''),
    config,
    logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, {}, (line) =>
      io.err(line),
    ),
    database: async () => {
      if (overrides.database !== undefined) return overrides.database
      if (opened === undefined) {
        // The same database and schema as the server reads (DATABASE_SCHEMA included).
        opened = await openDatabase(config.databaseUrl, {
          ...(config.databaseSchema !== undefined ? { schema: config.databaseSchema } : {}),
        })
        await migrateToLatest(opened)
      }
      return opened
    },
  }
  try {
    return await command.run(values, ctx)
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${command.usage}`)
      return 2
    }
    throw err
  } finally {
    await opened?.close()
  }
}

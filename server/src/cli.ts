import { readFirstLine } from './cli/stdin.ts'
import { runCli } from './cli/run-cli.ts'

// `pnpm porchlight <group> <command> ...`: administration without the console.
process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  env: process.env,
  // Only commands that ask for it read standard input, and only its first line.
  readStdin: async () => {
    // A terminal is not a pipe: asking for a password there would echo it, so refuse instead.
    if (process.stdin.isTTY) return ''
    return readFirstLine(process.stdin)
  },
})

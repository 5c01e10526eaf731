import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { testDialect } from '../test/harness.ts'
import { processDatabase, type ProcessDatabase } from '../test/process-db.ts'

const cliEntry = fileURLToPath(new URL('../cli.ts', import.meta.url))

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `porchlight ...` as a process whose standard input is a pipe the test keeps open (a
 * script's stdin, a CI step), writing `input` into it first. Resolves when the process exits.
 */
function runCliProcess(args: string[], env: Record<string, string>, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry, ...args], {
      env: {
        PATH: process.env['PATH'] ?? '',
        SECRET_KEY: 'cli-process-secret-key-0123456789abcdef0123',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    // Written, never ended: the pipe stays open for as long as the process runs.
    if (input !== '') child.stdin.write(input)
    child.stdin.on('error', () => {})
    child.once('error', reject)
    child.once('exit', (code) => {
      child.stdin.destroy()
      resolve({ code, stdout, stderr })
    })
  })
}

describe(`the CLI as a process (${testDialect})`, () => {
  let database: ProcessDatabase | undefined
  afterEach(async () => {
    await database?.drop()
    database = undefined
  })

  it('creates a store and an agent in the configured database and exits with stdin left open', async () => {
    database = processDatabase()
    const created = await runCliProcess(
      ['store', 'create', '--name', 'Pipe & Co', '--origin', 'https://shop.example'],
      database.env,
    )
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    const id = /id {10}(st_\S+)/.exec(created.stdout)?.[1]
    expect(id).toBeDefined()
    // The row is where the server reads: on PostgreSQL the DATABASE_SCHEMA, whose search path
    // holds nothing else (a write to `public` would not be found here).
    const stores = await database.rows<{ id: string; name: string }>(
      'select id, name from stores where id = $1'.replace(
        '$1',
        testDialect === 'sqlite' ? '?' : '$1',
      ),
      [id],
    )
    expect(stores).toEqual([{ id, name: 'Pipe & Co' }])

    const agent = await runCliProcess(
      ['agent', 'create', '--store', id!, '--email', 'pipe@example.com', '--name', 'Pip'],
      database.env,
      'correct horse battery staple 42\nnot read\n',
    )
    expect(agent.code).toBe(0)
    const withPassword = await runCliProcess(
      [
        'agent',
        'create',
        '--store',
        id!,
        '--email',
        'stdin@example.com',
        '--name',
        'Stdin',
        '--password-stdin',
      ],
      database.env,
      'a long enough passphrase of mine 93\n',
    )
    expect(withPassword.stderr).toBe('')
    expect(withPassword.code).toBe(0)
    const agents = await database.rows<{ email: string }>('select email from agents order by email')
    expect(agents.map((a) => a.email)).toEqual(['pipe@example.com', 'stdin@example.com'])
  }, 60_000)
})

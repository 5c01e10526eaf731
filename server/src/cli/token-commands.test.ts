import { describe, expect, it } from 'vitest'
import { findApiTokenAgent } from '../services/agents/api-tokens.ts'
import { seedDemoStore } from '../seed/demo-store.ts'
import { estimateSecretBits } from '../secret-strength.ts'
import { cliRunner } from '../test/cli-runner.ts'
import { openTestDatabase, testDialect } from '../test/harness.ts'

async function setup(env: Record<string, string> = {}) {
  const database = await openTestDatabase()
  await seedDemoStore(database.db, new Date())
  const { run, out, err, pipe } = cliRunner(database, env)
  const createAgent = () =>
    run('agent', 'create', '--store', 'st_demo', '--email', 'o@shop.example', '--name', 'O')
  const issue = async (...extra: string[]) => {
    const code = await run(
      'agent',
      'token',
      '--store',
      'st_demo',
      '--email',
      'o@shop.example',
      '--name',
      'Helpdesk',
      ...extra,
    )
    const token = out.map((l) => /^\s+(plat_\S+)$/.exec(l)?.[1]).findLast(Boolean)
    const id = out.map((l) => /token (at_\S+)/.exec(l)?.[1]).findLast(Boolean)
    return { code, token: token as string, id: id as string }
  }
  return { db: database.db, run, out, err, pipe, createAgent, issue }
}

const DAY = 24 * 3600_000

describe(`CLI: token life cycle, secret generate, password policy (${testDialect})`, () => {
  it('issues tokens with a chosen life and scope, lists them and revokes one', async () => {
    const t = await setup()
    await t.createAgent()
    const normal = await t.issue()
    expect(normal.code).toBe(0)
    const reader = await t.issue('--days', '7', '--read-only')
    expect(reader.code).toBe(0)
    expect(t.out.join('\n')).toContain('Issued read token')
    const soon = await findApiTokenAgent(t.db, reader.token, new Date(Date.now() + 6 * DAY))
    expect(soon).toMatchObject({ scope: 'read' })
    expect(await findApiTokenAgent(t.db, reader.token, new Date(Date.now() + 8 * DAY))).toBe(
      undefined,
    )
    expect(
      await findApiTokenAgent(t.db, normal.token, new Date(Date.now() + 89 * DAY)),
    ).toMatchObject({ scope: 'read_write' })
    expect((await t.issue('--days', '0')).code).toBe(2)
    expect((await t.issue('--days', 'soon')).code).toBe(2)

    expect(await t.run('token', 'list', '--store', 'st_demo')).toBe(0)
    const listed = t.out.filter((l) => l.startsWith('at_'))
    expect(listed).toHaveLength(2)
    expect(listed.join('\n')).not.toContain('plat_')
    expect(await t.run('token', 'revoke', '--store', 'st_demo', '--id', normal.id)).toBe(0)
    expect(await findApiTokenAgent(t.db, normal.token, new Date())).toBeUndefined()
    expect(await t.run('token', 'revoke', '--store', 'st_demo', '--id', normal.id)).toBe(1)
    expect(t.err.at(-1)).toContain('token_not_found')
    await t.run('token', 'list', '--store', 'st_demo')
    expect(t.out.filter((l) => l.startsWith(`${normal.id}  revoked`))).toHaveLength(1)
  })

  it('refuses common and guessable passwords on top of the 12-character minimum', async () => {
    const t = await setup()
    for (const weak of ['short', 'password1234', 'qwertyuiop123', 'o@shop.example!!']) {
      t.pipe(`${weak}\n`)
      const code = await t.run(
        'agent',
        'create',
        '--store',
        'st_demo',
        '--email',
        'o@shop.example',
        '--name',
        'O',
        '--password-stdin',
      )
      expect(code).toBe(1)
      expect(t.err.at(-1)).toContain('weak_password')
    }
    expect(await t.db.selectFrom('agents').selectAll().execute()).toEqual([])
  })

  it('generates a key that production accepts, even when the configuration is refused', async () => {
    const t = await setup({ NODE_ENV: 'production', SECRET_KEY: 'changeme'.repeat(4) })
    expect(await t.run('store', 'create', '--name', 'x', '--origin', 'https://x.example')).toBe(78)
    expect(await t.run('secret', 'generate')).toBe(0)
    const key = /^SECRET_KEY=([\w-]{43})$/.exec(t.out.at(-1) ?? '')?.[1] as string
    expect(estimateSecretBits(key)).toBeGreaterThanOrEqual(128)
    expect(await t.run('secret', 'generate')).toBe(0)
    expect(t.out.at(-1)).not.toBe(`SECRET_KEY=${key}`)
  })
})

import { describe, expect, it } from 'vitest'
import { findStoreById } from '../db/stores.repository.ts'
import { logInAgent } from '../services/agents/agent-sessions.ts'
import { findApiTokenAgent } from '../services/agents/api-tokens.ts'
import { cliRunner } from '../test/cli-runner.ts'
import { openTestDatabase, testDialect } from '../test/harness.ts'

async function setup() {
  const database = await openTestDatabase()
  const { run, out, err, pipe } = cliRunner(database, { PUBLIC_URL: 'https://support.example.com' })
  const field = (label: string) =>
    out
      .map((l) => new RegExp(`^\\s+${label}\\s+(\\S+)`).exec(l)?.[1])
      .filter(Boolean)
      .at(-1) as string
  return { db: database.db, run, out, err, pipe, field }
}

describe(`CLI: store create, agent create, agent token (${testDialect})`, () => {
  it('creates a store and prints its id and widget key', async () => {
    const t = await setup()
    const code = await t.run(
      'store',
      'create',
      '--name',
      'Lumen & Loom',
      '--origin',
      'https://shop.example',
      '--origin',
      'https://www.shop.example/',
      '--origin',
      'https://shop.example',
    )
    expect(code).toBe(0)
    const id = t.field('id')
    const key = t.field('widget key'.replace(' ', '\\s'))
    expect(id).toMatch(/^st_/)
    const store = await findStoreById(t.db, id)
    expect(store).toMatchObject({
      name: 'Lumen & Loom',
      allowedOrigins: ['https://shop.example', 'https://www.shop.example'],
      adapterKind: 'demo',
      settings: { defaultLocale: 'en' },
    })
    expect(store?.widgetKey).toBe(key)
    expect(key).toMatch(/^pk_[A-Za-z0-9_-]{24}$/)
    expect(t.out.join('\n')).toContain(`data-store="${key}"`)
  })

  it.each([
    [['--name', 'A']],
    [['--origin', 'https://shop.example']],
    [['--name', 'A', '--origin', 'http://shop.example']],
    [['--name', 'A', '--origin', 'https://shop.example/help']],
    [['--name', 'A', '--origin', 'shop.example']],
    [['--name', 'A', '--origin', 'https://shop.example', '--locale', 'French']],
  ])('explains a usage mistake: %j', async (args) => {
    const t = await setup()
    expect(await t.run('store', 'create', ...args)).toBe(2)
    expect(t.err.join('\n')).toContain('porchlight store create')
    expect(await t.db.selectFrom('stores').selectAll().execute()).toEqual([])
  })

  it('adds agents: the first an owner with a generated password shown once, then agents', async () => {
    const t = await setup()
    await t.run('store', 'create', '--name', 'Shop', '--origin', 'http://localhost:3000')
    const storeId = t.field('id')
    expect(
      await t.run(
        'agent',
        'create',
        '--store',
        storeId,
        '--email',
        'Owner@Shop.example',
        '--name',
        'Olu',
      ),
    ).toBe(0)
    const password = t.field('password')
    expect(password.length).toBeGreaterThanOrEqual(20)
    const login = await logInAgent(t.db, { email: 'owner@shop.example', password, now: new Date() })
    expect(login.ok && login.agent.role).toBe('owner')

    expect(
      await t.run(
        'agent',
        'create',
        '--store',
        storeId,
        '--email',
        'sam@shop.example',
        '--name',
        'Sam',
      ),
    ).toBe(0)
    const sam = await t.db
      .selectFrom('agents')
      .select('role')
      .where('email', '=', 'sam@shop.example')
      .executeTakeFirstOrThrow()
    expect(sam.role).toBe('agent')

    expect(
      await t.run(
        'agent',
        'create',
        '--store',
        storeId,
        '--email',
        'sam@shop.example',
        '--name',
        'Sam',
      ),
    ).toBe(1)
    expect(t.err.at(-1)).toContain('agent_exists')
    expect(
      await t.run(
        'agent',
        'create',
        '--store',
        'st_nope',
        '--email',
        'a@shop.example',
        '--name',
        'A',
      ),
    ).toBe(1)
    expect(t.err.at(-1)).toContain('store_not_found')
    expect(
      await t.run('agent', 'create', '--store', storeId, '--email', 'nope', '--name', 'A'),
    ).toBe(2)
    expect(
      await t.run(
        'agent',
        'create',
        '--store',
        storeId,
        '--email',
        'b@shop.example',
        '--name',
        'B',
        '--role',
        'admin',
      ),
    ).toBe(2)
  })

  it('takes the password from standard input and never prints it', async () => {
    const t = await setup()
    await t.run('store', 'create', '--name', 'Shop', '--origin', 'https://shop.example')
    const storeId = t.field('id')
    t.pipe('short\n')
    expect(
      await t.run(
        'agent',
        'create',
        '--store',
        storeId,
        '--email',
        'a@shop.example',
        '--name',
        'A',
        '--password-stdin',
      ),
    ).toBe(1)
    expect(await t.db.selectFrom('agents').selectAll().execute()).toEqual([])
    const secret = 'correct horse battery staple'
    t.pipe(`${secret}\n`)
    expect(
      await t.run(
        'agent',
        'create',
        '--store',
        storeId,
        '--email',
        'a@shop.example',
        '--name',
        'A',
        '--password-stdin',
        '--role',
        'agent',
      ),
    ).toBe(0)
    expect(t.out.join('\n')).not.toContain(secret)
    const login = await logInAgent(t.db, {
      email: 'a@shop.example',
      password: secret,
      now: new Date(),
    })
    expect(login.ok && login.agent.role).toBe('agent')
  })

  it('issues an API token that acts as the agent in its store', async () => {
    const t = await setup()
    await t.run('store', 'create', '--name', 'Shop', '--origin', 'https://shop.example')
    const storeId = t.field('id')
    await t.run('agent', 'create', '--store', storeId, '--email', 'o@shop.example', '--name', 'O')
    expect(
      await t.run(
        'agent',
        'token',
        '--store',
        storeId,
        '--email',
        'O@shop.example',
        '--name',
        'Helpdesk',
      ),
    ).toBe(0)
    const token = t.out.map((l) => /^\s+(plat_\S+)$/.exec(l)?.[1]).find(Boolean) as string
    const principal = await findApiTokenAgent(t.db, token, new Date())
    expect(principal).toMatchObject({ storeId, email: 'o@shop.example', role: 'owner' })
    expect(
      await t.run('agent', 'token', '--store', storeId, '--email', 'x@shop.example', '--name', 'H'),
    ).toBe(1)
    expect(t.err.at(-1)).toContain('agent_not_found')
    expect(await t.run('agent', 'token', '--store', storeId, '--email', 'o@shop.example')).toBe(2)
  })
})

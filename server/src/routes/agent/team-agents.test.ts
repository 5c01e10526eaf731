import { describe, expect, it } from 'vitest'
import { PASSWORD_LINK_HOURS } from '@porchlight/shared/api/team'
import { changeAgent } from '../../services/team/team-members.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { teamSetup, type TeamCtx } from '../../test/team.ts'

const GOOD_PASSWORD = 'quiet harbour lantern 42 ferns'
const AGENTS = '/v1/agent/agents'

async function invite(t: TeamCtx, email: string, role = 'agent') {
  const res = await t.send('POST', AGENTS, { email, name: 'Nia Okafor', role })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.agent as { id: string; version: number; state: string; role: string }
}

const member = async (t: TeamCtx, id: string) =>
  ((await t.get(AGENTS)).body.agents as Array<{ id: string; version: number; role: string }>).find(
    (a) => a.id === id,
  )!

describe(`the Agents settings (${testDialect})`, () => {
  it('invites by email; the link sets a password once, and the agent signs in', async () => {
    const t = await teamSetup()
    const invited = await invite(t, 'Nia@Example.com')
    expect(invited).toMatchObject({ state: 'invited', role: 'agent', version: 1 })
    const [link] = await t.linksSentTo('nia@example.com')
    expect(link!.subject).toContain('invited')
    // The outbox holds the token sealed, never in clear; the link table only its hash.
    const queued = await t.db.selectFrom('outbox_messages').select('params').execute()
    expect(JSON.stringify(queued)).not.toContain(link!.token)
    const links = await t.db.selectFrom('agent_password_links').selectAll().execute()
    expect(JSON.stringify(links)).not.toContain(link!.token)

    // A weak password is refused and uses nothing up.
    const weak = await t.setPassword(link!.token, 'password1234')
    expect([weak.status, weak.body.error.code]).toEqual([400, 'weak_password'])
    expect((await t.login('nia@example.com', 'password1234')).status).toBe(401)

    const set = await t.setPassword(link!.token, GOOD_PASSWORD)
    expect(set).toEqual({
      status: 200,
      body: { email: 'nia@example.com', store: { id: 'st_demo', name: expect.any(String) } },
    })
    expect((await t.login('nia@example.com', GOOD_PASSWORD)).status).toBe(200)
    expect(await member(t, invited.id)).toMatchObject({ state: 'active' })

    // Single use: the same link again, even with another password, is refused.
    const again = await t.setPassword(link!.token, 'another long passphrase 77')
    expect([again.status, again.body.error.code]).toEqual([400, 'password_link_invalid'])
    expect((await t.login('nia@example.com', GOOD_PASSWORD)).status).toBe(200)
  })

  it('refuses a link after 72 hours, and a link replaced by a newer one', async () => {
    const t = await teamSetup()
    const invited = await invite(t, 'late@example.com')
    const [first] = await t.linksSentTo('late@example.com')
    const resent = await t.send('POST', `${AGENTS}/${invited.id}/password-link`)
    expect(resent.status).toBe(202)
    const [, second] = await t.linksSentTo('late@example.com')
    const use = (token: string) => t.setPassword(token, GOOD_PASSWORD)
    expect((await use(first!.token)).body.error.code).toBe('password_link_invalid')
    t.clock.advance(PASSWORD_LINK_HOURS * 3600_000)
    expect((await use(second!.token)).body.error.code).toBe('password_link_invalid')
    expect((await use('plset_made-up')).body.error.code).toBe('password_link_invalid')
  })

  it('refuses bad input with a 400 naming the field, and saves nothing', async () => {
    const t = await teamSetup()
    const before = (await t.get(AGENTS)).body.agents
    for (const [body, field] of [
      [{ email: 'not-an-email', name: 'X' }, 'email'],
      [{ email: 'x@example.com', name: '' }, 'name'],
      [{ email: 'x@example.com', name: 'X', role: 'boss' }, 'role'],
      [{ email: 'x@example.com', name: 'X', password: 'mine' }, ''],
    ] as const) {
      const res = await t.send('POST', AGENTS, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error.code).toBe('validation_failed')
      expect(res.body.error.message).toContain(field)
    }
    const { id } = await invite(t, 'x@example.com')
    for (const [body, field] of [
      [{ version: 1, role: 'admin' }, 'role'],
      [{ version: 'one', role: 'owner' }, 'version'],
      [{ version: 1 }, 'role'],
      [{ version: 1, active: 'no' }, 'active'],
    ] as const) {
      const res = await t.send('PATCH', `${AGENTS}/${id}`, body)
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([
        400,
        'validation_failed',
      ])
      expect(res.body.error.message).toContain(field)
    }
    const dup = await t.send('POST', AGENTS, { email: 'X@example.com', name: 'Again' })
    expect([dup.status, dup.body.error.code]).toEqual([409, 'agent_exists'])
    expect((await t.get(AGENTS)).body.agents).toHaveLength(before.length + 1)
    // Only the one invitation that was made is in the history, and only one email went out.
    const { entries } = (await t.get('/v1/agent/settings/history')).body
    expect(entries.map((e: { changes: unknown[] }) => e.changes)).toEqual([
      [{ field: 'agents.x@example.com.role', old: null, new: 'agent' }],
    ])
    expect(await t.linksSentTo('x@example.com')).toHaveLength(1)
  })

  it('lets an agent read the team but change nothing (403 owner_required)', async () => {
    const t = await teamSetup()
    const list = await t.get(AGENTS, t.agent)
    expect(list.status).toBe(200)
    expect(list.body.canEdit).toBe(false)
    expect((await t.get(AGENTS)).body.canEdit).toBe(true)
    const ownerRow = list.body.agents.find((a: { id: string }) => a.id === t.owner.agentId)
    for (const [method, path, body] of [
      ['POST', AGENTS, { email: 'sneak@example.com', name: 'Sneak' }],
      ['PATCH', `${AGENTS}/${t.agent.agentId}`, { version: 1, role: 'owner' }],
      ['PATCH', `${AGENTS}/${t.owner.agentId}`, { version: ownerRow.version, active: false }],
      ['POST', `${AGENTS}/${t.owner.agentId}/password-link`, undefined],
    ] as const) {
      const res = await t.send(method, path, body, t.agent)
      expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([
        403,
        'owner_required',
      ])
    }
    expect(await t.linksSentTo('owner@example.com')).toEqual([])
    expect((await member(t, t.agent.agentId)).role).toBe('agent')
  })

  it('keeps each store to its own agents', async () => {
    const t = await teamSetup()
    await insertOtherStore(t)
    const other = await signInAgent(t, 'st_other', 'boss@other.example', 'owner')
    const theirs = await t.get(AGENTS, other)
    expect(theirs.body.agents.map((a: { id: string }) => a.id)).toEqual([other.agentId])
    const mine = await member(t, t.agent.agentId)
    for (const [method, path, body] of [
      ['PATCH', `${AGENTS}/${t.agent.agentId}`, { version: mine.version, active: false }],
      ['POST', `${AGENTS}/${t.agent.agentId}/password-link`, undefined],
    ] as const) {
      const res = await t.send(method, path, body, other)
      expect([res.status, res.body.error.code]).toEqual([404, 'member_not_found'])
    }
    expect((await t.get(AGENTS, t.agent)).status).toBe(200)
    // Inviting an address another store already has is this store's own business.
    await invite(t, 'boss@other.example')
  })

  it('deactivating ends an existing session and API token at their next request', async () => {
    const t = await teamSetup()
    const token = await t.send('POST', '/v1/agent/tokens', { name: 'helpdesk' }, t.agent)
    expect(token.status).toBe(201)
    const bearer = { authorization: `Bearer ${token.body.token}` }
    expect((await t.call('GET', '/v1/agent/tickets', bearer)).status).toBe(200)
    expect((await t.get('/v1/agent/tickets', t.agent)).status).toBe(200)

    const { version } = await member(t, t.agent.agentId)
    const off = await t.send('PATCH', `${AGENTS}/${t.agent.agentId}`, { version, active: false })
    expect(off.status).toBe(200)
    expect(off.body.agent).toMatchObject({ state: 'deactivated', version: version + 1 })

    expect((await t.get('/v1/agent/tickets', t.agent)).status).toBe(401)
    expect((await t.call('GET', '/v1/agent/tickets', bearer)).status).toBe(401)
    expect((await t.login('plain-agent@example.com', 'agent-password')).status).toBe(401)
    const link = await t.send('POST', `${AGENTS}/${t.agent.agentId}/password-link`)
    expect([link.status, link.body.error.code]).toEqual([409, 'agent_deactivated'])

    // Brought back, they sign in again (the old session and token stay dead).
    t.clock.advance(1_000)
    const on = await t.send('PATCH', `${AGENTS}/${t.agent.agentId}`, {
      version: version + 1,
      active: true,
    })
    expect(on.body.agent.state).toBe('active')
    expect((await t.login('plain-agent@example.com', 'agent-password')).status).toBe(200)
    expect((await t.call('GET', '/v1/agent/tickets', bearer)).status).toBe(401)

    // Each change is in the settings history: who, which field, old and new.
    const { entries } = (await t.get('/v1/agent/settings/history')).body
    const field = 'agents.plain-agent@example.com.active'
    expect(
      entries
        .filter((e: { section: string }) => e.section === 'agents')
        .map((e: { actor: { name: string }; changes: unknown[] }) => [e.actor.name, e.changes]),
    ).toEqual([
      ['Agent of st_demo', [{ field, old: false, new: true }]],
      ['Agent of st_demo', [{ field, old: true, new: false }]],
    ])
  })

  it('resets a password by link: the old one works until the new one is set', async () => {
    const t = await teamSetup()
    const sent = await t.send('POST', `${AGENTS}/${t.agent.agentId}/password-link`)
    expect(sent.status).toBe(202)
    expect(sent.body.sentTo).toBe('plain-agent@example.com')
    const [entry] = (await t.get('/v1/agent/settings/history')).body.entries
    expect(entry.changes).toEqual([
      {
        field: 'agents.plain-agent@example.com.password',
        old: 'changed',
        new: 'changed',
        secret: true,
      },
    ])
    const [link] = await t.linksSentTo('plain-agent@example.com')
    expect(link!.subject).toContain('new password')
    expect((await t.login('plain-agent@example.com', 'agent-password')).status).toBe(200)
    const set = await t.setPassword(link!.token, GOOD_PASSWORD)
    expect(set.status).toBe(200)
    expect((await t.login('plain-agent@example.com', 'agent-password')).status).toBe(401)
    expect((await t.login('plain-agent@example.com', GOOD_PASSWORD)).status).toBe(200)
    // Whoever was signed in with the old password is signed out.
    expect((await t.get('/v1/agent/tickets', t.agent)).status).toBe(401)
  })

  it('keeps the last active owner from being demoted or deactivated', async () => {
    const t = await teamSetup()
    const me = await member(t, t.owner.agentId)
    for (const change of [{ role: 'agent' }, { active: false }]) {
      const res = await t.send('PATCH', `${AGENTS}/${t.owner.agentId}`, {
        version: me.version,
        ...change,
      })
      expect([res.status, res.body.error.code]).toEqual([409, 'last_owner'])
    }
    const promoted = await t.send('PATCH', `${AGENTS}/${t.agent.agentId}`, {
      version: 1,
      role: 'owner',
    })
    expect(promoted.body.agent.role).toBe('owner')
    const stepDown = await t.send('PATCH', `${AGENTS}/${t.owner.agentId}`, {
      version: me.version,
      role: 'agent',
    })
    expect(stepDown.body.agent.role).toBe('agent')
  })

  it('of two owners demoting each other at once, one wins: the store keeps an owner', async () => {
    const t = await teamSetup()
    const second = await signInAgent(t, 'st_demo', 'second-owner@example.com', 'owner')
    const a = await member(t, t.owner.agentId)
    const b = await member(t, second.agentId)
    const [one, two] = await Promise.all([
      t.send('PATCH', `${AGENTS}/${second.agentId}`, { version: b.version, role: 'agent' }),
      t.send(
        'PATCH',
        `${AGENTS}/${t.owner.agentId}`,
        { version: a.version, role: 'agent' },
        second,
      ),
    ])
    // The loser is refused by the rule, or (when the winner's change came first) as no owner.
    const [won, lost] = one.status === 200 ? [one, two] : [two, one]
    expect(won.status).toBe(200)
    expect(['409 last_owner', '403 owner_required']).toContain(
      `${lost.status} ${lost.body.error.code}`,
    )
    const owners = async () =>
      (await t.get(AGENTS, t.agent)).body.agents.filter((x: { role: string }) => x.role === 'owner')
    expect(await owners()).toHaveLength(1)

    // The same race past the route's owner check, straight into the use case: both changes
    // are in flight together, and the store's lock still lets only one through.
    const third = await signInAgent(t, 'st_demo', 'third-owner-of-demo@example.com', 'owner')
    const [c, d] = [await member(t, third.agentId), (await owners())[0]]
    const results = await Promise.all([
      changeAgent(t.deps, { id: c.id, name: 'c' }, 'st_demo', d.id, {
        version: d.version,
        role: 'agent',
      }),
      changeAgent(t.deps, { id: d.id, name: 'd' }, 'st_demo', c.id, {
        version: c.version,
        role: 'agent',
      }),
    ])
    expect(results.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['last_owner', 'ok'])
    expect(await owners()).toHaveLength(1)
  })

  it('of two owners saving one agent at once, one wins; the other gets the fresh agent', async () => {
    const t = await teamSetup()
    const second = await signInAgent(t, 'st_demo', 'second-owner@example.com', 'owner')
    const { version } = await member(t, t.agent.agentId)
    const path = `${AGENTS}/${t.agent.agentId}`
    const [one, two] = await Promise.all([
      t.send('PATCH', path, { version, role: 'owner' }),
      t.send('PATCH', path, { version, active: false }, second),
    ])
    expect([one.status, two.status].sort()).toEqual([200, 409])
    const [won, lost] = one.status === 200 ? [one, two] : [two, one]
    expect(lost.body.error.code).toBe('version_conflict')
    expect(lost.body.error.details.agent).toEqual(won.body.agent)
    expect(won.body.agent.version).toBe(version + 1)
  })
})

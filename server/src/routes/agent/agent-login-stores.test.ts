import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../services/agents/passwords.ts'
import { insertOtherStore } from '../../test/agents.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'

const EMAIL = 'sam@agency.example'

async function setup(passwords: [string, string]) {
  const ctx = await createTestApp()
  await insertOtherStore(ctx)
  for (const [i, store] of ['st_demo', 'st_other'].entries()) {
    await ctx.db
      .insertInto('agents')
      .values({
        id: `ag_sam_${i}`,
        store_id: store,
        email: EMAIL,
        name: 'Sam',
        password_hash: await hashPassword(passwords[i] as string),
        role: 'agent',
        created_at: 0,
      })
      .execute()
  }
  const login = (body: Record<string, string>) =>
    ctx.app.request('/v1/agent/login', jsonRequest('POST', { email: EMAIL, ...body }))
  return { ctx, login }
}

describe(`agent sign-in with one address in several stores (${testDialect})`, () => {
  it('answers a wrong password as for anyone (before: 400 store_required for any password)', async () => {
    const { ctx, login } = await setup(['agency-password-1', 'agency-password-1'])
    const wrong = await login({ password: 'not-the-password' })
    const stranger = await ctx.app.request(
      '/v1/agent/login',
      jsonRequest('POST', { email: 'nobody@example.com', password: 'not-the-password' }),
    )
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual(await stranger.json())
  })

  it('asks which store only once the password matched in several', async () => {
    const { login } = await setup(['agency-password-1', 'agency-password-1'])
    const res = await login({ password: 'agency-password-1' })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.code).toBe('store_required')
    expect(body.error.details.stores.map((s: { id: string }) => s.id)).toEqual([
      'st_demo',
      'st_other',
    ])
    expect(res.headers.get('set-cookie')).toBeNull()
    const chosen = await login({ password: 'agency-password-1', store: 'st_other' })
    expect(chosen.status).toBe(200)
    expect((await chosen.json()).storeId).toBe('st_other')
  })

  it('signs in to the one store whose password it is', async () => {
    const { login } = await setup(['agency-password-1', 'other-password-22'])
    const res = await login({ password: 'other-password-22' })
    expect(res.status).toBe(200)
    expect((await res.json()).storeId).toBe('st_other')
  })
})

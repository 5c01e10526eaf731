import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import { keyIdOf } from '../../keyring.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import { deliveredCode, errorCode, startChallenge, verify } from './auth-test-kit.ts'

const NEW_KEY = 'Qm7tXz2LwP9vB4nR8cKs1JhY6dFg3AeU5oIi0pTrWq'

// What a restart with new keys does to the running app: its configuration changes.
async function codeThenRotate(previous: boolean) {
  const ctx = await createTestApp()
  const oldKey = ctx.config.secretKey as string
  const id = await startChallenge(ctx, 'ada@example.com')
  const code = await deliveredCode(ctx, 'ada@example.com')
  const row = await ctx.db
    .selectFrom('auth_challenges')
    .select('key_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  expect(row.key_id).toBe(keyIdOf(oldKey))
  ctx.deps.config = loadConfig({
    NODE_ENV: 'test',
    SECRET_KEY: NEW_KEY,
    ...(previous ? { SECRET_KEY_PREVIOUS: oldKey } : {}),
  })
  return { ctx, id, code }
}

describe(`secret key rotation (${testDialect})`, () => {
  it('still accepts a code made with the previous key while SECRET_KEY_PREVIOUS names it', async () => {
    const { ctx, id, code } = await codeThenRotate(true)
    expect((await verify(ctx, id, code)).status).toBe(200)
  })

  it('refuses it once the previous key is gone', async () => {
    const { ctx, id, code } = await codeThenRotate(false)
    const res = await verify(ctx, id, code)
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toBe('code_expired')
  })
})

import { describe, expect, it } from 'vitest'
import { DEMO_WIDGET_KEY } from '../seed/demo-store.ts'
import { mintAgent, startVisitor } from '../test/chat-support.ts'
import { createTestApp, jsonRequest, testDialect } from '../test/harness.ts'
import { findUnsafeValue } from './safe-input.ts'

// Every refusal is a validation_failed; the reason says which kind of value it was.
async function error(res: Response) {
  const body = (await res.json()) as {
    error: { code: string; details?: Array<{ reason?: string }> }
  }
  expect(body.error.code).toBe('validation_failed')
  return [res.status, body.error.details?.[0]?.reason ?? 'schema'] as const
}

describe('findUnsafeValue', () => {
  it.each([
    ['a\u0000b', 'invalid_characters', ''],
    [{ name: ['ok', '\ud800'] }, 'invalid_characters', 'name.1'],
    [{ 'k\udc00': 1 }, 'invalid_characters', 'k\udc00'],
    [{ n: 2 ** 53 }, 'number_out_of_range', 'n'],
    [{ n: Infinity }, 'number_out_of_range', 'n'],
    [JSON.parse('['.repeat(40) + ']'.repeat(40)), 'nesting_too_deep', ''],
  ])('refuses %j', (value, code, path) => {
    const found = findUnsafeValue(value)
    expect(found?.code).toBe(code)
    if (code !== 'nesting_too_deep') expect(found?.path).toBe(path)
  })

  it.each([['emoji 😀 and é'], [{ n: 2 ** 53 - 1, x: 0.5, y: -0 }], [[[[['deep enough']]]]]])(
    'lets %j through',
    (value) => expect(findUnsafeValue(value)).toBeUndefined(),
  )

  it('walks a body nested 20,000 deep without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(20_000) + ']'.repeat(20_000))
    expect(findUnsafeValue(deep)?.code).toBe('nesting_too_deep')
  })
})

describe(`values no database can take, at the edge (${testDialect})`, () => {
  it('refuses a NUL in the unauthenticated agent login email with 400', async () => {
    const ctx = await createTestApp()
    const res = await ctx.app.request(
      '/v1/agent/login',
      jsonRequest('POST', { email: 'owner\u0000@example.com', password: 'x'.repeat(12) }),
    )
    expect(await error(res)).toEqual([400, 'invalid_characters'])
    expect(ctx.logger.lines.filter((l) => l['level'] === 'error')).toEqual([])
  })

  it('refuses a ticket version past 2^31 and NULs in paths and queries', async () => {
    const ctx = await createTestApp()
    const agent = await mintAgent(ctx)
    const ada = await startVisitor(ctx)
    await ada.say('hello')
    const ticket = await ctx.db.selectFrom('tickets').select('id').executeTakeFirstOrThrow()
    const patch = await ctx.app.request(
      `/v1/agent/tickets/${ticket.id}`,
      jsonRequest('PATCH', { version: 2 ** 31, status: 'pending' }, agent.headers),
    )
    expect(await error(patch)).toEqual([400, 'schema'])
    expect(await error(await agent.get('/v1/agent/tickets/a%00b'))).toEqual([
      400,
      'invalid_characters',
    ])
    expect(await error(await agent.get('/v1/agent/tickets?q=%00'))).toEqual([
      400,
      'invalid_characters',
    ])
  })

  it('refuses unpaired surrogates, huge numbers and deep nesting in shopper bodies', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    const say = (body: string) =>
      ctx.app.request('/v1/conversations/current/messages', {
        method: 'POST',
        headers: { ...ada.headers, 'content-type': 'application/json' },
        body,
      })
    expect(await error(await say('{"text":"hi \\ud83d"}'))).toEqual([400, 'invalid_characters'])
    expect(await error(await say('{"text":"hi","n":1e400}'))).toEqual([400, 'number_out_of_range'])
    expect(await error(await say(`{"text":${'['.repeat(100)}${']'.repeat(100)}}`))).toEqual([
      400,
      'nesting_too_deep',
    ])
    // A surrogate pair (an emoji) is text like any other.
    expect((await say('{"text":"hi \\ud83d\\ude00"}')).status).toBe(201)
    const visitor = await ctx.app.request(
      '/v1/conversations/visitors',
      jsonRequest(
        'POST',
        { name: 'Eve\udfff', email: 'eve@example.com' },
        {
          'x-porchlight-key': DEMO_WIDGET_KEY,
        },
      ),
    )
    expect(await error(visitor)).toEqual([400, 'invalid_characters'])
  })
})

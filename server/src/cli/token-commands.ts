import { findStoreById } from '../db/stores.repository.ts'
import { listTokens, revokeApiToken } from '../services/agents/api-tokens.ts'
import { UsageError, type Command, type OptionValues } from './command.ts'

function required(values: OptionValues, name: string): string {
  const v = values[name]
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`)
  if (v.length > 64) throw new UsageError(`--${name} is longer than 64 characters`)
  return v.trim()
}

const list: Command = {
  group: 'token',
  name: 'list',
  summary: "List a store's agent API tokens (never the tokens themselves)",
  usage: 'porchlight token list --store <id>',
  options: { store: { type: 'string' } },
  async run(values, ctx) {
    const storeId = required(values, 'store')
    const { db } = await ctx.database()
    if ((await findStoreById(db, storeId)) === undefined) {
      ctx.err(`No store ${storeId} (store_not_found).`)
      return 1
    }
    const tokens = await listTokens(db, storeId, new Date())
    if (tokens.length === 0) ctx.out(`No API tokens in ${storeId}.`)
    for (const t of tokens) {
      ctx.out(
        [
          t.id,
          t.state.padEnd(7),
          t.scope.padEnd(10),
          `expires ${t.expiresAt}`,
          `last used ${t.lastUsedAt ?? 'never'}`,
          t.agent.email,
          `"${t.name}"`,
        ].join('  '),
      )
    }
    return 0
  },
}

const revoke: Command = {
  group: 'token',
  name: 'revoke',
  summary: 'Revoke an agent API token at once',
  usage: 'porchlight token revoke --store <id> --id <token id, at_...>',
  options: { store: { type: 'string' }, id: { type: 'string' } },
  async run(values, ctx) {
    const storeId = required(values, 'store')
    const id = required(values, 'id')
    const { db } = await ctx.database()
    if (!(await revokeApiToken(db, storeId, id, new Date()))) {
      ctx.err(`No live token ${id} in ${storeId} (token_not_found).`)
      return 1
    }
    ctx.out(`Revoked ${id}; it stops working now.`)
    return 0
  },
}

/** `token list`, `token revoke`. */
export const tokenCommands: Command[] = [list, revoke]

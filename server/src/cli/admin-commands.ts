import { randomBytes } from 'node:crypto'
import { readStoreOrigin } from '@porchlight/shared/settings/origins'
import { findStoreById, insertStore } from '../db/stores.repository.ts'
import { newId } from '../ids.ts'
import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  issueApiToken,
} from '../services/agents/api-tokens.ts'
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../services/agents/password-policy.ts'
import { hashPassword } from '../services/agents/passwords.ts'
import { UsageError, type Command, type OptionValues } from './command.ts'

function text(values: OptionValues, name: string, max = 200): string {
  const v = values[name]
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`)
  if (v.length > max) throw new UsageError(`--${name} is longer than ${max} characters`)
  return v.trim()
}

/** `https://shop.example` (http only for localhost): the console's rule for allowed websites. */
export function readOrigin(raw: string): string {
  const read = readStoreOrigin(raw)
  if ('problem' in read) throw new UsageError(`--origin ${read.problem}`)
  return read.origin
}

function tokenDays(raw: OptionValues[string]): number {
  if (raw === undefined) return API_TOKEN_DEFAULT_DAYS
  const days = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : NaN
  if (!(days >= 1 && days <= API_TOKEN_MAX_DAYS)) {
    throw new UsageError(`--days is a whole number from 1 to ${API_TOKEN_MAX_DAYS}`)
  }
  return days
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const createStore: Command = {
  group: 'store',
  name: 'create',
  summary: 'Create a store (prints its id and widget key)',
  usage: [
    'porchlight store create --name "Lumen & Loom" --origin https://shop.example [--origin ...]',
    '    [--locale en]',
    '',
    'Each --origin is a storefront origin allowed to embed the widget. The store starts on the',
    'built-in demo adapter with no orders; connect it with `porchlight store connect-shopify`.',
  ].join('\n'),
  options: {
    name: { type: 'string' },
    origin: { type: 'string', multiple: true },
    locale: { type: 'string' },
  },
  async run(values, ctx) {
    const name = text(values, 'name', 100)
    const rawOrigins = (values['origin'] ?? []) as string[]
    if (rawOrigins.length === 0) throw new UsageError('--origin is required (one or more)')
    const origins = [...new Set(rawOrigins.map(readOrigin))]
    const locale = typeof values['locale'] === 'string' ? values['locale'] : 'en'
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) {
      throw new UsageError('--locale must be a language tag such as en or fr-CA')
    }
    const id = newId('st')
    const widgetKey = `pk_${randomBytes(18).toString('base64url')}`
    const { db } = await ctx.database()
    await insertStore(db, {
      id,
      name,
      widget_key: widgetKey,
      allowed_origins: JSON.stringify(origins),
      settings: JSON.stringify({ defaultLocale: locale }),
      adapter_kind: 'demo',
      adapter_config: '{}',
      created_at: Date.now(),
    })
    ctx.out(`Created store "${name}".`)
    ctx.out(`  id          ${id}`)
    ctx.out(`  widget key  ${widgetKey}`)
    ctx.out(`  origins     ${origins.join(' ')}`)
    ctx.out('')
    ctx.out('Next: porchlight agent create --store ' + id + ' --email <you> --name <your name>')
    ctx.out(
      `Embed: <script async src="${ctx.config.publicUrl}/porchlight.js" data-store="${widgetKey}"></script>`,
    )
    return 0
  },
}

async function findAgent(ctx: Parameters<Command['run']>[1], storeId: string, email: string) {
  const { db } = await ctx.database()
  return db
    .selectFrom('agents')
    .select(['id', 'name', 'role'])
    .where('store_id', '=', storeId)
    .where('email', '=', email)
    .executeTakeFirst()
}

async function requireStore(ctx: Parameters<Command['run']>[1], storeId: string) {
  const { db } = await ctx.database()
  const store = await findStoreById(db, storeId)
  if (store === undefined) ctx.err(`No store ${storeId} (store_not_found).`)
  return store
}

const createAgent: Command = {
  group: 'agent',
  name: 'create',
  summary: 'Add an agent to a store (the first one is its owner)',
  usage: [
    'porchlight agent create --store <id> --email <email> --name <name>',
    '    [--role owner|agent] [--password-stdin]',
    '',
    'Without --password-stdin a password is generated and printed once. With it, the password',
    `is read from standard input (at least ${MIN_PASSWORD_LENGTH} characters, and not a common,`,
    'breached or easily guessed password), e.g.',
    '    printf %s "$PASSWORD" | pnpm porchlight agent create ... --password-stdin',
    "The store's first agent is an owner (manages webhooks) unless --role says otherwise.",
  ].join('\n'),
  options: {
    store: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  async run(values, ctx) {
    const storeId = text(values, 'store', 64)
    const email = text(values, 'email', 254).toLowerCase()
    const name = text(values, 'name', 100)
    if (!emailShape.test(email)) throw new UsageError(`--email ${email} is not an email address`)
    const role = values['role']
    if (role !== undefined && role !== 'owner' && role !== 'agent') {
      throw new UsageError('--role is owner or agent')
    }
    let password: string
    if (values['password-stdin'] === true) {
      password = (await ctx.readStdin()).replace(/\r?\n$/, '')
      const problem = passwordProblem(password, [email, name])
      if (problem !== undefined) {
        ctx.err(`The password from standard input is refused: ${problem} (weak_password).`)
        return 1
      }
    } else {
      password = randomBytes(18).toString('base64url')
    }
    if ((await requireStore(ctx, storeId)) === undefined) return 1
    if ((await findAgent(ctx, storeId, email)) !== undefined) {
      ctx.err(`${email} is already an agent of ${storeId} (agent_exists).`)
      return 1
    }
    const { db } = await ctx.database()
    const first =
      (await db
        .selectFrom('agents')
        .select('id')
        .where('store_id', '=', storeId)
        .executeTakeFirst()) === undefined
    const id = newId('ag')
    const granted = (role as 'owner' | 'agent' | undefined) ?? (first ? 'owner' : 'agent')
    await db
      .insertInto('agents')
      .values({
        id,
        store_id: storeId,
        email,
        name,
        password_hash: await hashPassword(password),
        role: granted,
        created_at: Date.now(),
      })
      .execute()
    ctx.out(`Created ${granted} ${email} (${id}) for ${storeId}.`)
    if (values['password-stdin'] !== true) {
      ctx.out(`  password  ${password}`)
      ctx.out('  (shown this once; sign in at ' + ctx.config.publicUrl + '/console)')
    }
    return 0
  },
}

const agentToken: Command = {
  group: 'agent',
  name: 'token',
  summary: "Issue an API token for an agent (the agent API's bearer token)",
  usage: [
    'porchlight agent token --store <id> --email <agent email> --name <what the token is for>',
    `    [--days ${API_TOKEN_DEFAULT_DAYS}] [--read-only]`,
    '',
    'Prints the token once: use it as `Authorization: Bearer plat_...` with the agent API',
    `(described at /v1/openapi.json). It acts as that agent, in that agent's store.`,
    `It expires after --days (${API_TOKEN_DEFAULT_DAYS} unless said, at most ${API_TOKEN_MAX_DAYS}); --read-only`,
    'tokens may only read (GET). List tokens with `porchlight token list`, revoke one with',
    '`porchlight token revoke`.',
  ].join('\n'),
  options: {
    store: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    days: { type: 'string' },
    'read-only': { type: 'boolean' },
  },
  async run(values, ctx) {
    const storeId = text(values, 'store', 64)
    const email = text(values, 'email', 254).toLowerCase()
    const name = text(values, 'name', 100)
    const days = tokenDays(values['days'])
    if ((await requireStore(ctx, storeId)) === undefined) return 1
    const agent = await findAgent(ctx, storeId, email)
    if (agent === undefined) {
      ctx.err(`${email} is not an agent of ${storeId} (agent_not_found).`)
      return 1
    }
    const { db } = await ctx.database()
    const { id, token, expiresAt, scope } = await issueApiToken(db, {
      agentId: agent.id,
      storeId,
      name,
      now: new Date(),
      days,
      scope: values['read-only'] === true ? 'read' : 'read_write',
    })
    ctx.out(`Issued ${scope} token ${id} ("${name}") acting as ${email}:`)
    ctx.out(`  ${token}`)
    ctx.out(`expires ${expiresAt.toISOString()}`)
    ctx.out('(shown this once; keep it in your helpdesk or secret store)')
    return 0
  },
}

/** Store and agent administration: `store create`, `agent create`, `agent token`. */
export const adminCommands: Command[] = [createStore, createAgent, agentToken]

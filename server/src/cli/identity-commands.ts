import { findStoreById } from '../db/stores.repository.ts'
import { systemClock } from '../clock.ts'
import {
  createIdentitySecret,
  endIdentitySecret,
  listIdentitySecrets,
} from '../services/auth/identity-secrets.ts'
import { UsageError, type Command } from './command.ts'

const identitySecret: Command = {
  group: 'store',
  name: 'identity-secret',
  summary: 'Make, list or end the secrets that sign shoppers in with Porchlight("identify")',
  usage: [
    'porchlight store identity-secret --store <id>            make a new secret (rotate)',
    'porchlight store identity-secret --store <id> --list     list the live secrets',
    'porchlight store identity-secret --store <id> --end <kid> end one at once',
    '',
    'A new secret is printed once. The one before keeps verifying for 24 hours, so the',
    "store's servers can move over. The store's owners can do the same in the console.",
  ].join('\n'),
  options: { store: { type: 'string' }, list: { type: 'boolean' }, end: { type: 'string' } },
  async run(values, ctx) {
    const storeId = values['store']
    if (typeof storeId !== 'string' || storeId === '') throw new UsageError('--store is required')
    const { db } = await ctx.database()
    if ((await findStoreById(db, storeId)) === undefined) {
      ctx.err(`No store ${storeId} (store_not_found).`)
      return 1
    }
    const deps = { db, clock: systemClock, config: ctx.config, logger: ctx.logger }
    const end = values['end']
    if (typeof end === 'string') {
      if (await endIdentitySecret(deps, storeId, end)) {
        ctx.out(`Ended ${end}: tokens it signed no longer sign anyone in.`)
        return 0
      }
      ctx.err(`No live identity secret ${end} in ${storeId} (identity_secret_not_found).`)
      return 1
    }
    if (values['list'] === true) {
      for (const s of await listIdentitySecrets(deps, storeId)) {
        ctx.out(
          `${s.id}  made ${s.createdAt}  ${s.expiresAt === null ? 'current' : `ends ${s.expiresAt}`}`,
        )
      }
      return 0
    }
    const made = await createIdentitySecret(deps, storeId, null)
    ctx.out(`kid:    ${made.info.id}`)
    ctx.out(`secret: ${made.secret}`)
    ctx.out('Shown once. Sign HS256 tokens with it (aud: the widget key; exp: at most 10 minutes).')
    return 0
  },
}

/** `store identity-secret`. */
export const identityCommands: Command[] = [identitySecret]

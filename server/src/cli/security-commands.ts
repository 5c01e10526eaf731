import { findStoreById, updateStoreSettings } from '../db/stores.repository.ts'
import { UsageError, type Command } from './command.ts'

const requireTotp: Command = {
  group: 'store',
  name: 'require-totp',
  summary: 'Require two-factor sign-in (TOTP) of every agent of a store, or stop requiring it',
  usage: [
    'porchlight store require-totp --store <id> [--off]',
    '',
    'Agents without an authenticator can then only set one up (POST /v1/agent/totp/setup and',
    '/enable) until they have; everything else answers 403 totp_enrolment_required.',
  ].join('\n'),
  options: { store: { type: 'string' }, off: { type: 'boolean' } },
  async run(values, ctx) {
    const storeId = values['store']
    if (typeof storeId !== 'string' || storeId === '') throw new UsageError('--store is required')
    const { db } = await ctx.database()
    const store = await findStoreById(db, storeId)
    if (store === undefined) {
      ctx.err(`No store ${storeId} (store_not_found).`)
      return 1
    }
    const on = values['off'] !== true
    await updateStoreSettings(db, store.id, { ...store.settings, agentTotpRequired: on })
    ctx.out(
      on
        ? `${storeId} now requires two-factor sign-in of its agents.`
        : `${storeId} no longer requires two-factor sign-in.`,
    )
    return 0
  },
}

/** `store require-totp`. */
export const securityCommands: Command[] = [requireTotp]

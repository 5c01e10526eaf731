import { findStoreById, updateStoreSettings } from '../db/stores.repository.ts'
import { DEFAULT_APP_PROXY_PATH, isAppProxyPath } from '../services/store-config.ts'
import { UsageError, type Command } from './command.ts'

const appProxy: Command = {
  group: 'store',
  name: 'app-proxy',
  summary: 'Set where the Shopify app proxy sits on the storefront, and print what the app needs',
  usage: [
    'porchlight store app-proxy --store <id> [--path /apps/porchlight]',
    '',
    "The path is the app proxy's prefix (apps, a, community or tools) and subpath, as set in",
    'the Dev Dashboard app; the widget asks <path>/identity on the storefront who is signed in.',
  ].join('\n'),
  options: { store: { type: 'string' }, path: { type: 'string' } },
  async run(values, ctx) {
    const storeId = values['store']
    if (typeof storeId !== 'string' || storeId === '') throw new UsageError('--store is required')
    const path = values['path'] ?? DEFAULT_APP_PROXY_PATH
    if (!isAppProxyPath(path)) {
      throw new UsageError(
        '--path is /<apps|a|community|tools>/<subpath of up to 30 letters, digits, _ or ->',
      )
    }
    const { db } = await ctx.database()
    const store = await findStoreById(db, storeId)
    if (store === undefined) {
      ctx.err(`No store ${storeId} (store_not_found).`)
      return 1
    }
    await updateStoreSettings(db, store.id, { ...store.settings, shopifyAppProxy: path })
    const [, prefix, subpath] = path.split('/')
    ctx.out(`In the Dev Dashboard app's App proxy: prefix ${prefix}, subpath ${subpath},`)
    ctx.out(`proxy URL ${ctx.config.publicUrl}/v1/shopify/proxy/${encodeURIComponent(store.id)}`)
    return 0
  },
}

/** `store app-proxy`. */
export const appProxyCommands: Command[] = [appProxy]

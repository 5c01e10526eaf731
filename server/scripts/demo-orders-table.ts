/**
 * Prints a markdown table of every demo order with its display status, the actions offered and
 * the reason codes of those not offered, computed with the real rules at the current time.
 *
 *   node server/scripts/demo-orders-table.ts                 the fixture as seeded right now
 *   node server/scripts/demo-orders-table.ts --database URL  the demo store's orders as they are
 *                                                            in that database (with its rules)
 */
import { displayStatus } from '@porchlight/shared/orders/display-status'
import { orderActions, type Eligibility } from '@porchlight/shared/orders/eligibility'
import { issueScenarioCode } from '@porchlight/shared/orders/issue-scenarios'
import type { Order } from '@porchlight/shared/orders/model'
import { normalizeOrderRules, type OrderRules } from '@porchlight/shared/orders/settings'
import { openDatabase } from '../src/db/database.ts'
import { findStoreById } from '../src/db/stores.repository.ts'
import { buildDemoOrders } from '../src/seed/demo-orders.ts'
import { DEMO_STORE_ID } from '../src/seed/demo-store.ts'

async function load(url: string | undefined): Promise<{ orders: Order[]; rules: OrderRules }> {
  if (url === undefined) {
    return { orders: buildDemoOrders(DEMO_STORE_ID, now), rules: normalizeOrderRules({}).rules }
  }
  const database = await openDatabase(url)
  try {
    const store = await findStoreById(database.db, DEMO_STORE_ID)
    const rows = await database.db
      .selectFrom('demo_orders')
      .select('data')
      .where('store_id', '=', DEMO_STORE_ID)
      .orderBy('name')
      .execute()
    return {
      orders: rows.map((r) => JSON.parse(r.data) as Order),
      rules: normalizeOrderRules(store?.settings['orderRules']).rules,
    }
  } finally {
    await database.close()
  }
}

function reason(e: Eligibility): string {
  if (e.eligible) return ''
  const data = 'data' in e.reason ? Object.entries(e.reason.data) : []
  const details = data.map(([k, v]) => `${k}: ${String(v)}`).join(', ')
  return details === '' ? `\`${e.reason.code}\`` : `\`${e.reason.code}\` (${details})`
}

const now = new Date()
const flag = process.argv.indexOf('--database')
const { orders, rules } = await load(flag >= 0 ? process.argv[flag + 1] : undefined)

const rows = [...orders]
  .sort((a, b) => a.name.localeCompare(b.name))
  .map((order) => {
    const actions = orderActions(order, rules, now)
    const offered = (['cancel', 'return'] as const).filter((a) => actions[a].eligible)
    const until = actions.return.eligible && actions.return.until
    const notOffered = (['cancel', 'return'] as const)
      .filter((a) => !actions[a].eligible)
      .map((a) => `${a}: ${reason(actions[a])}`)
    return [
      order.name,
      order.email ?? order.phone ?? '',
      `\`${displayStatus(order).code}\``,
      offered.length === 0
        ? 'none'
        : offered
            .map((a) => (a === 'return' && until ? `return (until ${until.slice(0, 10)})` : a))
            .join(', '),
      notOffered.join('; '),
      `\`${issueScenarioCode(order)}\``,
    ]
  })

const header = [
  'Order',
  'Shopper',
  'Display status',
  'Offered',
  'Not offered (reason)',
  'Issue scenario',
]
console.log(`Demo orders at ${now.toISOString()} (${orders.length} orders)\n`)
console.log(`| ${header.join(' | ')} |`)
console.log(`| ${header.map(() => '---').join(' | ')} |`)
for (const row of rows) console.log(`| ${row.join(' | ')} |`)

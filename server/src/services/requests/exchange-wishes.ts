import type { ExchangeOptions } from '@porchlight/shared/api/exchanges'
import type { FileRequest } from '@porchlight/shared/api/requests'
import type { Order } from '@porchlight/shared/orders/model'
import type { StoreAdapter } from '../../adapters/store/store-adapter.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'

/**
 * The variants a shopper may pick for a line: the other variants of its product in stock now.
 * A line the store cannot exchange (a gift card, a final sale, a custom item) has none, marked
 * `exchangeable: false`: the return form asks for every line picked, and nothing to offer is an
 * answer, not an error. A line not on the order is 422 exchange_variant_not_allowed; a store
 * that does not answer is 503 store_not_answering.
 */
export async function inStockOptions(
  adapter: StoreAdapter,
  order: Order,
  lineItemId: string,
): Promise<ExchangeOptions> {
  const found = await adapter.exchangeOptions(order.id, lineItemId)
  if (!found.ok) {
    if (found.code === 'not_exchangeable') {
      const title = order.lineItems.find((l) => l.id === lineItemId)?.title ?? ''
      return { lineItemId, productTitle: title, options: [], exchangeable: false }
    }
    if (found.code === 'line_not_on_order') {
      throw new AppError('exchange_variant_not_allowed', found.message, { lineItemId })
    }
    throw new AppError('store_not_answering', 'The store did not answer; try again shortly.')
  }
  return { ...found.value, options: found.value.options.filter((o) => o.available > 0) }
}

/**
 * A return's lines as the ticket keeps them: each exchange checked against the store now (a
 * variant of the same product, in stock for the units asked) and kept with its title, so the
 * agent reads what was asked without asking the store.
 */
export async function ticketLinesOf(
  adapter: StoreAdapter,
  order: Order,
  body: FileRequest,
): Promise<Ticket['lines']> {
  if (body.type !== 'return') return []
  const lines: Ticket['lines'] = []
  for (const line of body.lines ?? []) {
    const base = { lineItemId: line.lineItemId, quantity: line.quantity }
    if (line.exchangeVariantId === undefined) {
      lines.push(base)
      continue
    }
    const offered = await adapter.exchangeOptions(order.id, line.lineItemId)
    if (
      !offered.ok &&
      offered.code !== 'not_exchangeable' &&
      offered.code !== 'line_not_on_order'
    ) {
      throw new AppError('store_not_answering', 'The store did not answer; try again shortly.')
    }
    const option = offered.ok
      ? offered.value.options.find((o) => o.variantId === line.exchangeVariantId)
      : undefined
    if (option === undefined) {
      throw new AppError(
        'exchange_variant_not_allowed',
        'Pick another variant of the same product to exchange this item for.',
        { lineItemId: line.lineItemId },
      )
    }
    if (option.available < line.quantity) {
      throw new AppError('exchange_out_of_stock', `${option.title} is out of stock now.`, {
        variants: [
          {
            lineItemId: line.lineItemId,
            title: option.title,
            wanted: line.quantity,
            available: option.available,
          },
        ],
      })
    }
    lines.push({ ...base, exchange: { variantId: option.variantId, title: option.title } })
  }
  return lines
}

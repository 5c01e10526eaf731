import type { ExchangeView } from '@porchlight/shared/api/exchanges'
import type { Order } from '@porchlight/shared/orders/model'
import type { StoreAdapter } from '../../adapters/store/store-adapter.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import { storeFailure } from './store-failures.ts'

/** A ticket line as the return request stored it, with the exchange the shopper asked for. */
export type TicketLine = Ticket['lines'][number]

/** The lines of a return that ask for an exchange. */
export function exchangeLines(ticket: Pick<Ticket, 'lines'>): Array<Required<TicketLine>> {
  return ticket.lines.filter((l): l is Required<TicketLine> => l.exchange !== undefined)
}

/** The lines as the store's return names them: which units come back, nothing more. */
export const plainLines = (ticket: Pick<Ticket, 'lines'>) =>
  ticket.lines.map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity }))

/**
 * Checks every variant the return asks for against the store's stock NOW, before the store is
 * asked to do anything: a variant of another product is 422 exchange_variant_not_allowed, a
 * variant with fewer units than asked is 409 exchange_out_of_stock, in words the agent can
 * act on (approve with a refund instead, or ask the shopper for another variant).
 */
export async function checkExchangeStock(
  adapter: StoreAdapter,
  order: Order,
  wanted: Array<Required<TicketLine>>,
): Promise<void> {
  const short: Array<{ lineItemId: string; title: string; wanted: number; available: number }> = []
  for (const line of wanted) {
    const found = await adapter.exchangeOptions(order.id, line.lineItemId)
    if (!found.ok) {
      if (found.code === 'not_exchangeable' || found.code === 'line_not_on_order') {
        throw notAllowed(line.lineItemId, found.message)
      }
      throw storeFailure('decision_not_allowed', found)
    }
    const option = found.value.options.find((o) => o.variantId === line.exchange.variantId)
    if (option === undefined) {
      throw notAllowed(
        line.lineItemId,
        `${line.exchange.title} is not a variant of “${found.value.productTitle}”.`,
      )
    }
    if (option.available < line.quantity) {
      short.push({
        lineItemId: line.lineItemId,
        title: `${found.value.productTitle} — ${option.title}`,
        wanted: line.quantity,
        available: option.available,
      })
    }
  }
  if (short.length > 0) throw outOfStock(short)
}

function notAllowed(lineItemId: string, message: string): AppError {
  return new AppError('exchange_variant_not_allowed', message, { lineItemId })
}

function outOfStock(
  variants: Array<{ lineItemId: string; title: string; wanted: number; available: number }>,
): AppError {
  const names = variants.map((v) => `“${v.title}”`).join(', ')
  return new AppError(
    'exchange_out_of_stock',
    `${names} ${variants.length === 1 ? 'is' : 'are'} out of stock now. Approve with a refund ` +
      'instead, or ask the shopper to pick another variant.',
    { variants },
  )
}

/**
 * Opens the return with its exchange on the store, in one store action whose key comes from
 * the ticket (a ticket's return is approved once). The store's own "out of stock" (the last
 * unit went between the check and the call) is the same 409 as the check's.
 */
export async function createExchange(
  adapter: StoreAdapter,
  order: Order,
  ticket: Ticket,
  input: { note: string },
): Promise<{ returnId: string; reference?: string; exchange: ExchangeView }> {
  const wanted = exchangeLines(ticket)
  await checkExchangeStock(adapter, order, wanted)
  const created = await adapter.createExchange(order.id, {
    lines: plainLines(ticket),
    reason: ticket.reason ?? 'other',
    note: input.note,
    exchange: wanted.map((l) => ({
      lineItemId: l.lineItemId,
      variantId: l.exchange.variantId,
      quantity: l.quantity,
    })),
    idempotencyKey: `porchlight-${ticket.id}-exchange`,
  })
  if (!created.ok) {
    if (created.code === 'out_of_stock') {
      throw new AppError(
        'exchange_out_of_stock',
        `${created.message} Approve with a refund instead, or ask the shopper to pick another variant.`,
        { variants: [] },
      )
    }
    if (created.code === 'variant_not_allowed') {
      throw new AppError('exchange_variant_not_allowed', created.message, {})
    }
    throw storeFailure('decision_not_allowed', created)
  }
  const { returnId, reference, orderId, orderName } = created.value
  return {
    returnId,
    ...(reference !== undefined ? { reference } : {}),
    exchange: {
      orderId,
      orderName,
      lines: wanted.map((l) => ({
        lineItemId: l.lineItemId,
        variantId: l.exchange.variantId,
        title: l.exchange.title,
        quantity: l.quantity,
      })),
    },
  }
}

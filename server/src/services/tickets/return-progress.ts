import {
  RETURN_STEPS,
  type ReturnLineProgress,
  type ReturnProgress,
  type ReturnStep,
} from '@porchlight/shared/api/returns'
import type { ExchangeView } from '@porchlight/shared/api/exchanges'
import type { Money } from '@porchlight/shared/orders/model'
import { returnSettings } from '@porchlight/shared/orders/return-settings'
import type { Store } from '../../db/stores.repository.ts'
import type { TicketReturnRow } from '../../db/ticket-returns.table.ts'
import type { TicketEventRow } from '../../db/tickets.table.ts'

/** Where an uploaded label is served; relative to the server, which serves the panel too. */
export const returnLabelPath = (token: string) => `/v1/return-labels/${token}`

export function returnLines(row: TicketReturnRow): ReturnLineProgress[] {
  const lines = JSON.parse(row.lines) as Array<{
    lineItemId: string
    quantity: number
    title: string
  }>
  const received = JSON.parse(row.received) as Record<string, number>
  return lines.map((l) => ({ ...l, received: received[l.lineItemId] ?? 0 }))
}

export function returnLabelOf(row: TicketReturnRow): ReturnProgress['label'] {
  if (row.label_kind === 'pdf' && row.label_token !== null) {
    return { kind: 'pdf', url: returnLabelPath(row.label_token) }
  }
  if (row.label_kind === 'url' && row.label_url !== null) return { kind: 'url', url: row.label_url }
  return null
}

const isMoney = (v: unknown): v is Money =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Money).amount === 'number' &&
  typeof (v as Money).currency === 'string'

/** The events of a return's history that the shopper's timeline shows, as steps. */
export function returnSteps(events: TicketEventRow[]): ReturnProgress['steps'] {
  const steps: ReturnProgress['steps'] = []
  const push = (step: ReturnStep, at: number, amount?: unknown) =>
    steps.push({ step, at: new Date(at).toISOString(), ...(isMoney(amount) ? { amount } : {}) })
  for (const e of events) {
    const data = JSON.parse(e.data) as Record<string, unknown>
    if (e.kind === 'approved') {
      push('approved', e.created_at)
      if (isMoney(data['refunded'])) push('refunded', e.created_at, data['refunded'])
    } else if (e.kind === 'return_label_added') {
      push('label_ready', e.created_at)
    } else if (e.kind === 'return_received') {
      push('received', e.created_at)
      if (isMoney(data['refunded'])) push('refunded', e.created_at, data['refunded'])
    } else if (e.kind === 'refunded') {
      push('refunded', e.created_at, data['amount'])
    }
  }
  // Steps written in one transaction share a time: they read in the order they happen.
  const rank = (s: ReturnStep) => RETURN_STEPS.indexOf(s)
  return steps.sort((a, b) => a.at.localeCompare(b.at) || rank(a.step) - rank(b.step))
}

/** The return as the shopper and the agent see it, from its row, its history and the store's address. */
export function returnProgress(
  store: Pick<Store, 'settings'>,
  row: TicketReturnRow,
  events: TicketEventRow[],
): ReturnProgress {
  return {
    reference: row.reference,
    address: returnSettings(store.settings).address,
    label: returnLabelOf(row),
    lines: returnLines(row),
    steps: returnSteps(events),
    ...exchangeOf(events),
  }
}

/** The exchange the approval made, as its history entry recorded it. */
function exchangeOf(events: TicketEventRow[]): { exchange?: ExchangeView } {
  const approved = events.find((e) => e.kind === 'approved')
  const exchange = approved === undefined ? undefined : JSON.parse(approved.data)['exchange']
  return typeof exchange === 'object' && exchange !== null
    ? { exchange: exchange as ExchangeView }
    : {}
}

/** Lines of the return sent back for another variant: their receipt refunds nothing. */
export function exchangedLineIds(row: TicketReturnRow): Set<string> {
  const lines = JSON.parse(row.lines) as Array<{ lineItemId: string; exchangedFor?: string }>
  return new Set(lines.filter((l) => l.exchangedFor !== undefined).map((l) => l.lineItemId))
}

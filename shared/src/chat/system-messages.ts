/**
 * The chat's system lines (nobody's words): what each says and the data it carries, once, for
 * the server (which stores an English fallback, the console's words) and the panel (which
 * writes the line in the shopper's language from the data).
 */
import { REQUEST_TYPES, type RequestType } from '../api/requests.ts'
import type { Translator } from '../i18n/translate.ts'

/** What happened to an order when an agent's decision was carried out on the store. */
export const ORDER_CHANGES = ['cancelled', 'refunded', 'return_approved'] as const
export type OrderChange = (typeof ORDER_CHANGES)[number]

export type SystemMessage =
  | { kind: 'request_created'; type: RequestType; reference: string; orderName: string }
  | { kind: 'order_status_changed'; change: OrderChange; orderName: string }

// Words the panel already has, so a system line adds no text to the bundle.
const CHANGE_WORDS = {
  cancelled: 'status.cancelled',
  refunded: 'timeline.refund_issued',
  return_approved: 'timeline.return_opened',
} as const satisfies Record<OrderChange, string>

const isString = (v: unknown): v is string => typeof v === 'string' && v !== ''
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v)

/** The message a stored system line describes; undefined for kinds or data we do not know. */
export function readSystemMessage(
  kind: string | null,
  data: Record<string, unknown> | null,
): SystemMessage | undefined {
  const d = data ?? {}
  if (!isString(d['orderName'])) return undefined
  if (kind === 'request_created' && oneOf(REQUEST_TYPES, d['type']) && isString(d['reference']))
    return { kind, type: d['type'], reference: d['reference'], orderName: d['orderName'] }
  if (kind === 'order_status_changed' && oneOf(ORDER_CHANGES, d['change']))
    return { kind, change: d['change'], orderName: d['orderName'] }
  return undefined
}

/** The line in the language of `t`. */
export function systemMessageText(t: Translator, m: SystemMessage): string {
  return m.kind === 'request_created'
    ? t('chat.system.request_created', {
        type: t(`request.type.${m.type}`),
        reference: m.reference,
        order: m.orderName,
      })
    : t('chat.system.order_status_changed', {
        order: m.orderName,
        status: t(CHANGE_WORDS[m.change]),
      })
}

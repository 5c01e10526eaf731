import type { Person } from '../../../db/privacy.repository.ts'

/**
 * Shopify's mandatory privacy topics, as the app's configuration subscribes them (never
 * through the API): what each payload asks of Porchlight. Payloads are REST-shaped:
 * `{ shop_domain, customer: { id, email, phone }, orders_to_redact | orders_requested,
 * data_request: { id } }`.
 */
export const COMPLIANCE_TOPICS = ['customers/redact', 'shop/redact', 'customers/data_request']

export type ComplianceRequest =
  | { kind: 'customers/redact'; person: Person }
  | { kind: 'shop/redact' }
  | { kind: 'customers/data_request'; person: Person; requestId: string }

const idText = (v: unknown) =>
  typeof v === 'string' && /^\d{1,20}$/.test(v)
    ? v
    : typeof v === 'number' && Number.isSafeInteger(v) && v > 0
      ? String(v)
      : undefined

function personOf(payload: Record<string, unknown>, ordersKey: string): Person | undefined {
  const customer = payload['customer']
  if (typeof customer !== 'object' || customer === null) return undefined
  const c = customer as Record<string, unknown>
  const email = typeof c['email'] === 'string' ? c['email'].trim().toLowerCase() : ''
  const phone = typeof c['phone'] === 'string' ? c['phone'].replace(/[^\d+]/g, '') : ''
  const orders = Array.isArray(payload[ordersKey]) ? (payload[ordersKey] as unknown[]) : []
  const person: Person = {
    emails: email.includes('@') ? [email] : [],
    phones: /^\+\d{6,15}$/.test(phone) ? [phone] : [],
    customerId: idText(c['id']) ?? null,
    orderIds: orders.map(idText).filter((id): id is string => id !== undefined),
  }
  // Nobody to find: better to say so than to match every row with an empty identity.
  return person.emails.length + person.phones.length + person.orderIds.length > 0 ||
    person.customerId !== null
    ? person
    : undefined
}

/** The request of a privacy webhook, or undefined when the payload names nobody. */
export function complianceRequest(
  topic: string,
  payload: Record<string, unknown>,
): ComplianceRequest | undefined {
  switch (topic) {
    case 'shop/redact':
      return { kind: 'shop/redact' }
    case 'customers/redact': {
      const person = personOf(payload, 'orders_to_redact')
      return person === undefined ? undefined : { kind: topic, person }
    }
    case 'customers/data_request': {
      const person = personOf(payload, 'orders_requested')
      const request = payload['data_request'] as Record<string, unknown> | undefined
      const requestId = idText(request?.['id'])
      return person === undefined || requestId === undefined
        ? undefined
        : { kind: topic, person, requestId }
    }
    default:
      return undefined
  }
}

import type { Operation } from './admin-client.ts'

/** One Admin API document, compacted, with what the client needs to know about sending it. */
export function op<TData, TVariables>(
  name: string,
  kind: 'query' | 'mutation',
  estimatedCost: number,
  document: string,
): Operation<TData, TVariables> {
  const compact = document.replace(/\s+/g, ' ').trim()
  // A mutation carrying Shopify's idempotency key runs once however often it is sent.
  const idempotent = kind === 'mutation' && compact.includes('@idempotent(key: $idempotencyKey)')
  return { name, kind, estimatedCost, document: compact, ...(idempotent ? { idempotent } : {}) }
}

/**
 * The event bus carries "something happened" between server processes. It moves notices, not
 * data: persisted chat events live in the database (the per-store event log), and a notice only
 * says up to which number a store's log has grown, so a lost or reordered notice costs a little
 * latency, never an event. Ephemeral signals (typing) travel whole, since they are never stored.
 */

/** Who a conversation belongs to, so streams can tell whose an event is without a query. */
export interface EventOwner {
  visitorId: string | null
  identityKind: 'email' | 'phone' | null
  identityValue: string | null
}

/** A signal worth nothing a few seconds later, never stored or replayed. */
export interface EphemeralEvent {
  kind: 'typing'
  conversationId: string
  /** Which side's streams receive it. */
  to: 'shopper' | 'agents'
  owner: EventOwner
  data: Record<string, unknown>
}

export type BusNotice =
  /** The store's event log now reaches `seq`. */
  | { type: 'appended'; storeId: string; seq: number }
  | { type: 'ephemeral'; storeId: string; event: EphemeralEvent }
  /** The transport may have lost notices (a reconnect): listeners should re-read the logs. */
  | { type: 'reset' }

export type BusListener = (notice: BusNotice) => void

export interface EventBus {
  /** Delivers to every listener in every process, this one included. */
  publish(notice: Exclude<BusNotice, { type: 'reset' }>): Promise<void>
  subscribe(listener: BusListener): () => void
  close(): Promise<void>
}

/** Calls each listener, so one that throws cannot starve the others. */
export function dispatch(
  listeners: Iterable<BusListener>,
  notice: BusNotice,
  onError: (err: unknown) => void,
): void {
  for (const listener of listeners) {
    try {
      listener(notice)
    } catch (err) {
      onError(err)
    }
  }
}

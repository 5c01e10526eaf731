import { useEffect, useMemo, useState } from 'preact/hooks'
import type { TicketJson } from '@porchlight/shared/api/agent'
import type { OrderNoteJson } from '@porchlight/shared/api/order-lookup'
import { useAnnounce } from '../announce.tsx'
import type { ConsoleApi } from '../api.ts'
import { Bidi } from '../bidi.tsx'
import { formatDateTime, label } from '../format.ts'
import { errorMessage } from '../messages.ts'
import { Link, PageHeading } from '../nav.tsx'
import { OrderPanel } from '../order-panel.tsx'
import { readOrder } from '../order-reader.ts'
import { ticketHref } from '../route.ts'
import { TextForm } from '../text-form.tsx'
import { ORDERS_HREF } from './order-route.ts'

/** GET /v1/agent/orders/:id: the ticket page's order view, with the order's tickets and notes. */
interface AgentOrderView {
  order: { id: string; name: string }
  tickets: TicketJson[]
  notes: OrderNoteJson[]
}

/**
 * One order, found by lookup or opened from a ticket: the order itself (summary, timeline,
 * shipments, lines, as beside a ticket), its tickets, agents' notes, and writing to the
 * shopper, which opens a ticket about the order.
 */
export function OrderPage(props: { api: ConsoleApi; id: string }) {
  const { api, id } = props
  const announce = useAnnounce()
  const [view, setView] = useState<AgentOrderView | null>(null)
  const [loadError, setLoadError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const path = `/v1/agent/orders/${encodeURIComponent(id)}`

  const load = () =>
    api.request<AgentOrderView>('GET', path).then(
      (v) => {
        setView(v)
        setLoadError(undefined)
      },
      (err) => setLoadError(errorMessage(err)),
    )
  useEffect(() => {
    void load()
  }, [api, id])
  const order = useMemo(() => readOrder(view ?? undefined), [view])

  async function send(kind: 'notes' | 'messages', body: string, done: string): Promise<boolean> {
    setBusy(true)
    try {
      await api.request('POST', `${path}/${kind}`, { body })
      announce(done)
      await load()
      return true
    } catch (err) {
      announce(errorMessage(err), 'error')
      return false
    } finally {
      setBusy(false)
    }
  }

  if (loadError !== undefined) {
    return (
      <section aria-labelledby="order-page-title">
        <PageHeading id="order-page-title">Order</PageHeading>
        <p class="note note-error">{loadError}</p>
        <Link href={ORDERS_HREF}>Back to orders</Link>
      </section>
    )
  }
  if (view === null)
    return (
      <p class="muted" aria-busy="true">
        Loading…
      </p>
    )
  return (
    <section aria-labelledby="order-page-title" class="order-page">
      <Link href={ORDERS_HREF}>Back to orders</Link>
      <PageHeading id="order-page-title">
        Order <Bidi>{view.order.name}</Bidi>
      </PageHeading>
      <div class="ticket-layout">
        <div class="ticket-main">
          <section class="card" aria-labelledby="order-tickets-title">
            <h2 id="order-tickets-title">Tickets</h2>
            {view.tickets.length === 0 ? (
              <p class="muted">No tickets about this order yet.</p>
            ) : (
              <ul class="plain">
                {view.tickets.map((t) => (
                  <li key={t.id}>
                    <Link href={ticketHref(t.id)}>{t.reference}</Link> · {label(t.type)} ·{' '}
                    {label(t.status)} ·{' '}
                    <time dateTime={t.createdAt}>{formatDateTime(t.createdAt)}</time>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <TextForm
            id="write-shopper"
            title="Write to the shopper"
            hint="Sent by email (or text message) from the store; opens a ticket about this order."
            submit="Send"
            busy={busy}
            onSubmit={(body) => send('messages', body, 'Sent. A ticket about this order is open.')}
          />
          <section class="card" aria-labelledby="order-notes-title">
            <h2 id="order-notes-title">Notes</h2>
            {view.notes.length === 0 ? (
              <p class="muted">No notes yet. Only agents see notes.</p>
            ) : (
              <ol class="plain history">
                {view.notes.map((n) => (
                  <li key={n.id} class="event-note">
                    <strong>
                      <Bidi>{n.author.name}</Bidi>
                    </strong>{' '}
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                    <p class="shopper-text">
                      <Bidi>{n.body}</Bidi>
                    </p>
                  </li>
                ))}
              </ol>
            )}
            <TextForm
              id="order-note"
              title="Add a note"
              hint="Only agents of this store see notes."
              submit="Add note"
              busy={busy}
              nested
              onSubmit={(body) => send('notes', body, 'Note added.')}
            />
          </section>
        </div>
        <OrderPanel ticket={{ order: view.order }} order={order} />
      </div>
    </section>
  )
}

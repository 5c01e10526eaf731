import type { AddressChangeView } from '@porchlight/shared/api/address-changes'
import type { TicketJson } from '@porchlight/shared/api/agent'
import type { AddressField } from '@porchlight/shared/orders/address-fields'
import type { ConsoleApi } from './api.ts'
import { formatDateTime } from './format.ts'
import { useTicketRead } from './use-ticket-read.ts'

const FIELD_NAMES: Record<AddressField, string> = {
  name: 'Name',
  company: 'Company',
  line1: 'Street',
  line2: 'Apartment, suite',
  city: 'City',
  region: 'State, province, region',
  postalCode: 'Postal code',
  country: 'Country',
  phone: 'Phone',
}

const ROWS = Object.keys(FIELD_NAMES) as AddressField[]

/**
 * An address change request: the order's address when the shopper asked beside the one they
 * asked for, field by field, changed fields marked in words (not by colour alone). Approving is
 * the decision form's; this panel reads again when the ticket's version moves.
 */
export function AddressChangePanel(props: { ticket: TicketJson; api: ConsoleApi }) {
  const { ticket: t, api } = props
  const path = `/v1/agent/tickets/${encodeURIComponent(t.id)}/address-change`
  const { value: change, error } = useTicketRead<AddressChangeView>(api, path, t.version)
  if (error !== undefined) return <p class="note note-error">{error}</p>
  if (change === null) return <p class="muted">Loading the addresses…</p>
  const changed = new Set(change.changed)
  const show = (v: string | null | undefined) =>
    v === null || v === undefined || v === '' ? '—' : v
  return (
    <section class="card" aria-labelledby="address-change-title">
      <h2 id="address-change-title">Address change</h2>
      <p class="muted">
        Asked {formatDateTime(change.requestedAt)}.{' '}
        {t.requestStatus === 'requested'
          ? 'Approving sends the new address to the store.'
          : t.requestStatus === 'approved'
            ? 'Approved: the store has the new address.'
            : 'Declined: the order keeps its address.'}
      </p>
      <table class="address-change">
        <caption class="sr-only">The shipping address before and as asked</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">Asked for</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((field) => (
            <tr key={field} class={changed.has(field) ? 'changed' : undefined}>
              <th scope="row">
                {FIELD_NAMES[field]}
                {changed.has(field) && <span class="badge">changed</span>}
              </th>
              <td>{show(change.previous?.[field])}</td>
              <td>{show(change.requested[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

import type { DataRequestSummary, DataRequestsResponse } from '@porchlight/shared/api/privacy'
import type { ConsoleApi } from './api.ts'
import { useList } from './use-list.ts'

const REQUESTS = '/v1/agent/privacy/data-requests'
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ')

/**
 * Shopify's customer data requests (customers/data_request): each left an export of what
 * Porchlight holds for the customer, which an owner downloads and sends them. Other agents
 * see why the list is not theirs to read.
 */
export function DataRequestsSection(props: { api: ConsoleApi }) {
  const { items, error } = useList(
    props.api,
    REQUESTS,
    // Tolerates a fake or an older server that answers without the list.
    (r: Partial<DataRequestsResponse>): DataRequestSummary[] => r.requests ?? [],
  )
  return (
    <section class="card" aria-labelledby="data-requests-title">
      <h2 id="data-requests-title">Customer data requests</h2>
      <p class="muted">
        When a customer asks the shop for their data, Shopify tells Porchlight and an export of what
        Porchlight holds for them appears here. Requests to erase a customer or the whole shop are
        carried out at once: their tickets stay with the personal details replaced by “[redacted]”.
      </p>
      {error !== undefined && (
        <p class="note note-error" role="alert">
          {error}
        </p>
      )}
      {items !== null && items.length === 0 && <p>No data request yet.</p>}
      {items !== null && items.length > 0 && (
        <table class="tokens">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Received</th>
              <th scope="col">Export</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} data-request={r.id}>
                <td>{r.customer}</td>
                <td>{when(r.createdAt)}</td>
                <td>
                  <a href={r.downloadUrl} download>
                    Download JSON
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

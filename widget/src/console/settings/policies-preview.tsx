import type { PoliciesPreview, PreviewOffer } from '@porchlight/shared/api/policies-preview'
import type { PoliciesSection } from '@porchlight/shared/settings/schema'
import { policiesSectionSchema } from '@porchlight/shared/settings/schema'
import { enAll } from '@porchlight/shared/i18n/en-all'
import { useEffect, useState } from 'preact/hooks'
import type { ConsoleApi } from '../api.ts'
import { errorMessage } from '../messages.ts'
import { builtinLabel } from './reason-list.tsx'

// The panel's own words for why not, so the owner reads what the shopper would.
const why = (offer: PreviewOffer): string => {
  if (offer.offered)
    return offer.until === null
      ? 'Offered'
      : `Offered until ${new Date(offer.until).toLocaleDateString()}`
  // The order page's words, from the whole English catalog (en-all.ts).
  const words = (enAll as Record<string, unknown>)[`ineligible.${offer.reason.code}`]
  return `Not offered: ${typeof words === 'string' ? words : offer.reason.code}`
}

/**
 * A few of the store's real orders (those of its latest tickets) with what each would offer
 * under the draft, asked again a moment after each change (only while the draft is valid).
 */
export function PoliciesPreviewPanel(props: { api: ConsoleApi; draft: PoliciesSection }) {
  const [preview, setPreview] = useState<PoliciesPreview | null>(null)
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    const checked = policiesSectionSchema.safeParse(props.draft)
    if (!checked.success) return
    let live = true
    const timer = setTimeout(() => {
      props.api
        .request<PoliciesPreview>('POST', '/v1/agent/settings/policies/preview', {
          values: checked.data,
        })
        .then(
          (p) => live && (setPreview(p), setError(undefined)),
          (err: unknown) => live && setError(errorMessage(err)),
        )
    }, 300)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [props.api, props.draft])
  return (
    <aside class="preview" aria-labelledby="po-preview-title">
      <h3 id="po-preview-title">Preview on recent orders</h3>
      {error !== undefined && <p class="note note-error">{error}</p>}
      {preview === null ? (
        error === undefined && <p class="muted">Loading…</p>
      ) : preview.orders.length === 0 ? (
        <p class="muted">
          No orders yet: the preview uses the orders of the store’s latest tickets.
        </p>
      ) : (
        <ul class="plain" aria-live="polite">
          {preview.orders.map((o) => (
            <li key={o.id} class="reason-row">
              <strong>Order {o.name}</strong>
              <span>Cancel: {why(o.cancel)}</span>
              <span>Return: {why(o.return)}</span>
              <span>
                Issue reasons: {o.issue.reasons.map((c) => builtinLabel(c) ?? c).join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}

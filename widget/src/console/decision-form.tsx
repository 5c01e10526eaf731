import { useState } from 'preact/hooks'
import type { TicketJson } from '@porchlight/shared/api/agent'
import type { ConsoleApi } from './api.ts'
import { label } from './format.ts'
import type { Run } from './ticket-page.tsx'

const VERBS: Record<string, string> = {
  return: 'the return',
  cancel: 'the cancellation',
  issue: 'the request',
  address_change: 'the address change',
}

/**
 * Approve or decline a shopper's request. The reason goes to the shopper with the decision;
 * declining requires one. The store carries an approval out, and may refuse (shown in words).
 */
export function DecisionForm(props: {
  ticket: TicketJson
  api: ConsoleApi
  run: Run
  busy: boolean
}) {
  const { ticket: t, api, run, busy } = props
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const what = VERBS[t.type] ?? 'the request'

  async function decide(decision: 'approve' | 'decline') {
    const text = reason.trim()
    if (decision === 'decline' && text === '') {
      setMissing(true)
      document.getElementById('d-reason')?.focus()
      return
    }
    setMissing(false)
    const saved = decision === 'approve' ? `Approved ${what}.` : `Declined ${what}.`
    const ok = await run(
      async (version) => ({
        view: await api.decide(t.id, {
          version,
          decision,
          ...(text === '' ? {} : { reason: text }),
        }),
      }),
      saved,
    )
    if (ok) setReason('')
  }

  return (
    <section class="card" aria-labelledby="decision-title">
      <h2 id="decision-title">Decision</h2>
      {t.requestStatus !== 'requested' ? (
        <p>
          This request is <strong>{label(t.requestStatus)}</strong>.
        </p>
      ) : (
        <form onSubmit={(e) => e.preventDefault()} noValidate>
          <label for="d-reason">Reason (sent to the shopper; required to decline)</label>
          <textarea
            id="d-reason"
            rows={3}
            maxLength={1000}
            value={reason}
            aria-invalid={missing}
            aria-describedby={missing ? 'd-reason-error' : undefined}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          {missing && (
            <p id="d-reason-error" class="field-error">
              Give a reason to decline: the shopper will read it.
            </p>
          )}
          <div class="row">
            <button type="button" class="primary" disabled={busy} onClick={() => decide('approve')}>
              Approve {what}
            </button>
            <button type="button" class="danger" disabled={busy} onClick={() => decide('decline')}>
              Decline {what}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

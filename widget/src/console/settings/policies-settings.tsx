import {
  DEFAULT_ISSUE_REASONS,
  ISSUE_SCENARIO_CODES,
  type IssueScenarioCode,
} from '@porchlight/shared/orders/issue-scenarios'
import {
  DEFAULT_CANCEL_REASONS,
  DEFAULT_RETURN_REASONS,
} from '@porchlight/shared/orders/reason-codes'
import type { ConsoleApi } from '../api.ts'
import { errorOf, Field, SectionFormShell } from './fields.tsx'
import { PoliciesPreviewPanel } from './policies-preview.tsx'
import { ReasonListEditor } from './reason-list.tsx'
import { useSection } from './use-section.ts'

const SCENARIO_WORDS: Record<IssueScenarioCode, string> = {
  processing: 'Issue reasons: order being prepared',
  shipped: 'Issue reasons: order on its way',
  delivered: 'Issue reasons: order delivered',
  failed_delivery: 'Issue reasons: delivery failed',
  cancelled: 'Issue reasons: order cancelled',
  refunded: 'Issue reasons: order refunded',
  fallback: 'Issue reasons: any other order',
}

/** Cancellation, returns, final sale, the reasons per order situation, Loop Returns. */
export function PoliciesSettings(props: { api: ConsoleApi }) {
  const form = useSection(props.api, 'policies')
  const d = form.draft
  const e = form.errors
  return (
    <SectionFormShell
      form={form}
      title="Policies"
      aside={d && <PoliciesPreviewPanel api={props.api} draft={d} />}
    >
      {d && (
        <>
          <fieldset>
            <legend>Cancellation</legend>
            <label class="choice">
              <input
                type="checkbox"
                checked={d.cancel.enabled}
                onChange={(ev) =>
                  form.set({ cancel: { ...d.cancel, enabled: ev.currentTarget.checked } })
                }
              />
              Offer to cancel while nothing has shipped
            </label>
            <Field
              id="po-cancel-hours"
              label="…and only within this many hours of the order (empty: no limit)"
              error={errorOf(e, 'cancel')}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="number"
                  class="inline-input"
                  min={1}
                  value={d.cancel.withinHours ?? ''}
                  onInput={(ev) => {
                    const v = ev.currentTarget.value
                    form.set({ cancel: { ...d.cancel, withinHours: v === '' ? null : Number(v) } })
                  }}
                />
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>Returns</legend>
            <label class="choice">
              <input
                type="checkbox"
                checked={d.return.enabled}
                onChange={(ev) =>
                  form.set({ return: { ...d.return, enabled: ev.currentTarget.checked } })
                }
              />
              Offer returns
            </label>
            <Field id="po-return-days" label="Return window (days)" error={errorOf(e, 'return')}>
              {(aria) => (
                <input
                  {...aria}
                  type="number"
                  class="inline-input"
                  min={1}
                  max={3650}
                  value={d.return.windowDays}
                  onInput={(ev) =>
                    form.set({
                      return: { ...d.return, windowDays: Number(ev.currentTarget.value) },
                    })
                  }
                />
              )}
            </Field>
            <Field id="po-return-from" label="Counted from">
              {(aria) => (
                <select
                  {...aria}
                  value={d.return.from}
                  onChange={(ev) =>
                    form.set({
                      return: {
                        ...d.return,
                        from: ev.currentTarget.value as 'delivery' | 'fulfillment',
                      },
                    })
                  }
                >
                  <option value="delivery">
                    Delivery (or shipping, when no delivery is known)
                  </option>
                  <option value="fulfillment">Shipping (fulfilment)</option>
                </select>
              )}
            </Field>
            <Field
              id="po-final-sale"
              label="Final-sale tags"
              hint="Orders with any of these tags (comma-separated) are not offered a return."
              error={errorOf(e, 'finalSaleTags')}
            >
              {(aria) => (
                <input
                  {...aria}
                  value={d.finalSaleTags.join(', ')}
                  onChange={(ev) =>
                    form.set({
                      finalSaleTags: ev.currentTarget.value
                        .split(',')
                        .map((t) => t.trim())
                        .filter(Boolean),
                    })
                  }
                />
              )}
            </Field>
            <Field id="po-refund-on" label="Release a return's refund">
              {(aria) => (
                <select
                  {...aria}
                  value={d.refundOn}
                  onChange={(ev) =>
                    form.set({ refundOn: ev.currentTarget.value as 'approval' | 'receipt' })
                  }
                >
                  <option value="receipt">When the items arrive back</option>
                  <option value="approval">As soon as the return is approved</option>
                </select>
              )}
            </Field>
            <Field
              id="po-loop"
              label="Loop Returns portal (optional)"
              hint="An https address; Return then opens it instead of Porchlight's form."
              error={errorOf(e, 'loopPortalUrl')}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="url"
                  value={d.loopPortalUrl ?? ''}
                  onInput={(ev) => {
                    const v = ev.currentTarget.value.trim()
                    form.set({ loopPortalUrl: v === '' ? null : v })
                  }}
                />
              )}
            </Field>
          </fieldset>
          <ReasonListEditor
            id="po-return-reasons"
            title="Return reasons"
            list={d.returnReasons}
            defaults={DEFAULT_RETURN_REASONS}
            errors={e}
            field="returnReasons"
            onChange={(returnReasons) => form.set({ returnReasons })}
          />
          <ReasonListEditor
            id="po-cancel-reasons"
            title="Cancel reasons"
            list={d.cancelReasons}
            defaults={DEFAULT_CANCEL_REASONS}
            errors={e}
            field="cancelReasons"
            onChange={(cancelReasons) => form.set({ cancelReasons })}
          />
          {ISSUE_SCENARIO_CODES.map((scenario) => (
            <ReasonListEditor
              key={scenario}
              id={`po-issue-${scenario}`}
              title={SCENARIO_WORDS[scenario]}
              list={d.issueReasons[scenario]}
              defaults={DEFAULT_ISSUE_REASONS[scenario]}
              errors={e}
              field={`issueReasons.${scenario}`}
              onChange={(list) => {
                const { [scenario]: _gone, ...rest } = d.issueReasons
                form.set({ issueReasons: list === null ? rest : { ...rest, [scenario]: list } })
              }}
            />
          ))}
        </>
      )}
    </SectionFormShell>
  )
}

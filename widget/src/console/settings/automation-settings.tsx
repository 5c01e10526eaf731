import { AUTOMATION_RULE_NAMES } from '@porchlight/shared/automation/decide'
import type { AutomationSection } from '@porchlight/shared/settings/schema'
import type { ConsoleApi } from '../api.ts'
import { fractionDigits } from '../format.ts'
import { Link } from '../nav.tsx'
import { errorOf, Field, SectionFormShell } from './fields.tsx'
import { settingsHref } from './settings-nav.tsx'
import { useSection } from './use-section.ts'

type Ceiling = AutomationSection['approveReturn']['lessThan'][number]

// Merchants think in their currency's units (49.90), the API in minor units (4990).
const toUnits = (c: Ceiling) => c.amount / 10 ** fractionDigits(c.currency)
const toMinor = (units: string, currency: string) =>
  Math.round(Number(units) * 10 ** fractionDigits(currency))

/** Rules that approve requests without an agent; each off until an owner turns it on. */
export function AutomationSettings(props: { api: ConsoleApi }) {
  const form = useSection(props.api, 'automation')
  const d = form.draft
  const e = form.errors
  const ceilings = d?.approveReturn.lessThan ?? []
  const setCeilings = (lessThan: Ceiling[]) =>
    d && form.set({ approveReturn: { ...d.approveReturn, lessThan } })
  const setCeiling = (i: number, change: Partial<Ceiling>) =>
    setCeilings(ceilings.map((x, j) => (j === i ? { ...x, ...change } : x)))
  return (
    <SectionFormShell
      form={form}
      title="Automation"
      intro="An approval by a rule is carried out on the store as an agent's would be, and the ticket's history names the rule."
    >
      {d && (
        <>
          <fieldset>
            <legend>{AUTOMATION_RULE_NAMES.approve_cancel}</legend>
            <label class="choice">
              <input
                type="checkbox"
                checked={d.approveCancel.enabled}
                onChange={(ev) =>
                  form.set({
                    approveCancel: { ...d.approveCancel, enabled: ev.currentTarget.checked },
                  })
                }
              />
              Approve a cancellation while nothing of the order is fulfilled
            </label>
            <Field
              id="au-cancel-hours"
              label="…and the order is younger than (hours)"
              error={errorOf(e, 'approveCancel')}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="number"
                  min={1}
                  max={720}
                  class="inline-input"
                  value={d.approveCancel.withinHours}
                  onInput={(ev) =>
                    form.set({
                      approveCancel: {
                        ...d.approveCancel,
                        withinHours: Number(ev.currentTarget.value),
                      },
                    })
                  }
                />
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>{AUTOMATION_RULE_NAMES.approve_return}</legend>
            <label class="choice">
              <input
                type="checkbox"
                checked={d.approveReturn.enabled}
                onChange={(ev) =>
                  form.set({
                    approveReturn: { ...d.approveReturn, enabled: ev.currentTarget.checked },
                  })
                }
              />
              Approve a return inside the return window when its items are worth less than:
            </label>
            {ceilings.length === 0 && <p class="muted">No amount yet.</p>}
            {ceilings.map((c, i) => (
              <div key={i} class="reason-row" role="group" aria-label={`Amount ${i + 1}`}>
                <Field
                  id={`au-cur-${i}`}
                  label="Currency"
                  error={errorOf(e, `approveReturn.lessThan.${i}.currency`)}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      class="inline-input"
                      maxLength={3}
                      autocomplete="off"
                      value={c.currency}
                      onInput={(ev) =>
                        setCeiling(i, { currency: ev.currentTarget.value.toUpperCase() })
                      }
                    />
                  )}
                </Field>
                <Field
                  id={`au-amount-${i}`}
                  label="Less than"
                  error={errorOf(e, `approveReturn.lessThan.${i}.amount`)}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      type="number"
                      min={0}
                      step="any"
                      class="inline-input"
                      value={toUnits(c)}
                      onInput={(ev) =>
                        setCeiling(i, { amount: toMinor(ev.currentTarget.value, c.currency) })
                      }
                    />
                  )}
                </Field>
                <button
                  type="button"
                  class="link-button"
                  onClick={() => setCeilings(ceilings.filter((_, j) => j !== i))}
                >
                  Remove {c.currency || `amount ${i + 1}`}
                </button>
              </div>
            ))}
            {e['approveReturn.lessThan'] !== undefined && (
              <p class="field-error">{e['approveReturn.lessThan']}</p>
            )}
            <button
              type="button"
              onClick={() => setCeilings([...ceilings, { currency: '', amount: 0 }])}
            >
              Add a currency
            </button>
            <p class="muted">
              An order in a currency not listed waits for an agent. When the refund of an approved
              return is released (on approval, or on receipt of the items) is set under{' '}
              <Link href={settingsHref('policies')}>Policies</Link>.
            </p>
          </fieldset>
        </>
      )}
    </SectionFormShell>
  )
}

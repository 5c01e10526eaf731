import type { FileRequest, RequestChannel, RequestFiled } from '@porchlight/shared/api/requests'
import {
  addressRules,
  checkAddress,
  COUNTRY_ADDRESS_RULES,
  type AddressField,
  type AddressInput,
  type AddressProblem,
} from '@porchlight/shared/orders/address-fields'
import { ADDRESS_CHANGE_REASON } from '@porchlight/shared/orders/request-reasons'
import { useId, useRef, useState } from 'preact/hooks'
import type { ApiClient, ApiError } from '../api-client.ts'
import { newIdempotencyKey } from '../idempotency-key.ts'
import { useI18n } from '../locale.ts'
import { orderKey, type OrderView } from '../order-view.ts'
import { requestErrorText } from '../request-error.ts'
import { forget } from '../resource.ts'
import { AddressBlock, addressLines, countryName, FieldProblem } from './address-parts.tsx'
import type { RequestStep } from './request-fields.tsx'
import { ScreenView } from './screen-view.tsx'
import '../fields.css'

interface Props {
  api: ApiClient
  order: OrderView
  channel: RequestChannel
  focus: boolean
  onBack: () => void
  onFiled: (filed: RequestFiled) => void
}

type Draft = Record<AddressField, string>

// The free-text fields in label order, with the browser's autofill name for each.
const TEXT_FIELDS: Array<['name' | 'company' | 'line1' | 'line2' | 'city', string]> = [
  ['name', 'name'],
  ['company', 'organization'],
  ['line1', 'address-line1'],
  ['line2', 'address-line2'],
  ['city', 'address-level2'],
]

/**
 * "Change the delivery address": the country's fields (required ones as the server checks
 * them, with the same shared rules), a review of the new address beside the current one, and
 * the confirmation. Like the other requests, the body and its Idempotency-Key are fixed when
 * the review opens, so a double click or a retry makes one ticket.
 */
export function AddressChangeFlow({ api, order, channel, focus, onBack, onFiled }: Props) {
  const i18n = useI18n()
  const { t, locale } = i18n
  const current = order.summary.shipping.address
  const [draft, setDraft] = useState<Draft>(() => ({
    name: current?.name ?? '',
    company: current?.company ?? '',
    line1: '',
    line2: '',
    city: '',
    region: '',
    postalCode: '',
    country: current?.country ?? 'US',
    phone: current?.phone ?? '',
  }))
  const [problems, setProblems] = useState<AddressProblem[]>([])
  const [step, setStep] = useState<RequestStep>('form')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [filed, setFiled] = useState<RequestFiled | null>(null)
  const sending = useRef<{ body: FileRequest; key: string } | null>(null)
  // A ref, not the busy state: a double click lands before the state's re-render.
  const pending = useRef(false)
  const form = useRef<HTMLFormElement>(null)
  const id = useId()
  const rules = addressRules(draft.country)
  const countries = [...new Set([...Object.keys(COUNTRY_ADDRESS_RULES), draft.country])]
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))

  const set = (field: AddressField, value: string) => setDraft({ ...draft, [field]: value })
  const problemOf = (field: AddressField) => problems.find((p) => p.field === field)

  function review(event: Event) {
    event.preventDefault()
    const input: AddressInput = { ...draft }
    const checked = checkAddress(input)
    if (!checked.ok) {
      setProblems(checked.problems)
      const first = checked.problems[0]?.field
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus()
      return
    }
    setProblems([])
    sending.current = {
      key: newIdempotencyKey(),
      body: {
        type: 'address_change',
        reason: ADDRESS_CHANGE_REASON,
        address: checked.address,
        channel,
        locale,
      },
    }
    setError(null)
    setStep('review')
  }

  async function submit() {
    const request = sending.current
    if (pending.current || request === null) return
    pending.current = true
    setBusy(true)
    setError(null)
    const result = await api.fileRequest(order.id, request.body, request.key)
    pending.current = false
    setBusy(false)
    if (result.ok) {
      forget(orderKey(order.id))
      setFiled(result.value)
      setStep('done')
      onFiled(result.value)
      return
    }
    if (result.error.code === 'idempotency_key_reused') request.key = newIdempotencyKey()
    forget(orderKey(order.id))
    setError(result.error)
  }

  if (step === 'done' && filed) {
    return (
      <ScreenView key="done" title={t('request.done.heading')} focus>
        <p role="status">{t('request.done.reference', { reference: filed.reference })}</p>
        <p>{t('request.done.body')}</p>
        <button type="button" class="primary" onClick={onBack}>
          {t('request.done.back')}
        </button>
      </ScreenView>
    )
  }

  if (step === 'review' && sending.current?.body.address) {
    return (
      <ScreenView
        key="review"
        title={t('request.review.heading')}
        focus
        onBack={() => setStep('form')}
      >
        <dl class="summary">
          {current && (
            <AddressBlock label={t('request.address_change.current')} lines={current.lines} />
          )}
          <AddressBlock
            label={t('request.address_change.new')}
            lines={addressLines({ ...sending.current.body.address }, locale)}
          />
        </dl>
        <p role="alert" class="error">
          {error ? requestErrorText(error, 'address_change', i18n) : ''}
        </p>
        <button type="button" class="primary" aria-disabled={busy} onClick={submit}>
          {t(busy ? 'request.sending' : 'request.submit')}
        </button>
      </ScreenView>
    )
  }

  const field = (name: AddressField, label: string, autoComplete: string, required: boolean) => {
    const problem = problemOf(name)
    return (
      <div key={name}>
        <label for={`${id}-${name}`}>{label}</label>
        <input
          id={`${id}-${name}`}
          name={name}
          value={draft[name]}
          autoComplete={autoComplete}
          required={required}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? `${id}-${name}-e` : undefined}
          onInput={(e) => set(name, e.currentTarget.value)}
        />
        {problem && <FieldProblem id={`${id}-${name}-e`} problem={problem} i18n={i18n} />}
      </div>
    )
  }

  const region = problemOf('region')
  return (
    <ScreenView
      key="form"
      title={t('request.address_change.heading')}
      focus={focus}
      onBack={onBack}
    >
      <p class="muted">{t('order.name', { name: order.name })}</p>
      <p>{t('request.address_change.intro')}</p>
      {current && (
        <dl class="summary">
          <AddressBlock label={t('request.address_change.current')} lines={current.lines} />
        </dl>
      )}
      <form ref={form} onSubmit={review} noValidate>
        <fieldset>
          <legend>{t('request.address_change.new')}</legend>
          <label for={`${id}-country`}>{t('address.country')}</label>
          <select
            id={`${id}-country`}
            name="country"
            autoComplete="country"
            onChange={(e) => setDraft({ ...draft, country: e.currentTarget.value, region: '' })}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code} selected={c.code === draft.country}>
                {c.name}
              </option>
            ))}
          </select>
          {TEXT_FIELDS.map(([name, auto]) =>
            field(
              name,
              t(`address.${name}`),
              auto,
              name === 'name' || name === 'line1' || name === 'city',
            ),
          )}
          {rules.regions ? (
            <div>
              <label for={`${id}-region`}>{t('address.region')}</label>
              <select
                id={`${id}-region`}
                name="region"
                autoComplete="address-level1"
                aria-invalid={region ? 'true' : undefined}
                aria-describedby={region ? `${id}-region-e` : undefined}
                onChange={(e) => set('region', e.currentTarget.value)}
              >
                <option value="" selected={draft.region === ''} />
                {rules.regions.map((code) => (
                  <option key={code} value={code} selected={code === draft.region}>
                    {code}
                  </option>
                ))}
              </select>
              {region && <FieldProblem id={`${id}-region-e`} problem={region} i18n={i18n} />}
            </div>
          ) : (
            field(
              'region',
              t(rules.regionRequired ? 'address.region' : 'address.region_optional'),
              'address-level1',
              rules.regionRequired,
            )
          )}
          {field(
            'postalCode',
            t(rules.postalCodeRequired ? 'address.postal_code' : 'address.postal_code_optional'),
            'postal-code',
            rules.postalCodeRequired,
          )}
          {field('phone', t('address.phone'), 'tel', false)}
        </fieldset>
        <p role="alert" class="error">
          {problems.length > 0 ? t('error.address_invalid') : ''}
        </p>
        <button type="submit" class="primary">
          {t('common.continue')}
        </button>
      </form>
    </ScreenView>
  )
}

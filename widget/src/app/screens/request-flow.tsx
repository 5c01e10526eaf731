// The built-in reasons, for a server that does not name an order's return and cancel reasons.
import {
  DEFAULT_CANCEL_REASONS,
  DEFAULT_RETURN_REASONS,
} from '@porchlight/shared/orders/reason-codes'
import type {
  FileRequest,
  RequestChannel,
  RequestFiled,
  RequestType,
} from '@porchlight/shared/api/requests'
import type { ExchangeOption } from '@porchlight/shared/api/exchanges'
import { useId, useRef, useState } from 'preact/hooks'
import type { ApiClient, ApiError } from '../api-client.ts'
import { useI18n } from '../locale.ts'
import { orderKey, type OrderView } from '../order-view.ts'
import { requestErrorText } from '../request-error.ts'
import { forget } from '../resource.ts'
import { reasonLabel, reasonOptions } from '../order-words.ts'
import { say } from '../words.ts'
import { newIdempotencyKey } from '../idempotency-key.ts'
import { ExchangeChoice } from './exchange-choice.tsx'
import { ReasonField, ReturnLines, TextField, type RequestStep } from './request-fields.tsx'
import { ScreenView } from './screen-view.tsx'
import { AddressChangeFlow } from './address-change-flow.tsx'

interface Props {
  api: ApiClient
  order: OrderView
  type: RequestType
  channel: RequestChannel
  focus: boolean
  onBack: () => void
  /** The ticket exists: tell the host page. */
  onFiled: (filed: RequestFiled) => void
}

// Answers after which the order page is out of date: show it fresh when the shopper goes back.
const staleOrder = new Set([
  'order_not_found',
  'request_not_offered',
  'request_already_open',
  'invalid_reason',
  'invalid_lines',
  'exchange_out_of_stock',
  'exchange_variant_not_allowed',
])

type Slip = 'request.pick_lines' | 'request.pick_reason'

/**
 * A return, cancellation or issue report: the form, a review of exactly what will be sent, and
 * the confirmation. The body and its Idempotency-Key are fixed when the review opens, so a double
 * click, or a retry after a lost answer, sends the same request and the server makes one ticket.
 */
export function RequestFlow(props: Props) {
  // An address change asks for an address, not a reason: its own form, the same review and
  // confirmation steps.
  return props.type === 'address_change' ? (
    <AddressChangeFlow {...props} />
  ) : (
    <ReasonRequestFlow {...props} />
  )
}

function ReasonRequestFlow({ api, order, type, channel, focus, onBack, onFiled }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  const [step, setStep] = useState<RequestStep>('form')
  const [chosen, setChosen] = useState<Record<string, number>>({})
  const [swaps, setSwaps] = useState<Record<string, ExchangeOption>>({})
  const [reason, setReason] = useState('')
  const [comment, setComment] = useState('')
  const [slip, setSlip] = useState<Slip | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [filed, setFiled] = useState<RequestFiled | null>(null)
  const sending = useRef<{ body: FileRequest; key: string } | null>(null)
  const pending = useRef(false)
  const moved = useRef(false)
  const errorId = useId()
  const form = useRef<HTMLFormElement>(null)

  const reasons =
    type === 'issue'
      ? order.issue.reasons
      : type === 'return'
        ? reasonOptions(order.actions.returnReasons, DEFAULT_RETURN_REASONS)
        : reasonOptions(order.actions.cancelReasons, DEFAULT_CANCEL_REASONS)
  const lines = order.lineItems.flatMap((l) =>
    (chosen[l.id] ?? 0) > 0
      ? [{ lineItemId: l.id, quantity: chosen[l.id]!, title: l.title, swap: swaps[l.id] }]
      : [],
  )
  const go = (next: typeof step) => {
    moved.current = true
    setStep(next)
  }

  function review(event: Event) {
    event.preventDefault()
    const missing: Slip | null =
      type === 'return' && lines.length === 0
        ? 'request.pick_lines'
        : reason === ''
          ? 'request.pick_reason'
          : null
    setSlip(missing)
    if (missing) {
      const index = missing === 'request.pick_lines' ? 0 : type === 'return' ? 1 : 0
      form.current
        ?.querySelectorAll('fieldset')
        [index]?.querySelector<HTMLElement>('input:not([disabled])')
        ?.focus()
      return
    }
    const text = comment.trim()
    sending.current = {
      key: newIdempotencyKey(),
      body: {
        type,
        reason,
        ...(text ? { comment: text } : {}),
        ...(type === 'return'
          ? {
              lines: lines.map(({ lineItemId, quantity, swap }) => ({
                lineItemId,
                quantity,
                ...(swap ? { exchangeVariantId: swap.variantId } : {}),
              })),
            }
          : {}),
        channel,
        locale: i18n.locale,
      },
    }
    setError(null)
    go('review')
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
      go('done')
      onFiled(result.value)
      return
    }
    // The server saw this key with another body: a fresh key lets the shopper send it again.
    if (result.error.code === 'idempotency_key_reused') request.key = newIdempotencyKey()
    if (staleOrder.has(result.error.code)) forget(orderKey(order.id))
    setError(result.error)
  }

  const headings = {
    return: 'request.return.heading',
    cancel: 'request.cancel.heading',
    issue: 'request.issue.heading',
    address_change: 'request.address_change.heading',
  } as const
  const chosenReason = reasons.find((r) => r.code === reason)

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

  if (step === 'review') {
    return (
      <ScreenView key="review" title={t('request.review.heading')} focus onBack={() => go('form')}>
        <dl class="summary">
          <div>
            <dt>{say(i18n, `request.type.${type}`)}</dt>
            <dd>{t('order.name', { name: order.name })}</dd>
          </div>
          {type === 'return' && (
            <div>
              <dt>{t('request.lines')}</dt>
              <dd>
                {lines.map((l) => (
                  <span key={l.lineItemId} class="line">
                    {t('request.line', { count: l.quantity, title: l.title })}
                    {l.swap && (
                      <span class="line muted">
                        {t('request.exchange.review', { variant: l.swap.title })}
                      </span>
                    )}
                  </span>
                ))}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('request.reason')}</dt>
            <dd>{chosenReason && reasonLabel(chosenReason, i18n)}</dd>
          </div>
          {comment.trim() && (
            <div>
              <dt>{t('request.comment')}</dt>
              <dd class="pre">{comment.trim()}</dd>
            </div>
          )}
        </dl>
        <p role="alert" class="error">
          {error ? requestErrorText(error, type, i18n) : ''}
        </p>
        <button type="button" class="primary" aria-disabled={busy} onClick={submit}>
          {t(busy ? 'request.sending' : 'request.submit')}
        </button>
      </ScreenView>
    )
  }

  return (
    <ScreenView key="form" title={t(headings[type])} focus={focus || moved.current} onBack={onBack}>
      <p class="muted">{t('order.name', { name: order.name })}</p>
      <form ref={form} onSubmit={review} noValidate>
        {type === 'return' && (
          <ReturnLines
            lines={order.lineItems}
            chosen={chosen}
            invalid={slip === 'request.pick_lines'}
            errorId={errorId}
            onChange={(id, quantity) => setChosen({ ...chosen, [id]: quantity })}
            chosenExtra={(id) => (
              <ExchangeChoice
                api={api}
                orderId={order.id}
                lineItemId={id}
                value={swaps[id]?.variantId}
                onChange={(option) => {
                  const { [id]: _dropped, ...rest } = swaps
                  setSwaps(option === undefined ? rest : { ...rest, [id]: option })
                }}
              />
            )}
          />
        )}
        <ReasonField
          legend={
            type === 'issue'
              ? say(i18n, `issue.scenario.${order.issue.scenario}`, {}, 'issue.scenario.fallback')
              : t('request.reason')
          }
          reasons={reasons}
          value={reason}
          invalid={slip === 'request.pick_reason'}
          errorId={errorId}
          onChange={setReason}
        />
        <TextField label={t('request.comment')} value={comment} onInput={setComment} />
        <p id={errorId} role="alert" class="error">
          {slip ? t(slip) : ''}
        </p>
        <button type="submit" class="primary">
          {t('common.continue')}
        </button>
      </form>
    </ScreenView>
  )
}

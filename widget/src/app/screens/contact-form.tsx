import type { SessionInfo } from '@porchlight/shared/api/auth'
import type { ContactMessage, RequestFiled } from '@porchlight/shared/api/requests'
import type { MessageKey } from '@porchlight/shared/i18n/index'
import { useId, useRef, useState } from 'preact/hooks'
import type { ApiClient, ApiError } from '../api-client.ts'
import { useI18n } from '../locale.ts'
import { problemFor, problemText } from '../problem.ts'
import { useResource } from '../resource.ts'
import { when } from '../words.ts'
import { ORDERS_KEY } from './orders-home.tsx'
import { newIdempotencyKey } from '../idempotency-key.ts'
import { MESSAGE_MAX, TextField } from './request-fields.tsx'
import { ScreenView } from './screen-view.tsx'
import '../fields.css'

interface Props {
  api: ApiClient
  /** Signed in: the reply goes to the session's address and an order may be picked. */
  identity: SessionInfo['identity'] | null
  focus: boolean
  onSignIn: () => void
  onSignOut: () => Promise<void>
  onFiled: (filed: RequestFiled) => void
}

type Slip = Extract<
  MessageKey,
  | 'contact.required_name'
  | 'auth.identifier.required_email'
  | 'error.invalid_email'
  | 'contact.required_message'
>

/**
 * The contact-form embed: a message to the store, from anyone. A signed-in shopper may say which
 * order it is about. The Idempotency-Key lives until the message is sent or edited, so a retry
 * after a lost answer never makes a second ticket.
 */
export function ContactForm({ api, identity, focus, onSignIn, onSignOut, onFiled }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [message, setMessage] = useState('')
  const [orderId, setOrderId] = useState('')
  const [slip, setSlip] = useState<Slip | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [filed, setFiled] = useState<RequestFiled | null>(null)
  const key = useRef<string | null>(null)
  const pending = useRef(false)
  const id = useId()
  const edit = (set: (value: string) => void) => (value: string) => {
    key.current = null
    set(value)
  }

  async function send(event: Event) {
    event.preventDefault()
    if (pending.current) return
    const text = message.trim()
    const address = email.trim()
    const missing: [Slip, string] | null =
      identity === null && name.trim() === ''
        ? ['contact.required_name', 'name']
        : identity === null && address === ''
          ? ['auth.identifier.required_email', 'email']
          : identity === null && !/^[^\s@]+@[^\s@]+$/.test(address)
            ? ['error.invalid_email', 'email']
            : text === ''
              ? ['contact.required_message', 'message']
              : null
    setSlip(missing?.[0] ?? null)
    if (missing) {
      document.querySelector<HTMLElement>(`[name="${missing[1]}"]`)?.focus()
      return
    }
    const body: ContactMessage = {
      message: text,
      locale: i18n.locale,
      ...(identity ? (orderId ? { orderId } : {}) : { name: name.trim(), email: address }),
    }
    key.current ??= newIdempotencyKey()
    pending.current = true
    setBusy(true)
    setError(null)
    const result = await api.contact(body, key.current)
    pending.current = false
    setBusy(false)
    if (!result.ok) {
      if (result.error.code === 'idempotency_key_reused') key.current = null
      return setError(result.error)
    }
    key.current = null
    setFiled(result.value)
    onFiled(result.value)
  }

  if (filed) {
    return (
      <ScreenView key="sent" title={t('contact.done.heading')} focus>
        <p role="status">{t('request.done.reference', { reference: filed.reference })}</p>
        <p>{t('contact.done.body')}</p>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setMessage('')
            setOrderId('')
            setFiled(null)
          }}
        >
          {t('contact.another')}
        </button>
      </ScreenView>
    )
  }

  const invalid = (field: Slip[]) => slip !== null && field.includes(slip)
  const input = (field: 'name' | 'email', value: string, set: (v: string) => void) => (
    <>
      <label for={`${id}-${field}`}>
        {t(field === 'name' ? 'contact.name' : 'auth.identifier.label_email')}
      </label>
      <input
        id={`${id}-${field}`}
        name={field}
        {...(field === 'email'
          ? ({ type: 'email', dir: 'ltr' } as const)
          : ({ type: 'text' } as const))}
        autocomplete={field}
        value={value}
        aria-invalid={invalid(
          field === 'name'
            ? ['contact.required_name']
            : ['auth.identifier.required_email', 'error.invalid_email'],
        )}
        aria-describedby={`${id}-error`}
        onInput={(e) => edit(set)(e.currentTarget.value)}
      />
    </>
  )

  return (
    <ScreenView key="form" title={t('contact.heading')} focus={focus}>
      {identity ? (
        <p class="identity">{t('auth.home.signed_in_as', { identity: identity.value })}</p>
      ) : (
        <p>{t('contact.intro')}</p>
      )}
      <form onSubmit={send} noValidate>
        {identity === null && input('name', name, setName)}
        {identity === null && input('email', email, setEmail)}
        {identity && <OrderPicker api={api} value={orderId} onChange={edit(setOrderId)} />}
        <TextField
          label={t('contact.message')}
          name="message"
          max={MESSAGE_MAX}
          value={message}
          required
          invalid={invalid(['contact.required_message'])}
          errorId={`${id}-error`}
          onInput={edit(setMessage)}
        />
        <p id={`${id}-error`} role="alert" class="error">
          {slip ? t(slip) : error ? problemText(problemFor(error), i18n) : ''}
        </p>
        <button type="submit" class="primary" aria-disabled={busy}>
          {t(busy ? 'request.sending' : 'contact.send')}
        </button>
      </form>
      <div class="actions">
        {identity ? (
          <button type="button" class="link" onClick={() => void onSignOut()}>
            {t('common.sign_out')}
          </button>
        ) : (
          <button type="button" class="link" onClick={onSignIn}>
            {t('contact.sign_in')}
          </button>
        )}
      </div>
    </ScreenView>
  )
}

/** The signed-in shopper's orders to pick from (the order list's cache, first page). */
function OrderPicker(props: { api: ApiClient; value: string; onChange: (id: string) => void }) {
  const i18n = useI18n()
  const { data } = useResource(ORDERS_KEY, () => props.api.orders(i18n.locale, 10))
  const id = useId()
  return (
    <>
      <label for={id}>
        {i18n.t('contact.order')}
        <span class="muted"> ({i18n.t('common.optional')})</span>
      </label>
      <select
        id={id}
        name="order"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{i18n.t('contact.no_order')}</option>
        {data?.orders.map((o) => (
          <option key={o.id} value={o.id}>
            {`${i18n.t('order.name', { name: o.name })} · ${when(o.createdAt, i18n)}`}
          </option>
        ))}
      </select>
    </>
  )
}

import { useState } from 'preact/hooks'
import {
  WEBHOOK_EVENTS,
  type WebhookEndpointJson,
  type WebhookEvent,
} from '@porchlight/shared/api/team'
import { ApiError, type ConsoleApi } from '../api.ts'
import { Link, PageHeading } from '../nav.tsx'
import { queueHref } from '../queue.tsx'
import { SettingsNav } from '../settings/settings-nav.tsx'
import { DeliveryLog } from './delivery-log.tsx'
import { describedBy, formErrors, NO_ERRORS, type FormErrors } from './field-errors.ts'
import { FieldError, FormError } from './field-error.tsx'
import { useResource } from './use-resource.ts'

export const HOOKS = '/v1/agent/webhooks'
const CONFLICT = 'Someone else changed this endpoint first; here is the latest.'

type Endpoints = { endpoints: WebhookEndpointJson[]; canEdit: boolean }

/**
 * Where the store's events go: endpoints with the events each receives, the signing secret
 * (shown once when made or rotated), and the delivery log below, where owners send a delivery
 * again.
 */
export function WebhooksPage(props: { api: ConsoleApi }) {
  const { api } = props
  const list = useResource<Endpoints>(api, HOOKS)
  const [secret, setSecret] = useState<{ id: string; value: string } | undefined>()
  const canEdit = list.data?.canEdit === true

  const replace = (e: WebhookEndpointJson) =>
    list.setData((d) => d && { ...d, endpoints: d.endpoints.map((x) => (x.id === e.id ? e : x)) })

  /** The fresh endpoint of a conflict is put in place; the caller shows its message. */
  const onConflict = (err: unknown): boolean => {
    const fresh = (err as ApiError).details as { endpoint?: WebhookEndpointJson } | undefined
    if (!(err instanceof ApiError) || err.code !== 'version_conflict' || !fresh?.endpoint)
      return false
    replace(fresh.endpoint)
    return true
  }

  return (
    <>
      <Link href={queueHref()}>Back to the queue</Link>
      <PageHeading>Webhooks</PageHeading>
      <SettingsNav current="webhooks" />
      <section class="card" aria-labelledby="endpoints-title">
        <h2 id="endpoints-title">Endpoints</h2>
        <p class="muted">
          Each event is POSTed as JSON, signed in X-Porchlight-Signature with the endpoint’s secret
          (HMAC-SHA256 of “t.body”).
        </p>
        {!canEdit && list.data !== null && (
          <p class="note note-info">Only an owner of the store can change its webhooks.</p>
        )}
        {list.error !== undefined && (
          <p class="note note-error" role="alert">
            {list.error}
          </p>
        )}
        {secret !== undefined && (
          <p class="note note-ok" role="status">
            Signing secret, shown this once — copy it now:{' '}
            <code class="token-value">{secret.value}</code>
          </p>
        )}
        {list.data === null
          ? list.error === undefined && <p class="muted">Loading…</p>
          : list.data.endpoints.length === 0 && <p>No endpoints yet.</p>}
        {list.data?.endpoints.map((e) => (
          <EndpointCard
            key={`${e.id}:${e.version}`}
            api={api}
            endpoint={e}
            canEdit={canEdit}
            onSaved={replace}
            onConflict={onConflict}
            onSecret={(value) => setSecret({ id: e.id, value })}
            onRemoved={() => void list.load()}
          />
        ))}
        {canEdit && (
          <AddEndpointForm api={api} onAdded={(value) => (setSecret(value), void list.load())} />
        )}
      </section>
      <DeliveryLog api={api} canResend={canEdit} />
    </>
  )
}

/** The events as checkboxes, in a fieldset named by `legend`. */
function EventChoice(props: {
  id: string
  legend: string
  chosen: WebhookEvent[]
  disabled?: boolean
  errors: FormErrors
  onChange: (events: WebhookEvent[]) => void
}) {
  return (
    <fieldset class="hook-events" {...describedBy(props.id, props.errors, 'events')}>
      <legend>{props.legend}</legend>
      {WEBHOOK_EVENTS.map((ev) => (
        <label key={ev}>
          <input
            type="checkbox"
            disabled={props.disabled}
            checked={props.chosen.includes(ev)}
            onChange={(e) =>
              props.onChange(
                (e.target as HTMLInputElement).checked
                  ? WEBHOOK_EVENTS.filter((x) => x === ev || props.chosen.includes(x))
                  : props.chosen.filter((x) => x !== ev),
              )
            }
          />{' '}
          <code>{ev}</code>
        </label>
      ))}
      <FieldError id={props.id} errors={props.errors} field="events" />
    </fieldset>
  )
}

const FIELDS = ['url', 'events', 'description'] as const

function EndpointCard(props: {
  api: ConsoleApi
  endpoint: WebhookEndpointJson
  canEdit: boolean
  onSaved: (e: WebhookEndpointJson) => void
  onConflict: (err: unknown) => boolean
  onSecret: (secret: string) => void
  onRemoved: () => void
}) {
  const e = props.endpoint
  const [events, setEvents] = useState<WebhookEvent[]>(e.events)
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [confirming, setConfirming] = useState(false)
  const path = `${HOOKS}/${encodeURIComponent(e.id)}`
  const id = `ep-${e.id}`

  async function run(action: () => Promise<void>) {
    setErrors(NO_ERRORS)
    try {
      await action()
    } catch (err) {
      if (props.onConflict(err)) setErrors({ fields: {}, form: CONFLICT })
      else setErrors(formErrors(err, FIELDS))
    }
  }

  const save = (ev: Event) => {
    ev.preventDefault()
    void run(async () => {
      const res = await props.api.request<{ endpoint: WebhookEndpointJson }>('PATCH', path, {
        version: e.version,
        events,
      })
      props.onSaved(res.endpoint)
    })
  }
  const rotate = () =>
    run(async () => {
      const res = await props.api.request<{ endpoint: WebhookEndpointJson; secret: string }>(
        'POST',
        `${path}/secret`,
        { version: e.version },
      )
      props.onSaved(res.endpoint)
      props.onSecret(res.secret)
    })
  const remove = () =>
    run(async () => {
      await props.api.request<void>('DELETE', path)
      props.onRemoved()
    })

  return (
    <form class="endpoint" data-endpoint={e.id} onSubmit={save} aria-label={`Endpoint ${e.url}`}>
      <p>
        <strong>
          <bdi>{e.url}</bdi>
        </strong>
        {e.description !== null && (
          <>
            {' '}
            — <bdi>{e.description}</bdi>
          </>
        )}
      </p>
      <p class="muted">
        Secret {e.secretHint}
        {e.secretRotatedAt !== null &&
          `, rotated ${e.secretRotatedAt.slice(0, 16).replace('T', ' ')} UTC`}
      </p>
      <FormError errors={errors} />
      <EventChoice
        id={id}
        legend="Events it receives"
        chosen={events}
        disabled={!props.canEdit}
        errors={errors}
        onChange={setEvents}
      />
      {props.canEdit && (
        <p class="row-actions">
          <button type="submit">Save events</button>
          <button type="button" onClick={() => void rotate()}>
            Rotate secret
          </button>
          {confirming ? (
            <button type="button" class="danger" onClick={() => void remove()}>
              Confirm removal
            </button>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Remove
            </button>
          )}
        </p>
      )}
    </form>
  )
}

function AddEndpointForm(props: {
  api: ConsoleApi
  onAdded: (secret: { id: string; value: string }) => void
}) {
  const [url, setUrl] = useState('')
  const [description, setDescription] = useState('')
  const [events, setEvents] = useState<WebhookEvent[]>(['ticket.created', 'ticket.updated'])
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [busy, setBusy] = useState(false)

  async function add(ev: Event) {
    ev.preventDefault()
    setBusy(true)
    setErrors(NO_ERRORS)
    try {
      const res = await props.api.request<{ endpoint: WebhookEndpointJson; secret: string }>(
        'POST',
        HOOKS,
        { url, events, ...(description.trim() ? { description } : {}) },
      )
      setUrl('')
      setDescription('')
      props.onAdded({ id: res.endpoint.id, value: res.secret })
    } catch (err) {
      setErrors(formErrors(err, FIELDS))
    }
    setBusy(false)
  }

  return (
    <form
      class="token-form"
      onSubmit={(e) => void add(e)}
      aria-labelledby="add-hook-title"
      noValidate
    >
      <h3 id="add-hook-title">Add an endpoint</h3>
      <FormError errors={errors} />
      <label for="hook-url">Address (https)</label>
      <input
        id="hook-url"
        type="url"
        required
        maxLength={2000}
        value={url}
        onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
        {...describedBy('hook-url', errors, 'url')}
      />
      <FieldError id="hook-url" errors={errors} field="url" />
      <label for="hook-desc">Description (optional)</label>
      <input
        id="hook-desc"
        maxLength={200}
        value={description}
        onInput={(e) => setDescription((e.target as HTMLInputElement).value)}
        {...describedBy('hook-desc', errors, 'description')}
      />
      <FieldError id="hook-desc" errors={errors} field="description" />
      <EventChoice
        id="hook-new"
        legend="Events to send"
        chosen={events}
        errors={errors}
        onChange={setEvents}
      />
      <button type="submit" disabled={busy}>
        Add endpoint
      </button>
    </form>
  )
}

import { useEffect, useState } from 'preact/hooks'
import { label } from './format.ts'
import { TICKET_CHANNELS, TICKET_STATUSES, TICKET_TYPES } from '@porchlight/shared/api/agent'
import type { QueueState } from './route.ts'

function Choice<T extends string>(props: {
  id: string
  name: string
  any: string
  options: readonly T[]
  value: T | ''
  onChange: (value: T | '') => void
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.name}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as T | '')}
      >
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * The queue's filters. Choices apply at once; the search applies on Enter or the button, so
 * typing does not fire a query per keystroke. Any change goes back to page 1.
 */
export function QueueFilters(props: { state: QueueState; onChange: (s: QueueState) => void }) {
  const { state } = props
  const [q, setQ] = useState(state.q)
  useEffect(() => setQ(state.q), [state.q])
  const set = (patch: Partial<QueueState>) => props.onChange({ ...state, ...patch, page: 1 })

  return (
    <form
      class="filters"
      role="search"
      aria-label="Filter the queue"
      onSubmit={(e) => {
        e.preventDefault()
        set({ q })
      }}
    >
      <div class="field field-wide">
        <label for="f-q">Search</label>
        <div class="inline">
          <input
            id="f-q"
            type="search"
            data-shortcut="/"
            value={q}
            maxLength={200}
            aria-describedby="f-q-hint"
            onInput={(e) => setQ(e.currentTarget.value)}
          />
          <button type="submit">Search</button>
        </div>
        <small id="f-q-hint" class="muted">
          Order number, ticket number, email, phone or name
        </small>
      </div>
      <Choice
        id="f-type"
        name="Type"
        any="All types"
        options={TICKET_TYPES}
        value={state.type}
        onChange={(type) => set({ type })}
      />
      <Choice
        id="f-status"
        name="Status"
        any="All statuses"
        options={TICKET_STATUSES}
        value={state.status}
        onChange={(status) => set({ status })}
      />
      <Choice
        id="f-channel"
        name="Channel"
        any="All channels"
        options={TICKET_CHANNELS}
        value={state.channel}
        onChange={(channel) => set({ channel })}
      />
      <div class="field">
        <label for="f-from">Created from</label>
        <input
          id="f-from"
          type="date"
          value={state.from}
          max={state.to || undefined}
          onChange={(e) => set({ from: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="f-to">Created to</label>
        <input
          id="f-to"
          type="date"
          value={state.to}
          min={state.from || undefined}
          onChange={(e) => set({ to: e.currentTarget.value })}
        />
      </div>
      <div class="field field-check">
        <input
          id="f-mine"
          type="checkbox"
          checked={state.mine}
          onChange={(e) => set({ mine: e.currentTarget.checked })}
        />
        <label for="f-mine">Assigned to me</label>
      </div>
    </form>
  )
}

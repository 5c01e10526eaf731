import { useState } from 'preact/hooks'
import type { TicketJson, TicketStatus } from '@porchlight/shared/api/agent'
import type { ConsoleApi } from './api.ts'
import type { Me } from './app.tsx'
import { label } from './format.ts'
import { TICKET_STATUSES } from '@porchlight/shared/api/agent'
import type { Run } from './ticket-page.tsx'
import { agentName } from './ticket-summary.tsx'
import { Bidi } from './bidi.tsx'

interface Props {
  ticket: TicketJson
  me: Me
  api: ConsoleApi
  run: Run
  busy: boolean
}

/** Assignment, status and tags: each a PATCH naming the version on screen. */
export function TicketControls({ ticket: t, me, api, run, busy }: Props) {
  // The agent's pick belongs to the version it was made on: a fresh ticket (after a save or a
  // conflict) shows what is true now in the same render as the ticket itself, never a render
  // later (an effect would leave the stale pick on screen beside "here is the latest").
  const [pick, setPick] = useState<{ version: number; status: TicketStatus } | null>(null)
  const status = pick !== null && pick.version === t.version ? pick.status : t.status
  const setStatus = (value: TicketStatus) => setPick({ version: t.version, status: value })
  const [tag, setTag] = useState('')
  const [target, setTarget] = useState('')
  // A transfer goes to a teammate who can still sign in; "Assign to me" covers the agent.
  const teammates = [...me.agents.values()].filter(
    (a) => a.id !== me.agent.id && a.id !== t.assigneeId && a.state !== 'deactivated',
  )
  const patch = (body: Omit<Parameters<ConsoleApi['patch']>[1], 'version'>, saved: string) =>
    run((version) => api.patch(t.id, { ...body, version }), saved)

  async function transfer(e: Event) {
    e.preventDefault()
    const to = me.agents.get(target)
    if (to === undefined) return
    if (await patch({ assigneeId: to.id }, `Transferred to ${to.name}.`)) setTarget('')
  }

  async function addTag(e: Event) {
    e.preventDefault()
    const value = tag.trim()
    if (value === '' || t.tags.includes(value)) return setTag('')
    if (await patch({ tags: [...t.tags, value] }, `Tag “${value}” added.`)) setTag('')
  }

  return (
    <section class="card" aria-labelledby="work-title">
      <h2 id="work-title">Assignment, status and tags</h2>
      <div class="row">
        <p>
          Assigned to <strong>{agentName(me, t.assigneeId)}</strong>
        </p>
        {t.assigneeId !== me.agent.id && (
          <button
            type="button"
            disabled={busy}
            data-shortcut="a"
            onClick={() => patch({ assigneeId: me.agent.id }, 'Assigned to you.')}
          >
            Assign to me
          </button>
        )}
        {t.status !== 'resolved' && (
          <button
            type="button"
            disabled={busy}
            data-shortcut="e"
            onClick={() => patch({ status: 'resolved' }, 'Status changed to Resolved.')}
          >
            Resolve
          </button>
        )}
        {t.assigneeId !== null && (
          <button
            type="button"
            disabled={busy}
            onClick={() => patch({ assigneeId: null }, 'Unassigned.')}
          >
            Unassign
          </button>
        )}
      </div>
      {teammates.length > 0 && (
        <form class="row" onSubmit={transfer}>
          <label for="t-transfer">Transfer to</label>
          <select id="t-transfer" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">Choose an agent</option>
            {teammates.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy || !teammates.some((a) => a.id === target)}>
            Transfer
          </button>
        </form>
      )}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault()
          if (status !== t.status) void patch({ status }, `Status changed to ${label(status)}.`)
        }}
      >
        <label for="t-status">Status</label>
        <select
          id="t-status"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as TicketStatus)}
        >
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {label(s)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy || status === t.status}>
          Change status
        </button>
      </form>
      <h3 id="tags-title">Tags</h3>
      {t.tags.length === 0 ? (
        <p class="muted">No tags.</p>
      ) : (
        <ul class="tags" aria-labelledby="tags-title">
          {t.tags.map((name) => (
            <li key={name}>
              <span>
                <Bidi>{name}</Bidi>
              </span>
              <button
                type="button"
                class="tag-remove"
                disabled={busy}
                aria-label={`Remove tag ${name}`}
                onClick={() =>
                  patch({ tags: t.tags.filter((x) => x !== name) }, `Tag “${name}” removed.`)
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={addTag}>
        <label for="t-tag">New tag</label>
        <input
          id="t-tag"
          value={tag}
          maxLength={40}
          onInput={(e) => setTag(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy || t.tags.length >= 20}>
          Add tag
        </button>
      </form>
    </section>
  )
}

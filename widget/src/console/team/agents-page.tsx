import { useState } from 'preact/hooks'
import {
  AGENT_ROLES,
  type AgentRole,
  type PasswordLinkSent,
  type TeamMember,
} from '@porchlight/shared/api/team'
import { ApiError, type ConsoleApi } from '../api.ts'
import { ApiTokensSection } from '../api-tokens.tsx'
import { errorMessage } from '../messages.ts'
import { Link, PageHeading } from '../nav.tsx'
import { queueHref } from '../queue.tsx'
import { SettingsNav } from '../settings/settings-nav.tsx'
import { useResource } from './use-resource.ts'
import { describedBy, formErrors, NO_ERRORS, type FormErrors } from './field-errors.ts'
import { FieldError, FormError } from './field-error.tsx'

const AGENTS = '/v1/agent/agents'
const ROLE_WORDS: Record<AgentRole, string> = { owner: 'Owner', agent: 'Agent' }
const STATE_WORDS: Record<TeamMember['state'], string> = {
  active: 'Active',
  invited: 'Invited (no password yet)',
  deactivated: 'Deactivated',
}
const CONFLICT = 'Someone else changed this agent first; here is the latest. Try again if needed.'

type Team = { agents: TeamMember[]; canEdit: boolean }

/**
 * The store's team: everyone sees who is on it; owners invite by email, change roles,
 * deactivate and send set-password links. Each change carries the version it was made on:
 * when another owner changed the agent first, the row shows their change instead.
 */
export function AgentsPage(props: { api: ConsoleApi; myId: string }) {
  const { api } = props
  const team = useResource<Team>(api, AGENTS)
  const [notice, setNotice] = useState<string | undefined>()
  const canEdit = team.data?.canEdit === true

  const replace = (m: TeamMember) =>
    team.setData((t) => t && { ...t, agents: t.agents.map((x) => (x.id === m.id ? m : x)) })

  async function change(m: TeamMember, body: { role?: AgentRole; active?: boolean }) {
    setNotice(undefined)
    team.setError(undefined)
    try {
      const res = await api.request<{ agent: TeamMember }>(
        'PATCH',
        `${AGENTS}/${encodeURIComponent(m.id)}`,
        { version: m.version, ...body },
      )
      replace(res.agent)
      setNotice(`${m.name}: saved.`)
    } catch (err) {
      const fresh = (err as ApiError).details as { agent?: TeamMember } | undefined
      if (err instanceof ApiError && err.code === 'version_conflict' && fresh?.agent) {
        replace(fresh.agent)
        team.setError(CONFLICT)
      } else {
        team.setError(errorMessage(err))
      }
    }
  }

  async function sendLink(m: TeamMember) {
    setNotice(undefined)
    team.setError(undefined)
    try {
      const sent = await api.request<PasswordLinkSent>(
        'POST',
        `${AGENTS}/${encodeURIComponent(m.id)}/password-link`,
      )
      setNotice(
        `A set-password link went to ${sent.sentTo}; it works until ${sent.expiresAt.slice(0, 16).replace('T', ' ')} UTC.`,
      )
    } catch (err) {
      team.setError(errorMessage(err))
    }
  }

  return (
    <>
      <Link href={queueHref()}>Back to the queue</Link>
      <PageHeading>Agents</PageHeading>
      <SettingsNav current="agents" />
      <section class="card" aria-labelledby="team-title">
        <h2 id="team-title">Team</h2>
        {!canEdit && team.data !== null && (
          <p class="note note-info">Only an owner of the store can change its agents.</p>
        )}
        {team.error !== undefined && (
          <p class="note note-error" role="alert">
            {team.error}
          </p>
        )}
        {notice !== undefined && (
          <p class="note note-ok" role="status">
            {notice}
          </p>
        )}
        {team.data === null ? (
          team.error === undefined && <p class="muted">Loading…</p>
        ) : (
          <table class="tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                {canEdit && (
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {team.data.agents.map((m) => (
                <tr key={m.id} data-agent={m.email}>
                  <td>
                    <bdi>{m.name}</bdi>
                    {m.id === props.myId && ' (you)'}
                  </td>
                  <td>{m.email}</td>
                  <td>{ROLE_WORDS[m.role]}</td>
                  <td>{STATE_WORDS[m.state]}</td>
                  {canEdit && (
                    <td class="row-actions">
                      {m.state !== 'deactivated' && (
                        <button
                          type="button"
                          onClick={() =>
                            void change(m, { role: m.role === 'owner' ? 'agent' : 'owner' })
                          }
                        >
                          {m.role === 'owner' ? 'Make agent' : 'Make owner'}
                          <span class="sr-only"> ({m.name})</span>
                        </button>
                      )}
                      {m.state !== 'deactivated' && (
                        <button type="button" onClick={() => void sendLink(m)}>
                          {m.state === 'invited' ? 'Send invitation again' : 'Reset password'}
                          <span class="sr-only"> ({m.name})</span>
                        </button>
                      )}
                      <button
                        type="button"
                        onClick={() => void change(m, { active: m.state === 'deactivated' })}
                      >
                        {m.state === 'deactivated' ? 'Reactivate' : 'Deactivate'}
                        <span class="sr-only"> ({m.name})</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canEdit && (
          <InviteForm
            api={api}
            onInvited={(m) => (void team.load(), setNotice(`Invitation sent to ${m.email}.`))}
          />
        )}
      </section>
      <ApiTokensSection api={api} />
    </>
  )
}

const INVITE_FIELDS = ['email', 'name', 'role'] as const

/** Invite by email: the new agent gets a link to set their password (72 hours, once). */
function InviteForm(props: { api: ConsoleApi; onInvited: (m: TeamMember) => void }) {
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<AgentRole>('agent')
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [busy, setBusy] = useState(false)

  async function invite(e: Event) {
    e.preventDefault()
    setBusy(true)
    setErrors(NO_ERRORS)
    try {
      const res = await props.api.request<{ agent: TeamMember }>('POST', AGENTS, {
        email,
        name,
        role,
      })
      setEmail('')
      setName('')
      setRole('agent')
      props.onInvited(res.agent)
    } catch (err) {
      const found = formErrors(err, INVITE_FIELDS)
      // "Already an agent" belongs to the address.
      if (err instanceof ApiError && err.code === 'agent_exists') {
        found.fields['email'] = 'This address is an agent of the store already.'
        found.form = undefined
      }
      setErrors(found)
    }
    setBusy(false)
  }

  return (
    <form
      class="invite-form"
      onSubmit={(e) => void invite(e)}
      aria-labelledby="invite-title"
      noValidate
    >
      <h3 id="invite-title">Invite an agent</h3>
      <FormError errors={errors} />
      <label for="inv-email">Email</label>
      <input
        id="inv-email"
        type="email"
        autocomplete="off"
        required
        maxLength={254}
        value={email}
        onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
        {...describedBy('inv-email', errors, 'email')}
      />
      <FieldError id="inv-email" errors={errors} field="email" />
      <label for="inv-name">Name</label>
      <input
        id="inv-name"
        required
        maxLength={100}
        value={name}
        onInput={(e) => setName((e.target as HTMLInputElement).value)}
        {...describedBy('inv-name', errors, 'name')}
      />
      <FieldError id="inv-name" errors={errors} field="name" />
      <label for="inv-role">Role</label>
      <select
        id="inv-role"
        value={role}
        onChange={(e) => setRole((e.target as HTMLSelectElement).value as AgentRole)}
        {...describedBy('inv-role', errors, 'role')}
      >
        {AGENT_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_WORDS[r]}
          </option>
        ))}
      </select>
      <FieldError id="inv-role" errors={errors} field="role" />
      <button type="submit" disabled={busy}>
        Send invitation
      </button>
    </form>
  )
}

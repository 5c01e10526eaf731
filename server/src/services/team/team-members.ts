import type { TeamMember } from '@porchlight/shared/api/team'
import type { Kysely } from 'kysely'
import type { Clock } from '../../clock.ts'
import type { AgentRow } from '../../db/agents.table.ts'
import { dropUnusedPasswordLinks } from '../../db/password-links.repository.ts'
import type { Database } from '../../db/schema.ts'
import {
  changeTeamMember,
  countOtherActiveOwners,
  findTeamMember,
  insertTeamMember,
  listTeamMembers,
  lockStoreRow,
  revokeAgentCredentials,
  type TeamMemberRow,
} from '../../db/team.repository.ts'
import { newId } from '../../ids.ts'
import type { OutboxWorker } from '../outbox/worker.ts'
import { queuePasswordLink, type KeyConfig } from './password-links.ts'
import { recordTeamChange, type Actor, type TeamChange } from './team-history.ts'

/** What the team's use cases need of the app. */
export interface TeamDeps {
  db: Kysely<Database>
  clock: Clock
  config: KeyConfig
  outbox: Pick<OutboxWorker, 'wake'>
}

interface Store {
  id: string
  name: string
}

export function memberJson(m: TeamMemberRow): TeamMember {
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    role: m.role,
    state: m.deactivatedAt !== null ? 'deactivated' : m.hasPassword ? 'active' : 'invited',
    version: m.version,
    createdAt: new Date(m.createdAt).toISOString(),
  }
}

export async function listTeam(db: Kysely<Database>, storeId: string): Promise<TeamMember[]> {
  return (await listTeamMembers(db, storeId)).map(memberJson)
}

const memberField = (m: { email: string }, what: string) => `agents.${m.email}.${what}`

/**
 * Adds an agent without a password and emails them a set-password link; `agent_exists` when
 * the address is an agent of the store already (deactivated too: reactivate them instead).
 */
export async function inviteAgent(
  deps: TeamDeps,
  actor: Actor,
  store: Store,
  input: { email: string; name: string; role: AgentRow['role'] },
): Promise<{ ok: true; member: TeamMember } | { ok: false; code: 'agent_exists' }> {
  const now = deps.clock.now()
  const id = newId('ag')
  const email = input.email.toLowerCase()
  const made = await deps.db.transaction().execute(async (trx) => {
    const inserted = await insertTeamMember(trx, {
      id,
      store_id: store.id,
      email,
      name: input.name,
      password_hash: null,
      role: input.role,
      created_at: now.getTime(),
    })
    if (!inserted) return undefined
    await queuePasswordLink(trx, deps.config, {
      agent: { id, email, name: input.name },
      store,
      purpose: 'invite',
      by: actor,
      now,
    })
    await recordTeamChange(trx, {
      storeId: store.id,
      actor,
      section: 'agents',
      changes: [{ field: memberField({ email }, 'role'), old: null, new: input.role }],
      at: now.getTime(),
    })
    return findTeamMember(trx, store.id, id)
  })
  if (made === undefined) return { ok: false, code: 'agent_exists' }
  deps.outbox.wake()
  return { ok: true, member: memberJson(made) }
}

export type ChangeAgentResult =
  | { ok: true; member: TeamMember }
  | { ok: false; code: 'member_not_found' | 'last_owner' }
  | { ok: false; code: 'version_conflict'; member: TeamMember }

/**
 * Changes an agent's role or deactivates (or reactivates) them, at the version the owner saw.
 * The store keeps at least one active owner: the check runs under the store's lock, so two
 * owners demoting each other at once cannot both succeed. Deactivation ends the agent's
 * sessions, API tokens and unused set-password links in the same transaction.
 */
export async function changeAgent(
  deps: TeamDeps,
  actor: Actor,
  storeId: string,
  id: string,
  input: { version: number; role?: AgentRow['role'] | undefined; active?: boolean | undefined },
): Promise<ChangeAgentResult> {
  const now = deps.clock.now().getTime()
  return deps.db.transaction().execute(async (trx): Promise<ChangeAgentResult> => {
    await lockStoreRow(trx, storeId)
    const current = await findTeamMember(trx, storeId, id)
    if (current === undefined) return { ok: false, code: 'member_not_found' }
    if (current.version !== input.version) {
      return { ok: false, code: 'version_conflict', member: memberJson(current) }
    }
    const active = current.deactivatedAt === null
    const role = input.role ?? current.role
    const staysActive = input.active ?? active
    const losesOwner = current.role === 'owner' && active && (role !== 'owner' || !staysActive)
    if (losesOwner && (await countOtherActiveOwners(trx, storeId, id)) === 0) {
      return { ok: false, code: 'last_owner' }
    }
    const changes: TeamChange[] = []
    if (role !== current.role) {
      changes.push({ field: memberField(current, 'role'), old: current.role, new: role })
    }
    if (staysActive !== active) {
      changes.push({ field: memberField(current, 'active'), old: active, new: staysActive })
    }
    if (changes.length > 0) {
      const changed = await changeTeamMember(
        trx,
        { storeId, id, version: input.version },
        { role, deactivated_at: staysActive ? null : (current.deactivatedAt ?? now) },
      )
      if (!changed) {
        const fresh = await findTeamMember(trx, storeId, id)
        return fresh === undefined
          ? { ok: false, code: 'member_not_found' }
          : { ok: false, code: 'version_conflict', member: memberJson(fresh) }
      }
      if (!staysActive && active) {
        await revokeAgentCredentials(trx, id, now)
        await dropUnusedPasswordLinks(trx, id)
      }
      await recordTeamChange(trx, { storeId, actor, section: 'agents', changes, at: now })
    }
    const after = await findTeamMember(trx, storeId, id)
    return { ok: true, member: memberJson(after ?? current) }
  })
}

/**
 * Emails an agent a new set-password link: a reset, or the invitation again while they have
 * no password yet. Their password keeps working until they set a new one.
 */
export async function sendPasswordLink(
  deps: TeamDeps,
  actor: Actor,
  store: Store,
  id: string,
): Promise<
  | { ok: true; sentTo: string; expiresAt: Date }
  | { ok: false; code: 'member_not_found' | 'agent_deactivated' }
> {
  const now = deps.clock.now()
  const result = await deps.db.transaction().execute(async (trx) => {
    const member = await findTeamMember(trx, store.id, id)
    if (member === undefined) return { ok: false, code: 'member_not_found' } as const
    if (member.deactivatedAt !== null) return { ok: false, code: 'agent_deactivated' } as const
    const purpose = member.hasPassword ? 'reset' : 'invite'
    const { expiresAt } = await queuePasswordLink(trx, deps.config, {
      agent: member,
      store,
      purpose,
      by: actor,
      now,
    })
    await recordTeamChange(trx, {
      storeId: store.id,
      actor,
      section: 'agents',
      changes: [{ field: memberField(member, 'password'), old: null, new: null, secret: true }],
      at: now.getTime(),
    })
    return { ok: true, sentTo: member.email, expiresAt } as const
  })
  if (result.ok) deps.outbox.wake()
  return result
}

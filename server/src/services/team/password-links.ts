import { randomBytes } from 'node:crypto'
import { PASSWORD_LINK_HOURS } from '@porchlight/shared/api/team'
import type { Kysely } from 'kysely'
import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/schema.ts'
import {
  consumePasswordLink,
  dropUnusedPasswordLinks,
  findLivePasswordLink,
  insertPasswordLink,
  setAgentPassword,
} from '../../db/password-links.repository.ts'
import { revokeAgentCredentials } from '../../db/team.repository.ts'
import { newId } from '../../ids.ts'
import { keyringOf } from '../../keyring.ts'
import { openSecret, sealSecret } from '../../secret-box.ts'
import { passwordProblem } from '../agents/password-policy.ts'
import { hashPassword } from '../agents/passwords.ts'
import { oneLine } from '../mail/one-line.ts'
import { renderMail, type RenderedMail } from '../mail/mail-document.ts'
import { enqueue, type OutboxTemplate } from '../outbox/outbox.ts'
import type { OutboxPayloads, OutboxTemplateName } from '../outbox/payloads.ts'
import { hashToken } from '../sessions/shopper-sessions.ts'

export const PASSWORD_LINK_TEMPLATE = 'agent-password-link' satisfies OutboxTemplateName
type LinkParams = OutboxPayloads[typeof PASSWORD_LINK_TEMPLATE]

const TOKEN_PREFIX = 'plset_'
const sealPurpose = (linkId: string) => `agent-password-link:${linkId}`

/** A link's token sealed for its wait in the outbox, bound to the link. */
export const sealLinkToken = (keys: KeyConfig, linkId: string, token: string) =>
  sealSecret(keyringOf(keys), sealPurpose(linkId), token)

/** The server's secret keys, for sealing the token while it waits in the outbox. */
export interface KeyConfig {
  secretKey: string | undefined
  secretKeyPrevious?: string | undefined
}

/**
 * Makes a set-password link for an agent and queues its email, in the caller's transaction.
 * Only the newest link works: any unused one sent before is dropped. Call `outbox.wake()`
 * after the commit.
 */
export async function queuePasswordLink(
  trx: Kysely<Database>,
  keys: KeyConfig,
  input: {
    agent: { id: string; email: string; name: string }
    store: { id: string; name: string }
    purpose: 'invite' | 'reset'
    by: { id: string; name: string } | null
    now: Date
  },
): Promise<{ expiresAt: Date }> {
  await dropUnusedPasswordLinks(trx, input.agent.id)
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  const id = newId('apl')
  const expiresAt = new Date(input.now.getTime() + PASSWORD_LINK_HOURS * 3600_000)
  await insertPasswordLink(trx, {
    id,
    store_id: input.store.id,
    agent_id: input.agent.id,
    token_hash: hashToken(token),
    purpose: input.purpose,
    created_by: input.by?.id ?? null,
    created_at: input.now.getTime(),
    expires_at: expiresAt.getTime(),
    used_at: null,
  })
  await enqueue(
    trx,
    {
      channel: 'email',
      to: input.agent.email,
      template: PASSWORD_LINK_TEMPLATE,
      params: {
        linkId: id,
        sealedToken: sealLinkToken(keys, id, token),
        purpose: input.purpose,
        storeName: input.store.name,
        agentName: input.agent.name,
        byName: input.by?.name ?? null,
        expiresAt: expiresAt.toISOString(),
      },
      storeId: input.store.id,
    },
    input.now,
  )
  return { expiresAt }
}

/** The console page a link opens; the token rides in the fragment, which no server logs. */
export const setPasswordUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/console/set-password#token=${encodeURIComponent(token)}`

/** The email: who invites whom where (or that a reset was asked for), the link, its expiry. */
export function renderPasswordLink(p: LinkParams, link: string): RenderedMail {
  const store = oneLine(p.storeName)
  const by = p.byName === null ? 'An owner' : oneLine(p.byName)
  const until = `${p.expiresAt.slice(0, 16).replace('T', ' ')} (UTC)`
  const invite = p.purpose === 'invite'
  return renderMail({
    lang: 'en',
    dir: 'ltr',
    subject: invite
      ? `You are invited to the Porchlight console of ${store}`
      : `Set a new password for the Porchlight console of ${store}`,
    paragraphs: [
      `Hello ${oneLine(p.agentName)},`,
      invite
        ? `${by} invited you to answer ${store}'s customers in the Porchlight console.`
        : `${by} of ${store} asked for a new password for your console account.`,
      { text: 'Set your password', link },
      { text: `The link works once, until ${until}.`, style: 'muted' },
      {
        text: invite
          ? 'If you did not expect this, ignore this email: nothing happens without the link.'
          : 'Your current password keeps working until you set a new one.',
        style: 'fine',
      },
    ],
  })
}

/** The outbox template: opens the sealed token and writes the email around its link. */
export function passwordLinkTemplate(
  config: KeyConfig & { publicUrl: string },
): OutboxTemplate<typeof PASSWORD_LINK_TEMPLATE> {
  return {
    async render(message) {
      const p = message.params
      const opened = openSecret(keyringOf(config), sealPurpose(p.linkId), p.sealedToken)
      if (!opened.ok)
        throw new TypeError(`password link ${p.linkId} does not open: ${opened.reason}`)
      const link = setPasswordUrl(config.publicUrl, opened.plaintext)
      return { channel: 'email', ...renderPasswordLink(p, link) }
    },
  }
}

export type SetPasswordResult =
  | { ok: true; email: string; store: { id: string; name: string } }
  | { ok: false; code: 'password_link_invalid' | 'weak_password'; message: string }

const invalidLink = {
  ok: false,
  code: 'password_link_invalid',
  message: 'This link is not valid: it was used, replaced by a newer one, or has expired.',
} as const

/**
 * Sets an agent's password from a link: the link is checked before any hashing, the password
 * against the policy (with the agent's own words), and the link is used up in the same
 * transaction that sets the password, so of two uses at once exactly one sets it. The agent's
 * other sessions end: whoever knew the old password is signed out.
 */
export async function setPasswordFromLink(
  deps: { db: Kysely<Database>; clock: Clock },
  input: { token: string; password: string },
): Promise<SetPasswordResult> {
  if (!input.token.startsWith(TOKEN_PREFIX)) return invalidLink
  const hash = hashToken(input.token)
  const link = await findLivePasswordLink(deps.db, hash, deps.clock.now().getTime())
  if (link === undefined || link.deactivatedAt !== null) return invalidLink
  const problem = passwordProblem(input.password, [link.email, link.name, link.storeName])
  if (problem !== undefined) {
    return { ok: false, code: 'weak_password', message: `This password is refused: ${problem}.` }
  }
  const passwordHash = await hashPassword(input.password)
  const done = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().getTime()
    if (!(await consumePasswordLink(trx, link.linkId, now))) return false
    if (!(await setAgentPassword(trx, link.agentId, passwordHash))) return false
    await revokeAgentCredentials(trx, link.agentId, now, { tokens: false })
    return true
  })
  if (!done) return invalidLink
  return { ok: true, email: link.email, store: { id: link.storeId, name: link.storeName } }
}

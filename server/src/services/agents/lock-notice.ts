import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { enqueue, type OutboxTemplate } from '../outbox/outbox.ts'

export const AGENT_LOCK_TEMPLATE = 'agent-login-locked'

export interface LockNoticeParams {
  storeName: string
  /** When sign-in opens again, ISO 8601. */
  until: string
  /** The client address of the attempt that locked the account. */
  address: string
}

/** Queues "your console sign-in is locked" to the agent's address, in the caller's transaction. */
export async function enqueueLockNotice(
  trx: Kysely<Database>,
  input: { to: string; storeId: string; params: LockNoticeParams },
  now: Date,
) {
  await enqueue(
    trx,
    {
      channel: 'email',
      to: input.to,
      template: AGENT_LOCK_TEMPLATE,
      params: { ...input.params },
      storeId: input.storeId,
    },
    now,
  )
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  )
}

/** The email: what happened, until when, from where, and what to do if it was not them. */
export function renderLockNotice(p: LockNoticeParams, publicUrl: string) {
  const subject = `Console sign-in locked for ${p.storeName}`
  const paragraphs = [
    `Too many wrong passwords were tried for your Porchlight console account at ${p.storeName}, ` +
      `so signing in with it is paused until ${p.until} (UTC).`,
    `The last attempt came from ${p.address}. If it was you, wait and try again at ` +
      `${publicUrl}/console. A browser you signed in with before may still sign in.`,
    'If it was not you, someone is guessing your password: tell the store owner, and consider ' +
      'a new password and two-factor sign-in.',
  ]
  return {
    subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: [
      '<!doctype html><html lang="en"><head><meta charset="utf-8">',
      `<title>${escapeHtml(subject)}</title></head><body>`,
      ...paragraphs.map((x) => `<p>${escapeHtml(x)}</p>`),
      '</body></html>',
    ].join('\n'),
  }
}

export function lockNoticeTemplate(config: { publicUrl: string }): OutboxTemplate {
  return {
    async render(message) {
      const p = message.params
      const params: LockNoticeParams = {
        storeName: String(p['storeName'] ?? '').slice(0, 100),
        until: String(p['until'] ?? ''),
        address: String(p['address'] ?? '').slice(0, 64),
      }
      return { channel: 'email', ...renderLockNotice(params, config.publicUrl) }
    },
  }
}

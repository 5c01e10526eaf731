import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { oneLine } from '../mail/one-line.ts'
import { renderMail, type RenderedMail } from '../mail/mail-document.ts'
import { enqueue, type OutboxTemplate } from '../outbox/outbox.ts'
import type { OutboxPayloads, OutboxTemplateName } from '../outbox/payloads.ts'

export const AGENT_LOCK_TEMPLATE = 'agent-login-locked' satisfies OutboxTemplateName

export type LockNoticeParams = OutboxPayloads[typeof AGENT_LOCK_TEMPLATE]

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
      params: input.params,
      storeId: input.storeId,
    },
    now,
  )
}

/** The email: what happened, until when, from where, and what to do if it was not them. */
export function renderLockNotice(p: LockNoticeParams, publicUrl: string): RenderedMail {
  const storeName = oneLine(p.storeName)
  const address = oneLine(p.address, 64)
  return renderMail({
    lang: 'en',
    dir: 'ltr',
    subject: `Console sign-in locked for ${storeName}`,
    paragraphs: [
      `Too many wrong passwords were tried for your Porchlight console account at ${storeName}, ` +
        `so signing in with it is paused until ${p.until} (UTC).`,
      `The last attempt came from ${address}. If it was you, wait and try again at ` +
        `${publicUrl}/console. A browser you signed in with before may still sign in.`,
      'If it was not you, someone is guessing your password: tell the store owner, and consider ' +
        'a new password and two-factor sign-in.',
    ],
  })
}

export function lockNoticeTemplate(config: {
  publicUrl: string
}): OutboxTemplate<typeof AGENT_LOCK_TEMPLATE> {
  return {
    async render(message) {
      return { channel: 'email', ...renderLockNotice(message.params, config.publicUrl) }
    },
  }
}

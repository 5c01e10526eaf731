import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mintAgent } from '../../test/chat-support.ts'
import { testDialect } from '../../test/harness.ts'
import { headerOf, startSmtpReceiver, type SmtpReceiver } from '../../test/smtp-receiver.ts'
import { postContact } from '../../routes/requests/requests-test-support.ts'
import { INBOUND_DOMAIN, replyApp } from './mail-replies-test-kit.ts'
import { tokenOf } from './reply-address.ts'

let receiver: SmtpReceiver
beforeAll(async () => {
  receiver = await startSmtpReceiver()
})
afterAll(() => receiver.close())

/** A contact ticket filed on an app that mails over real SMTP, its acknowledgement sent. */
async function contactOverSmtp(env: Record<string, string> = {}) {
  const ctx = await replyApp({
    SMTP_URL: receiver.url,
    SMTP_FROM: 'Lumen <no-reply@lumen.example>',
    ...env,
  })
  const before = receiver.received.length
  const res = await postContact(ctx, {
    message: 'Hello',
    name: 'Eve',
    email: 'eve@example.com',
    locale: 'en',
  })
  const { ticketId } = (await res.json()) as { ticketId: string }
  await ctx.drainOutbox()
  return { ctx, before, ticketId }
}

describe(`ticket emails over SMTP (${testDialect})`, () => {
  it('carry the ticket’s reply address and thread headers on every email about it', async () => {
    const { ctx, before, ticketId } = await contactOverSmtp()
    const agent = await mintAgent(ctx)
    await agent.post(`/v1/agent/tickets/${ticketId}/replies`, { body: 'Shipped today.' })
    await ctx.drainOutbox()
    await ctx.deps.mailer.close()
    const mails = receiver.received.slice(before)
    expect(mails).toHaveLength(2)
    const root = `<${ticketId}.thread@lumen.example>`
    const replyTo = headerOf(mails[0]!.raw, 'reply-to')
    expect(replyTo).toMatch(
      new RegExp(`^reply\\+[0-9a-f]{40}@${INBOUND_DOMAIN.replace(/\./g, '\\.')}$`),
    )
    expect(tokenOf(replyTo!, INBOUND_DOMAIN)).toBeDefined()
    for (const mail of mails) {
      expect(headerOf(mail.raw, 'reply-to')).toBe(replyTo)
      expect(headerOf(mail.raw, 'in-reply-to')).toBe(root)
      expect(headerOf(mail.raw, 'references')).toBe(root)
      // Each message keeps its own stable id, never the thread's root.
      expect(mail.messageId).toMatch(/^<ob_[A-Za-z0-9_-]{22}@lumen\.example>$/)
    }
    expect(mails[0]!.messageId).not.toBe(mails[1]!.messageId)
  })

  it('carry no Reply-To when replies are not received, and still thread', async () => {
    const { ctx, before, ticketId } = await contactOverSmtp({
      INBOUND_MAIL_DOMAIN: '',
      INBOUND_MAIL_SECRET: '',
    })
    await ctx.deps.mailer.close()
    const [mail] = receiver.received.slice(before)
    expect(headerOf(mail!.raw, 'reply-to')).toBeUndefined()
    expect(headerOf(mail!.raw, 'in-reply-to')).toBe(`<${ticketId}.thread@lumen.example>`)
  })
})

import { describe, expect, it } from 'vitest'
import { lockNoticeTemplate } from '../agents/lock-notice.ts'
import { authCodeTemplate } from '../auth/code-message.ts'
import type { OutboxTemplate, QueuedMessage } from '../outbox/outbox.ts'
import {
  OUTBOX_PAYLOADS,
  type OutboxPayloads,
  type OutboxTemplateName,
} from '../outbox/payloads.ts'
import { requestAckTemplate } from '../requests/acknowledgement.ts'
import { passwordLinkTemplate, sealLinkToken } from '../team/password-links.ts'
import { ticketNoticeTemplate } from '../tickets/ticket-notices.ts'

/** A value that would break out of text, an attribute or an entity if written unescaped. */
const HOSTILE = `<script>alert("x")</script> & "quoted" 'single' </p><img src=x onerror=alert(1)>`

type EmailTemplate = Exclude<OutboxTemplateName, 'webhook'>

const config = { secretKey: 'k'.repeat(64), publicUrl: 'https://help.shop.example' }

/** Every email template, with payloads in which every free text is hostile. */
const hostile: { [K in EmailTemplate]: OutboxPayloads[K][] } = {
  'auth-code': [
    { challengeId: 'ch_1', counter: 0, locale: 'en', storeName: HOSTILE, keyId: null },
    { challengeId: 'ch_1', counter: 1, locale: 'ar', storeName: HOSTILE, keyId: null },
  ],
  'request-ack': (['return', 'cancel', 'issue', 'contact'] as const).flatMap((kind) => [
    { kind, reference: HOSTILE, orderName: HOSTILE, storeName: HOSTILE, locale: 'fr' as const },
    { kind, reference: HOSTILE, orderName: null, storeName: HOSTILE, locale: 'en' as const },
  ]),
  'ticket-notice': [
    { kind: 'reply', body: HOSTILE } as const,
    { kind: 'refund', amount: { amount: 12.5, currency: 'EUR' } } as const,
    {
      kind: 'decision',
      type: 'return',
      decision: 'declined',
      reason: HOSTILE,
      refund: null,
    } as const,
    {
      kind: 'decision',
      type: 'cancel',
      decision: 'approved',
      reason: HOSTILE,
      refund: { state: 'released', amount: { amount: 30, currency: 'USD' } },
    } as const,
  ].map((notice) => ({
    notice,
    locale: 'de' as const,
    storeName: HOSTILE,
    reference: HOSTILE,
    orderName: HOSTILE,
  })),
  'agent-login-locked': [{ storeName: HOSTILE, until: HOSTILE, address: HOSTILE }],
  'agent-password-link': (['invite', 'reset'] as const).map((purpose) => ({
    linkId: 'apl_1',
    sealedToken: sealLinkToken(config, 'apl_1', `plset_${HOSTILE}`),
    purpose,
    storeName: HOSTILE,
    agentName: HOSTILE,
    byName: HOSTILE,
    expiresAt: HOSTILE,
  })),
}

/** The templates as templates.ts registers them (the webhook one renders no email). */
const templates: { [K in EmailTemplate]: OutboxTemplate<K> } = {
  'auth-code': authCodeTemplate(config),
  'request-ack': requestAckTemplate(),
  'ticket-notice': ticketNoticeTemplate(),
  'agent-login-locked': lockNoticeTemplate(config),
  'agent-password-link': passwordLinkTemplate(config),
}

async function renderEmail<K extends EmailTemplate>(name: K, params: OutboxPayloads[K]) {
  const message: QueuedMessage<K> = {
    id: 'ob_1',
    channel: 'email',
    to: 'ada@example.com',
    template: name,
    params,
    storeId: 'st_1',
    attempts: 1,
  }
  const template = templates[name]
  const rendered = await template.render(message)
  if (rendered.channel !== 'email') throw new Error(`${name} rendered ${rendered.channel}`)
  return rendered
}

describe('every email escapes the values it is given', () => {
  it('has hostile payloads for every email template, and each fits its schema', () => {
    const names = Object.keys(OUTBOX_PAYLOADS).filter((n) => n !== 'webhook')
    expect(Object.keys(hostile).sort()).toEqual(names.sort())
    for (const [name, payloads] of Object.entries(hostile)) {
      for (const p of payloads) {
        expect(OUTBOX_PAYLOADS[name as EmailTemplate].safeParse(p).success, name).toBe(true)
      }
    }
  })

  for (const name of Object.keys(hostile) as EmailTemplate[]) {
    it(`${name}: no markup of the values reaches the HTML part`, async () => {
      for (const params of hostile[name]) {
        const mail = await renderEmail(name, params as never)
        const body = mail.html.slice(mail.html.indexOf('<body'))
        expect(mail.html).not.toContain('<script')
        expect(mail.html).not.toContain('<img')
        expect(mail.html).not.toMatch(/<\/p><img/)
        // Each value that was shown was shown escaped: tags, quotes and ampersands.
        expect(body).toContain(
          '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot;',
        )
        expect(body).toContain('&#39;single&#39;')
        expect(mail.html).toContain('<title>')
        // The plain text part says it as it is, for a mail client that shows text.
        expect(mail.text).toContain('<script>alert("x")</script> & "quoted"')
        // Only the shell's own tags are left once every escaped value is taken out.
        const tags = [...mail.html.matchAll(/<([a-z]+)[\s>]/g)].map((m) => m[1])
        // (the set-password email's link is the shell's own too: its address is ours)
        const shell = ['html', 'head', 'meta', 'title', 'body', 'p']
        expect(new Set(tags)).toEqual(
          new Set(name === 'agent-password-link' ? [...shell, 'a'] : shell),
        )
      }
    })
  }
})

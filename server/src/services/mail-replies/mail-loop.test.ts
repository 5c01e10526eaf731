import { describe, expect, it } from 'vitest'
import { automatedMail } from './mail-loop.ts'

const h = (entries: Record<string, string>) => new Map(Object.entries(entries))

describe('automatedMail', () => {
  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'auto_submitted'],
    [{ 'auto-submitted': 'auto-generated' }, 'auto_submitted'],
    [{ 'auto-submitted': 'Auto-Notified; owner-email="x@y"' }, 'auto_submitted'],
    [{ precedence: 'bulk' }, 'bulk_precedence'],
    [{ precedence: 'JUNK' }, 'bulk_precedence'],
    [{ precedence: ' list ' }, 'bulk_precedence'],
    [{ 'x-autoreply': 'yes' }, 'auto_reply'],
    [{ 'x-autorespond': 'x' }, 'auto_reply'],
    [{ 'x-auto-response-suppress': 'All' }, 'auto_reply'],
    [{ 'message-id': '<ob_AAAAAAAAAAAAAAAAAAAAAA@lumen.example>' }, 'our_own_message'],
    [{ 'message-id': '<tk_AAAAAAAAAAAAAAAAAAAAAA.thread@lumen.example>' }, 'our_own_message'],
  ])('tells machine mail by %j', (headers, reason) => {
    expect(automatedMail(h(headers))).toBe(reason)
  })

  it.each([
    [{}],
    [{ 'auto-submitted': 'no' }],
    [{ 'auto-submitted': 'No' }],
    [{ precedence: 'first-class' }],
    [{ 'message-id': '<CAF=abc@mail.gmail.com>' }],
    [{ 'message-id': '<ob_short@lumen.example>' }],
  ])('takes %j as a person’s mail', (headers) => {
    expect(automatedMail(h(headers))).toBeNull()
  })
})

import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signWebhook, verifyWebhookSignature } from './signature.ts'

const at = new Date('2026-01-15T12:00:00.750Z')
const body = '{"id":"evt_1","type":"ticket.updated"}'

describe('webhook signatures', () => {
  it('signs "<unix seconds>.<raw body>" with HMAC-SHA256, hex', () => {
    const expected = createHmac('sha256', 'whsec_x').update(`1768478400.${body}`).digest('hex')
    expect(signWebhook('whsec_x', body, at)).toBe(`t=1768478400,v1=${expected}`)
  })

  it('verifies its own signatures, and refuses any change, other secrets and old timestamps', () => {
    const header = signWebhook('whsec_x', body, at)
    expect(verifyWebhookSignature('whsec_x', body, header, at)).toBe(true)
    expect(verifyWebhookSignature('whsec_y', body, header, at)).toBe(false)
    expect(verifyWebhookSignature('whsec_x', `${body} `, header, at)).toBe(false)
    expect(verifyWebhookSignature('whsec_x', body, header, new Date(at.getTime() + 301_000))).toBe(
      false,
    )
    const [t, v1] = header.split(',')
    const moved = `t=${Number(t!.slice(2)) + 1},${v1}`
    expect(verifyWebhookSignature('whsec_x', body, moved, at)).toBe(false)
    for (const bad of [undefined, '', 't=1', 'v1=abc', 't=x,v1=' + '0'.repeat(64)]) {
      expect(verifyWebhookSignature('whsec_x', body, bad, at)).toBe(false)
    }
  })
})

import { describe, expect, it } from 'vitest'
import { mailLocales } from '@porchlight/shared/i18n/mail/messages'
import { findStoreById } from '../../db/stores.repository.ts'
import { insertTicket } from '../../db/tickets.repository.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import type { QueuedMessage } from '../outbox/outbox.ts'
import { readPayload } from '../outbox/payloads.ts'
import {
  REQUEST_ACK_TEMPLATE,
  renderAckEmail,
  renderAckSms,
  requestAckTemplate,
  enqueueContactAcknowledgement,
  type RequestAckParams,
} from './acknowledgement.ts'

const params: RequestAckParams = {
  kind: 'return',
  reference: '#1042',
  orderName: '#1006',
  storeName: 'Lumen & Loom',
  locale: 'en',
}

function queued(channel: 'email' | 'sms', p: RequestAckParams): QueuedMessage<'request-ack'> {
  return {
    id: 'ob_1',
    channel,
    to: 'ada@example.com',
    template: REQUEST_ACK_TEMPLATE,
    params: p,
    storeId: 'st_demo',
    attempts: 1,
  }
}

describe('request acknowledgement', () => {
  it.each(mailLocales)('names the store, the reference and the order in %s', (locale) => {
    for (const kind of ['return', 'cancel', 'issue', 'contact'] as const) {
      const email = renderAckEmail({ ...params, kind, locale })
      expect(email.subject).toContain('Lumen & Loom')
      expect(email.subject).toContain('#1042')
      expect(email.text).toContain('#1042')
      expect(email.text).toContain('#1006')
      expect(email.html).toContain(`lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`)
      const sms = renderAckSms({ ...params, kind, locale })
      expect(sms).toContain('#1042')
      expect(sms.length).toBeLessThanOrEqual(160)
    }
  })

  it('says each kind of request in its own words', () => {
    const first = (kind: RequestAckParams['kind'], orderName: string | null = '#1006') =>
      renderAckEmail({ ...params, kind, orderName }).text.split('\n')[0]
    expect(first('return')).toBe('We received your return request #1042 for order #1006.')
    expect(first('cancel')).toBe('We received your request #1042 to cancel order #1006.')
    expect(first('issue')).toBe('We received your report #1042 about order #1006.')
    expect(first('contact')).toBe('We received your message #1042 about order #1006.')
    expect(first('contact', null)).toBe('We received your message #1042.')
  })

  it('keeps a hostile store name to one escaped line', () => {
    const email = renderAckEmail({ ...params, storeName: 'Evil\r\nBcc: x@example.com <b>' })
    expect(email.subject).toBe('Evil Bcc: x@example.com <b>: we received your request #1042')
    expect(email.html).not.toContain('<b>')
    expect(email.html).toContain('&lt;b&gt;')
  })

  it('renders through the outbox template', async () => {
    const template = requestAckTemplate()
    const email = await template.render(queued('email', { ...params }))
    expect(email).toMatchObject({ channel: 'email', subject: expect.stringContaining('#1042') })
    const sms = await template.render(queued('sms', { ...params, kind: 'cancel' }))
    expect(sms).toEqual({
      channel: 'sms',
      body: 'Lumen & Loom: we received your request #1042 about order #1006. The team will review it and get back to you.',
    })
  })

  it('refuses malformed params (the worker then fails the row for good)', () => {
    for (const broken of [{ ...params, locale: 'xx' }, { ...params, kind: 'refund' }, {}]) {
      expect(readPayload(REQUEST_ACK_TEMPLATE, broken)).toBeUndefined()
    }
    expect(readPayload(REQUEST_ACK_TEMPLATE, { ...params })).toEqual(params)
  })
})

describe(`enqueueContactAcknowledgement (${testDialect})`, () => {
  it("acknowledges another feature's contact ticket in its transaction", async () => {
    const ctx = await createTestApp()
    const store = await findStoreById(ctx.db, DEMO_STORE_ID)
    if (store === undefined) throw new Error('no demo store')
    const result = await ctx.db.transaction().execute(async (trx) => {
      const ticket = await insertTicket(trx, {
        store_id: DEMO_STORE_ID,
        type: 'contact',
        status: 'open',
        channel: 'chat',
        locale: 'es',
        comment: 'left for later',
        created_at: ctx.clock.now().getTime(),
        updated_at: ctx.clock.now().getTime(),
      })
      return enqueueContactAcknowledgement(trx, {
        store,
        ticket,
        email: 'eve@example.com',
        locale: 'es-MX',
      })
    })
    expect(result).toEqual({ queued: true })
    await ctx.drainOutbox()
    const sent = ctx.deps.devOutbox?.list() ?? []
    expect(sent.map((m) => m.channel === 'email' && [m.to, m.subject])).toEqual([
      ['eve@example.com', 'Lumen & Loom: hemos recibido tu solicitud T-1001'],
    ])
  })
})

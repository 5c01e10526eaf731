import { describe, expect, it } from 'vitest'
import type { RequestFiled } from '@porchlight/shared/api/requests'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'
import {
  ada,
  addOtherStore,
  chidiPhone,
  delivered,
  errorCode,
  id,
  newKey,
  postContact,
  signIn,
  tickets,
} from './requests-test-support.ts'

const anonymous = {
  message: 'Do you ship to Norway? <a href="https://spam.example">win</a>',
  name: '  Eve <Example> ',
  email: '  Eve.Stranger@Example.COM ',
  locale: 'en',
}

describe(`POST /v1/contact without signing in (${testDialect})`, () => {
  it('files a contact ticket with the message as given and acknowledges it by email', async () => {
    const ctx = await createTestApp()
    const res = await postContact(ctx, anonymous)
    expect(res.status).toBe(201)
    const filed = (await res.json()) as RequestFiled
    expect(filed).toMatchObject({ reference: 'T-1001', type: 'contact', requestStatus: null })
    const [ticket, ...others] = await tickets(ctx)
    expect(others).toEqual([])
    expect(ticket).toMatchObject({
      id: filed.ticketId,
      type: 'contact',
      status: 'open',
      request_status: null,
      channel: 'contact-form',
      order_id: null,
      identity_kind: null,
      identity_value: null,
      contact_name: anonymous.name,
      contact_email: 'eve.stranger@example.com',
      comment: anonymous.message,
      reason: null,
      tags: ['porchlight', 'contact-form'],
    })
    const sent = await delivered(ctx)
    expect(sent.map((m) => [m.channel, m.to])).toEqual([['email', 'eve.stranger@example.com']])
    const mail = sent[0]
    if (mail?.channel !== 'email') throw new Error('expected an email')
    expect(mail.text).toContain('We received your message T-1001.')
    expect(mail.text).toContain('The Lumen & Loom team will read it and reply to you.')
    // Nothing the sender typed travels to the address they typed.
    for (const typed of ['spam.example', 'Norway', 'Eve']) {
      expect(mail.text + mail.html + mail.subject).not.toContain(typed)
    }
  })

  it('acknowledges in the language of the message (fr)', async () => {
    const ctx = await createTestApp()
    expect((await postContact(ctx, { ...anonymous, locale: 'fr' })).status).toBe(201)
    const [mail] = await delivered(ctx)
    if (mail?.channel !== 'email') throw new Error('expected an email')
    expect(mail.subject).toBe('Lumen & Loom : nous avons bien reçu votre demande T-1001')
    expect(mail.text).toContain('Nous avons bien reçu votre message T-1001.')
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['no name', { ...anonymous, name: undefined }, 'validation_failed'],
    ['no email', { ...anonymous, email: undefined }, 'validation_failed'],
    ['a blank name', { ...anonymous, name: '   ' }, 'validation_failed'],
    ['an invalid email', { ...anonymous, email: 'eve@@example' }, 'invalid_email'],
    ['two addresses', { ...anonymous, email: 'a@example.com, b@example.com' }, 'invalid_email'],
    ['an order without signing in', { ...anonymous, orderId: id(1001) }, 'validation_failed'],
    ['an empty message', { ...anonymous, message: '' }, 'validation_failed'],
    ['a blank message', { ...anonymous, message: ' \n\t ' }, 'validation_failed'],
    [
      'a message of 5,001 characters',
      { ...anonymous, message: 'x'.repeat(5001) },
      'validation_failed',
    ],
    ['an unknown field', { ...anonymous, subject: 'Hi' }, 'validation_failed'],
    ['no locale', { ...anonymous, locale: undefined }, 'validation_failed'],
  ])('answers 400 for %s', async (_name, body, code) => {
    const ctx = await createTestApp()
    const res = await postContact(ctx, body)
    expect(res.status).toBe(400)
    expect(errorCode(await res.json())).toBe(code)
    expect(await tickets(ctx)).toEqual([])
  })

  it('takes a message of exactly 5,000 characters', async () => {
    const ctx = await createTestApp()
    const res = await postContact(ctx, { ...anonymous, message: 'y'.repeat(5000) })
    expect(res.status).toBe(201)
  })

  it('needs the store key, and an Idempotency-Key', async () => {
    const ctx = await createTestApp()
    const noStore = await postContact(ctx, anonymous, { headers: { 'x-porchlight-key': '' } })
    expect(noStore.status).toBe(404)
    expect(errorCode(await noStore.json())).toBe('store_not_found')
    const unknown = await postContact(ctx, anonymous, {
      headers: { 'x-porchlight-key': 'pk_nobody_here' },
    })
    expect(errorCode(await unknown.json())).toBe('store_not_found')
    const noKey = await postContact(ctx, anonymous, { key: null })
    expect(noKey.status).toBe(400)
    expect(errorCode(await noKey.json())).toBe('idempotency_key_missing')
    expect(await tickets(ctx)).toEqual([])
  })

  it('answers a retry with the same ticket, and a reused key with 422', async () => {
    const ctx = await createTestApp()
    const key = newKey()
    const first = await postContact(ctx, anonymous, { key })
    const retry = await postContact(ctx, { ...anonymous }, { key, ip: '198.51.100.7' })
    expect([first.status, retry.status]).toEqual([201, 200])
    expect(await retry.json()).toEqual(await first.json())
    const reused = await postContact(ctx, { ...anonymous, message: 'Another' }, { key })
    expect(reused.status).toBe(422)
    expect(errorCode(await reused.json())).toBe('idempotency_key_reused')
    // Keys are scoped by the sender's address: someone else's same key is their own.
    const other = await postContact(ctx, { ...anonymous, email: 'zoe@example.com' }, { key })
    expect(other.status).toBe(201)
    expect(await tickets(ctx)).toHaveLength(2)
    expect(await delivered(ctx)).toHaveLength(2)
  })

  it('makes one ticket of identical concurrent submits', async () => {
    const ctx = await createTestApp()
    const key = newKey()
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => postContact(ctx, anonymous, { key })),
    )
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 201])
    expect(await tickets(ctx)).toHaveLength(1)
    expect(await delivered(ctx)).toHaveLength(1)
  })

  it('limits anonymous messages per client address, retries aside', async () => {
    const ctx = await createTestApp()
    const keys: string[] = []
    for (let i = 0; i < 10; i++) {
      keys.push(newKey())
      const res = await postContact(
        ctx,
        { ...anonymous, email: `visitor${i}@example.com` },
        { key: keys[i] },
      )
      expect(res.status).toBe(201)
    }
    const eleventh = await postContact(ctx, { ...anonymous, email: 'visitor10@example.com' })
    expect(eleventh.status).toBe(429)
    expect(eleventh.headers.get('retry-after')).toBe('3600')
    expect(await eleventh.json()).toMatchObject({
      error: { code: 'rate_limited', details: { retryAfterSeconds: 3600 } },
    })
    // A retry of an accepted message is still answered; another address is not held back.
    const retry = await postContact(
      ctx,
      { ...anonymous, email: 'visitor3@example.com' },
      { key: keys[3] },
    )
    expect(retry.status).toBe(200)
    const elsewhere = await postContact(ctx, anonymous, { ip: '198.51.100.20' })
    expect(elsewhere.status).toBe(201)
    // An hour later the address may write again.
    ctx.clock.advance(3600_000)
    expect((await postContact(ctx, { ...anonymous, email: 'late@example.com' })).status).toBe(201)
    expect(await tickets(ctx)).toHaveLength(12)
  })

  it('limits acknowledgements to one recipient, whatever the client address', async () => {
    const ctx = await createTestApp()
    for (let i = 0; i < 5; i++) {
      const res = await postContact(ctx, anonymous, { ip: `203.0.113.${i + 1}` })
      expect(res.status).toBe(201)
    }
    const sixth = await postContact(ctx, anonymous, { ip: '203.0.113.99' })
    expect(sixth.status).toBe(429)
    expect(await delivered(ctx)).toHaveLength(5)
  })

  it('holds the recipient limit under 20 parallel messages to +tags of one mailbox', async () => {
    const ctx = await createTestApp()
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postContact(ctx, { ...anonymous, email: `eve+${i}@example.com` }, { ip: `203.0.113.${i}` }),
      ),
    )
    expect(sent.filter((r) => r.status === 201)).toHaveLength(5)
    expect(sent.filter((r) => r.status === 429)).toHaveLength(15)
    // Each ticket keeps the address as typed; five emails left, one per accepted message.
    const typed = (await tickets(ctx)).map((t) => t.contact_email)
    expect(new Set(typed).size).toBe(5)
    expect(await delivered(ctx)).toHaveLength(5)
  })
})

describe(`POST /v1/contact signed in (${testDialect})`, () => {
  it("files a message about one of the shopper's orders", async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const body = { message: 'Can you gift-wrap it?', orderId: id(1001), locale: 'en' }
    const res = await postContact(ctx, body, { headers })
    expect(res.status).toBe(201)
    expect((await tickets(ctx))[0]).toMatchObject({
      type: 'contact',
      channel: 'contact-form',
      order_id: id(1001),
      order_name: '#1001',
      identity_kind: 'email',
      identity_value: 'ada@example.com',
      contact_name: null,
      contact_email: null,
    })
    const sent = await delivered(ctx)
    expect(sent.map((m) => m.channel === 'email' && [m.to, m.text.split('\n')[0]])).toEqual([
      ['ada@example.com', 'We received your message T-1001 about order #1001.'],
    ])
    // It shows among the shopper's requests.
    const list = await ctx.app.request('/v1/requests', { headers })
    expect(await list.json()).toMatchObject({
      requests: [{ type: 'contact', orderName: '#1001', requestStatus: null }],
    })
  })

  it('is not held to the anonymous limits', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    for (let i = 0; i < 12; i++) {
      const res = await postContact(ctx, { message: `Note ${i}`, locale: 'en' }, { headers })
      expect(res.status).toBe(201)
    }
  })

  it("answers 404 for an order that is not the shopper's", async () => {
    const ctx = await createTestApp()
    await addOtherStore(ctx)
    const headers = await signIn(ctx, ada)
    for (const orderId of [id(1012), id(1001, 'st_other'), 'nope', '../x']) {
      const res = await postContact(ctx, { message: 'Hi', orderId, locale: 'en' }, { headers })
      expect([orderId, res.status]).toEqual([orderId, 404])
      expect(errorCode(await res.json())).toBe('order_not_found')
    }
    expect(await tickets(ctx)).toEqual([])
  })

  it('refuses a session of another store, or a dead token, instead of ignoring it', async () => {
    const ctx = await createTestApp()
    await addOtherStore(ctx)
    const other = await mintShopperSession(ctx, 'st_other', ada)
    const body = { message: 'Hi', orderId: id(1001, 'st_other'), locale: 'en' }
    const crossed = await postContact(ctx, body, { headers: other.headers })
    expect(crossed.status).toBe(401)
    expect(errorCode(await crossed.json())).toBe('session_missing')
    const dead = await postContact(ctx, anonymous, {
      headers: { authorization: 'Bearer pls_not-a-live-session-token' },
    })
    expect(dead.status).toBe(401)
    const malformed = await postContact(ctx, anonymous, { headers: { authorization: 'Basic x' } })
    expect(malformed.status).toBe(401)
    const stale = await signIn(ctx, ada)
    ctx.clock.advance(25 * 3600_000)
    const expired = await postContact(ctx, anonymous, { headers: stale })
    expect(expired.status).toBe(401)
    expect(errorCode(await expired.json())).toBe('session_expired')
    expect(await tickets(ctx)).toEqual([])
    expect(await tickets(ctx, 'st_other')).toEqual([])
  })

  it('texts a phone-verified shopper who gave no email, and emails one who did', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, chidiPhone)
    expect((await postContact(ctx, { message: 'Hi', locale: 'de' }, { headers })).status).toBe(201)
    const withEmail = { message: 'Hi again', email: 'Chidi@Example.com', locale: 'en' }
    expect((await postContact(ctx, withEmail, { headers })).status).toBe(201)
    const sent = await delivered(ctx)
    expect(sent.map((m) => [m.channel, m.to])).toEqual([
      ['sms', DEMO_SHOPPERS.chidi.phone],
      ['email', 'chidi@example.com'],
    ])
    expect(sent[0]?.text).toBe(
      'Lumen & Loom: Wir haben Ihre Nachricht T-1001 erhalten. Das Team antwortet Ihnen.',
    )
  })
})

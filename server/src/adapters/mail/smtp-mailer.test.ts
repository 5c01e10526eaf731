import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerAddress } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import { errorCode, startChallenge, verify } from '../../routes/auth/auth-test-kit.ts'
import { headerOf } from '../../test/smtp-receiver.ts'
import { DeliveryError } from '../delivery-error.ts'
import { createSmtpMailer } from './smtp-mailer.ts'

interface Received {
  from: string
  to: string[]
  raw: string
}

// A real SMTP server on a free local port, so the test exercises nodemailer end to end.
const inbox: Received[] = []
let connections = 0
let port = 0
const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  logger: false,
  onConnect(_session, callback) {
    connections += 1
    callback()
  },
  onAuth(auth, _session, callback) {
    if (auth.username === 'porchlight' && auth.password === 's3cret pass') {
      callback(null, { user: auth.username })
    } else {
      callback(new Error('Invalid username or password'))
    }
  },
  onRcptTo(address: SMTPServerAddress, _session, callback) {
    const fail = (message: string, responseCode: number) =>
      callback(Object.assign(new Error(message), { responseCode }))
    if (address.address.startsWith('nobody@')) return fail('No such user here', 550)
    if (address.address.startsWith('busy@')) return fail('Try again later', 451)
    callback()
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = []
    stream.on('data', (c: Buffer) => chunks.push(c))
    stream.on('end', () => {
      inbox.push({
        from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      })
      callback()
    })
  },
})

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const smtpUrl = () => `smtp://porchlight:${encodeURIComponent('s3cret pass')}@127.0.0.1:${port}`
const headersOf = (raw: string) => raw.slice(0, raw.indexOf('\r\n\r\n')).split(/\r\n(?![ \t])/)
const mailerFor = (env: Record<string, string>) => {
  const smtp = loadConfig({ SMTP_FROM: 'Porchlight <codes@shop.example>', ...env }).smtp
  if (smtp === undefined) throw new Error('no smtp config')
  return createSmtpMailer(smtp)
}
const message = (to: string, subject = 'Hello') => ({
  to,
  subject,
  text: 'Body',
  html: '<p>Body</p>',
})

describe('SMTP mailer against a real SMTP server', () => {
  it('delivers text and HTML from SMTP_FROM over SMTP_URL with authentication', async () => {
    const mailer = mailerFor({ SMTP_URL: smtpUrl() })
    const before = inbox.length
    await mailer.send(message('ada@example.com', 'Your sign-in code'))
    await mailer.close()
    const got = inbox.slice(before)
    expect(got).toHaveLength(1)
    expect(got[0]?.from).toBe('codes@shop.example')
    expect(got[0]?.to).toEqual(['ada@example.com'])
    const headers = headersOf(got[0]?.raw ?? '')
    expect(headers).toContain('Subject: Your sign-in code')
    expect(headers).toContain('From: Porchlight <codes@shop.example>')
    expect(got[0]?.raw).toContain('Content-Type: text/plain')
    expect(got[0]?.raw).toContain('Content-Type: text/html')
  })

  it('works from SMTP_HOST, SMTP_PORT, SMTP_USER and SMTP_PASSWORD too', async () => {
    const mailer = mailerFor({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_USER: 'porchlight',
      SMTP_PASSWORD: 's3cret pass',
    })
    const before = inbox.length
    await mailer.send(message('bob@example.com'))
    await mailer.close()
    expect(inbox.slice(before).map((m) => m.to)).toEqual([['bob@example.com']])
  })

  it('keeps a small pool of connections for many messages', async () => {
    const mailer = mailerFor({ SMTP_URL: smtpUrl() })
    const before = connections
    await Promise.all(
      Array.from({ length: 9 }, (_, i) => mailer.send(message(`p${i}@example.com`))),
    )
    await mailer.close()
    expect(connections - before).toBeGreaterThan(0)
    expect(connections - before).toBeLessThanOrEqual(5)
  })

  it('sends the Message-ID derived from the outbox row, the same on every attempt', async () => {
    const mailer = mailerFor({ SMTP_URL: smtpUrl() })
    const before = inbox.length
    await mailer.send({ ...message('ada@example.com'), id: 'ob_Abc-1' })
    await mailer.send({ ...message('ada@example.com'), id: 'ob_Abc-1' })
    await mailer.send({ ...message('ada@example.com'), id: 'ob_Other' })
    await mailer.close()
    const ids = inbox.slice(before).map((m) => headerOf(m.raw, 'message-id'))
    expect(ids).toEqual([
      '<ob_Abc-1@shop.example>',
      '<ob_Abc-1@shop.example>',
      '<ob_Other@shop.example>',
    ])
  })

  it('cannot be made to add a header or a recipient through the subject', async () => {
    const mailer = mailerFor({ SMTP_URL: smtpUrl() })
    const before = inbox.length
    await mailer.send(
      message('ada@example.com', 'Hi\r\nBcc: victim@evil.test\r\nX-Injected: yes\n\nbody'),
    )
    await mailer.close()
    const got = inbox.slice(before)
    expect(got.map((m) => m.to)).toEqual([['ada@example.com']])
    const headers = headersOf(got[0]?.raw ?? '')
    expect(headers.filter((h) => /^(bcc|x-injected):/i.test(h))).toEqual([])
  })

  it.each([
    ['ada@example.com, victim@evil.test'],
    ['Ada <ada@example.com>'],
    ['ada@example.com\r\nBcc: victim@evil.test'],
    ['ada@example.com;victim@evil.test'],
  ])('refuses a recipient that is not one plain address: %j', async (to) => {
    const mailer = mailerFor({ SMTP_URL: smtpUrl() })
    const before = inbox.length
    await expect(mailer.send(message(to))).rejects.toMatchObject({
      reason: 'invalid_recipient',
      permanent: true,
    })
    await mailer.close()
    expect(inbox.length).toBe(before)
  })

  it('reports a 5xx refusal of the recipient as permanent and a 4xx as retryable', async () => {
    const mailer = mailerFor({ SMTP_URL: smtpUrl() })
    const permanent = await mailer.send(message('nobody@example.com')).catch((e: unknown) => e)
    const later = await mailer.send(message('busy@example.com')).catch((e: unknown) => e)
    await mailer.close()
    expect(permanent).toBeInstanceOf(DeliveryError)
    expect(permanent).toMatchObject({ reason: 'invalid_recipient', permanent: true })
    expect(later).toMatchObject({ permanent: false })
  })

  it('reports wrong credentials and an unreachable server as retryable', async () => {
    const wrong = mailerFor({ SMTP_URL: `smtp://porchlight:nope@127.0.0.1:${port}` })
    await expect(wrong.send(message('ada@example.com'))).rejects.toMatchObject({ permanent: false })
    await wrong.close()
    const down = mailerFor({ SMTP_URL: 'smtp://127.0.0.1:1' })
    await expect(down.send(message('ada@example.com'))).rejects.toMatchObject({
      reason: 'unavailable',
      permanent: false,
    })
    await down.close()
  })
})

describe(`sign-in through SMTP (${testDialect})`, () => {
  async function app() {
    const ctx = await createTestApp({
      env: { SMTP_URL: smtpUrl(), SMTP_FROM: 'Lumen <codes@shop.example>' },
    })
    return ctx
  }

  it('sends the code by email and signs in with it', async () => {
    const ctx = await app()
    const before = inbox.length
    const id = await startChallenge(ctx, 'smtp-ada@example.com')
    expect(await ctx.drainOutbox()).toEqual({ sent: 1, retried: 0, failed: 0 })
    await ctx.deps.mailer.close()
    const got = inbox.slice(before)
    expect(got.map((m) => m.to)).toEqual([['smtp-ada@example.com']])
    expect(headersOf(got[0]?.raw ?? '')).toContain('Subject: Your sign-in code for Lumen & Loom')
    const code = /^ {4}([0-9]{6})\r?$/m.exec(got[0]?.raw ?? '')?.[1]
    expect(code).toMatch(/^[0-9]{6}$/)
    expect((await verify(ctx, id, code)).status).toBe(200)
    // The row's own id names the message, so a resend after a crash is recognisable.
    const row = await ctx.db.selectFrom('outbox_messages').select('id').executeTakeFirstOrThrow()
    expect(headerOf(got[0]?.raw ?? '', 'message-id')).toBe(`<${row.id}@shop.example>`)
    // Nothing went to the dev outbox: SMTP is configured.
    expect(ctx.deps.devOutbox?.list()).toEqual([])
  })

  it('keeps a CR/LF in the store name out of the headers', async () => {
    const ctx = await app()
    await ctx.db
      .updateTable('stores')
      .set({ name: 'Evil\r\nBcc: victim@evil.test\r\nX-Injected: yes' })
      .where('id', '=', DEMO_STORE_ID)
      .execute()
    const before = inbox.length
    await startChallenge(ctx, 'smtp-bob@example.com')
    await ctx.drainOutbox()
    await ctx.deps.mailer.close()
    const got = inbox.slice(before)
    expect(got.map((m) => m.to)).toEqual([['smtp-bob@example.com']])
    const headers = headersOf(got[0]?.raw ?? '')
    expect(headers.filter((h) => /^(bcc|x-injected):/i.test(h))).toEqual([])
    expect(headers).toContain(
      'Subject: Your sign-in code for Evil Bcc: victim@evil.test X-Injected: yes',
    )
  })

  it('ends the challenge when the address is refused, with a clear answer', async () => {
    const ctx = await app()
    const id = await startChallenge(ctx, 'nobody@example.com')
    expect(await ctx.drainOutbox()).toEqual({ sent: 0, retried: 0, failed: 1 })
    await ctx.deps.mailer.close()
    const res = await verify(ctx, id, '123456')
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toBe('undeliverable')
    const status = await ctx.app.request(`/v1/auth/challenges/${id}`, {
      headers: { 'x-porchlight-key': 'pk_demo_lumen' },
    })
    expect(await status.json()).toEqual({ delivery: 'failed', failure: 'undeliverable' })
  })

  it('retries when the server says "later", then delivers', async () => {
    const ctx = await app()
    await startChallenge(ctx, 'busy@example.com')
    expect(await ctx.drainOutbox()).toEqual({ sent: 0, retried: 1, failed: 0 })
    await ctx.deps.mailer.close()
    const row = await ctx.db.selectFrom('outbox_messages').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row.last_error).toMatch(/451/)
  })
})

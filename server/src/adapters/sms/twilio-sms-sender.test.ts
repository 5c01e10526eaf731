import { http, HttpResponse } from 'msw/http'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import { errorCode, resend } from '../../routes/auth/auth-test-kit.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'
import { createTwilioSmsSender } from './twilio-sms-sender.ts'

const SID = 'AC0123456789abcdef0123456789abcdef'
const TOKEN = 'twilio-auth-token-for-tests'
const messagesUrl = `https://api.twilio.com/2010-04-01/Accounts/${SID}/Messages.json`

interface Seen {
  auth: string | null
  form: Record<string, string>
}
const seen: Seen[] = []

/** Answers like Twilio's Messages API: 201 with the message, or its error document. */
function twilioAnswers(...answers: Array<'ok' | { status: number; code: number }>) {
  return http.post(messagesUrl, async ({ request }) => {
    const form = Object.fromEntries(new URLSearchParams(await request.text()))
    seen.push({ auth: request.headers.get('authorization'), form })
    const answer = answers.length > 1 ? answers.shift() : answers[0]
    if (answer === undefined || answer === 'ok') {
      return HttpResponse.json(
        {
          sid: `SM${String(seen.length).padStart(32, '0')}`,
          account_sid: SID,
          to: form['To'],
          from: form['From'] ?? null,
          messaging_service_sid: form['MessagingServiceSid'] ?? null,
          body: form['Body'],
          status: 'queued',
          num_segments: '1',
          direction: 'outbound-api',
          api_version: '2010-04-01',
          date_created: new Date().toUTCString(),
          uri: `/2010-04-01/Accounts/${SID}/Messages/SM1.json`,
        },
        { status: 201 },
      )
    }
    return HttpResponse.json(
      {
        code: answer.code,
        message: `Twilio error ${answer.code}`,
        more_info: `https://www.twilio.com/docs/errors/${answer.code}`,
        status: answer.status,
      },
      { status: answer.status },
    )
  })
}

const network = setupServer()
beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
afterEach(() => {
  network.resetHandlers()
  seen.length = 0
})
afterAll(() => network.close())

const twilioEnv = {
  TWILIO_ACCOUNT_SID: SID,
  TWILIO_AUTH_TOKEN: TOKEN,
  TWILIO_FROM: '+15005550006',
}

function sender(env: Record<string, string> = twilioEnv) {
  const twilio = loadConfig(env).twilio
  if (twilio === undefined) throw new Error('no twilio config')
  return createTwilioSmsSender(twilio)
}

describe('Twilio SMS sender (msw in place of api.twilio.com)', () => {
  it('posts To, From and Body with the account credentials', async () => {
    network.use(twilioAnswers('ok'))
    const result = await sender().send({
      to: '+14155550100',
      body: 'Hello\n\n@shop.example #123456',
    })
    expect(result.messageId).toMatch(/^SM/)
    expect(seen).toEqual([
      {
        auth: `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`,
        form: { To: '+14155550100', From: '+15005550006', Body: 'Hello\n\n@shop.example #123456' },
      },
    ])
  })

  it('tells Twilio which attempt a resend is (its API takes no idempotency key)', async () => {
    network.use(twilioAnswers('ok'))
    await sender().send({ to: '+14155550100', body: 'x', id: 'ob_1', attempt: 2 })
    expect(seen[0]?.form).toEqual({
      To: '+14155550100',
      From: '+15005550006',
      Body: 'x',
      Attempt: '2',
    })
  })

  it('uses the messaging service when one is configured', async () => {
    network.use(twilioAnswers('ok'))
    await sender({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_MESSAGING_SERVICE_SID: 'MG0123456789abcdef0123456789abcdef',
    }).send({ to: '+14155550100', body: 'x' })
    expect(seen[0]?.form).toEqual({
      To: '+14155550100',
      MessagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
      Body: 'x',
    })
  })

  it.each([
    [400, 21211, 'invalid_recipient', true],
    [400, 21614, 'invalid_recipient', true],
    [400, 21610, 'unsubscribed', true],
    [429, 20429, 'throttled', false],
    [500, 20500, 'unavailable', false],
    [503, 20503, 'unavailable', false],
    [401, 20003, 'unavailable', false],
    [400, 21606, 'rejected', true],
  ])('maps HTTP %i / error %i to %s (permanent: %s)', async (status, code, reason, permanent) => {
    network.use(twilioAnswers({ status, code }))
    await expect(sender().send({ to: '+14155550100', body: 'x' })).rejects.toMatchObject({
      reason,
      permanent,
      providerCode: String(code),
    })
    // The SDK's own retry is off: one request, the outbox decides about retries.
    expect(seen).toHaveLength(1)
  })

  it('treats a network failure as retryable', async () => {
    network.use(http.post(messagesUrl, () => HttpResponse.error()))
    await expect(sender().send({ to: '+14155550100', body: 'x' })).rejects.toMatchObject({
      reason: 'unavailable',
      permanent: false,
    })
  })
})

describe(`sign-in by SMS through Twilio (${testDialect})`, () => {
  const app = () =>
    createTestApp({ env: { ...twilioEnv, PUBLIC_URL: 'https://help.shop.example:8443' } })
  const askSms = (ctx: Awaited<ReturnType<typeof app>>, identifier: string, locale = 'en') =>
    ctx.app.request(
      '/v1/auth/challenges',
      jsonRequest(
        'POST',
        { channel: 'sms', identifier, locale },
        { 'x-porchlight-key': 'pk_demo_lumen', 'x-porchlight-test-client-ip': '192.0.2.1' },
      ),
    )
  const status = async (ctx: Awaited<ReturnType<typeof app>>, id: string) =>
    (
      await ctx.app.request(`/v1/auth/challenges/${id}`, {
        headers: { 'x-porchlight-key': 'pk_demo_lumen' },
      })
    ).json()

  it('sends a localized text whose last line is @host #code, and the code signs in', async () => {
    network.use(twilioAnswers('ok'))
    const ctx = await app()
    const { challengeId } = await (await askSms(ctx, '+33 6 12 34 56 78', 'fr')).json()
    expect(await status(ctx, challengeId)).toEqual({ delivery: 'pending' })
    expect(await ctx.drainOutbox()).toEqual({ sent: 1, retried: 0, failed: 0 })
    expect(await status(ctx, challengeId)).toEqual({ delivery: 'sent' })
    const body = seen[0]?.form['Body'] ?? ''
    const lines = body.split('\n')
    expect(lines[0]).toMatch(/^[0-9]{6} est votre code de connexion Lumen & Loom\./)
    const code = /^@help\.shop\.example #([0-9]{6})$/.exec(lines.at(-1) ?? '')?.[1]
    expect(code).toBe(lines[0]?.slice(0, 6))
    const res = await ctx.app.request(
      `/v1/auth/challenges/${challengeId}/verify`,
      jsonRequest('POST', { code }, { 'x-porchlight-key': 'pk_demo_lumen' }),
    )
    expect(res.status).toBe(200)
    expect((await res.json()).identity).toEqual({ kind: 'phone', value: '+33612345678' })
  })

  it.each([
    [21211, 'invalid_phone'],
    [21610, 'phone_unsubscribed'],
  ])('error %i ends the challenge with a clear 400 %s', async (code, answer) => {
    network.use(twilioAnswers({ status: 400, code }))
    const ctx = await app()
    const { challengeId } = await (await askSms(ctx, '+1 415 555 0100')).json()
    expect(await ctx.drainOutbox()).toEqual({ sent: 0, retried: 0, failed: 1 })
    expect(await status(ctx, challengeId)).toEqual({ delivery: 'failed', failure: answer })
    const verify = await ctx.app.request(
      `/v1/auth/challenges/${challengeId}/verify`,
      jsonRequest('POST', { code: '123456' }, { 'x-porchlight-key': 'pk_demo_lumen' }),
    )
    expect([verify.status, await errorCode(verify)]).toEqual([400, answer])
    ctx.clock.advance(30_000)
    const again = await resend(ctx, challengeId)
    expect([again.status, await errorCode(again)]).toEqual([400, answer])
    // Not retried: one request to Twilio, whatever happens later.
    ctx.clock.advance(3600_000)
    await ctx.drainOutbox()
    expect(seen).toHaveLength(1)
  })

  it.each([
    [429, 20429],
    [500, 20500],
    [503, 20503],
  ])('HTTP %i (%i) is retried by the outbox with backoff until it goes through', async (s, c) => {
    network.use(twilioAnswers({ status: s, code: c }, { status: s, code: c }, 'ok'))
    const ctx = await app()
    const { challengeId } = await (await askSms(ctx, '+1 415 555 0100')).json()
    expect(await ctx.drainOutbox()).toEqual({ sent: 0, retried: 1, failed: 0 })
    ctx.clock.advance(4_999)
    expect(await ctx.drainOutbox()).toEqual({ sent: 0, retried: 0, failed: 0 })
    ctx.clock.advance(1)
    expect(await ctx.drainOutbox()).toEqual({ sent: 0, retried: 1, failed: 0 })
    ctx.clock.advance(10_000)
    expect(await ctx.drainOutbox()).toEqual({ sent: 1, retried: 0, failed: 0 })
    expect(seen).toHaveLength(3)
    expect(await status(ctx, challengeId)).toEqual({ delivery: 'sent' })
  })

  it('answers an unknown challenge status with 404', async () => {
    const ctx = await app()
    const res = await ctx.app.request(`/v1/auth/challenges/ch_${'A'.repeat(22)}`, {
      headers: { 'x-porchlight-key': 'pk_demo_lumen' },
    })
    expect([res.status, await errorCode(res)]).toEqual([404, 'challenge_not_found'])
  })
})

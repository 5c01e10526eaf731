import { describe, expect, it } from 'vitest'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { mintAgent, startVisitor, statusAndJson } from '../../test/chat-support.ts'
import { jsonRequest, mintShopperSession, testDialect } from '../../test/harness.ts'
import { ticketActionsSetup } from '../../test/ticket-actions.ts'

const ada = { kind: 'email', value: DEMO_SHOPPERS.ada.email } as const

async function setup() {
  const t = await ticketActionsSetup()
  const shopper = await mintShopperSession(t, 'st_demo', ada)
  const rate = async (
    id: string,
    body: unknown,
    headers: Record<string, string> = shopper.headers,
  ): Promise<Response> =>
    t.app.request(`/v1/tickets/${id}/rating`, jsonRequest('POST', body, headers))
  const ratings = () => t.db.selectFrom('ticket_ratings').selectAll().execute()
  return { ...t, shopper, rate, ratings }
}

/** The rating link of the newest email, as the shopper's mail program would show it. */
function ratingLink(t: Awaited<ReturnType<typeof setup>>): string {
  const mail = t.deps.devOutbox!.list()[0]!
  if (mail.channel !== 'email') throw new Error('expected an email')
  const link = /http:\/\/localhost:\d+(\/rate\/[A-Za-z0-9_.-]+)/.exec(mail.text)?.[1]
  if (link === undefined) throw new Error(`no rating link in: ${mail.text}`)
  expect(mail.html).toContain(`${link}"`)
  return link
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})

describe(`satisfaction ratings (${testDialect})`, () => {
  it('a shopper rates a resolved request once from the panel; a second rating is refused', async () => {
    const t = await setup()
    const ticket = await t.request({ number: 1001 })
    expect(await statusAndJson(t.rate(ticket.id, { score: 5 }))).toMatchObject({
      status: 409,
      body: { error: { code: 'not_rateable' } },
    })
    const listed = async () =>
      (await statusAndJson(t.app.request('/v1/requests', { headers: t.shopper.headers }))).body
        .requests[0]
    expect(await listed()).toMatchObject({ canRate: false, rating: null })
    expect((await t.decide(ticket.id, { version: 1, decision: 'approve' })).status).toBe(200)
    expect(await listed()).toMatchObject({ canRate: true, rating: null })
    const first = await statusAndJson(t.rate(ticket.id, { score: 4, comment: ' Quick, thanks ' }))
    expect(first).toMatchObject({
      status: 201,
      body: { rating: { score: 4, comment: 'Quick, thanks', source: 'panel' } },
    })
    const again = await statusAndJson(t.rate(ticket.id, { score: 1 }))
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'already_rated' } } })
    expect((await t.ratings()).map((r) => Number(r.score))).toEqual([4])
    expect(await listed()).toMatchObject({ canRate: false, rating: 4 })
    // The agent sees it on the ticket.
    expect((await t.view(ticket.id)).rating).toMatchObject({ score: 4, comment: 'Quick, thanks' })
  })

  it('of two ratings sent at the same moment exactly one is stored', async () => {
    const t = await setup()
    const ticket = await t.request({ number: 1001, status: 'resolved' })
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((score) => t.rate(ticket.id, { score }).then((r) => r.status)),
    )
    expect(answers.sort()).toEqual([201, 409, 409, 409, 409])
    expect(await t.ratings()).toHaveLength(1)
  })

  it("refuses other shoppers' tickets, signed-out callers and bad ratings, saving nothing", async () => {
    const t = await setup()
    const ticket = await t.request({ number: 1001, status: 'resolved' })
    const bruno = await mintShopperSession(t, 'st_demo', {
      kind: 'email',
      value: DEMO_SHOPPERS.bruno.email,
    })
    const other = await statusAndJson(t.rate(ticket.id, { score: 5 }, bruno.headers))
    expect(other).toMatchObject({ status: 404, body: { error: { code: 'ticket_not_found' } } })
    expect((await t.rate(ticket.id, { score: 5 }, {})).status).toBe(401)
    for (const bad of [
      { score: 0 },
      { score: 6 },
      { score: 4.5 },
      { score: '5' },
      { score: 3, x: 1 },
      { score: 3, comment: 'a'.repeat(1001) },
    ]) {
      const res = await statusAndJson(t.rate(ticket.id, bad))
      expect([bad, res.status, res.body.error.code]).toEqual([bad, 400, 'validation_failed'])
    }
    expect(await t.ratings()).toEqual([])
  })

  it('the resolution email carries a signed link that rates the ticket once', async () => {
    const t = await setup()
    const ticket = await t.request({ number: 1001 })
    expect((await t.decide(ticket.id, { version: 1, decision: 'approve' })).status).toBe(200)
    await t.drainOutbox()
    const link = ratingLink(t)
    const page = await t.app.request(`${link}?score=4`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    const html = await page.text()
    expect(html).toContain('value="4" required checked')
    expect(html).toContain('Lumen &amp; Loom')
    // Opening the link (a mail scanner does) stores nothing; sending the form does.
    expect(await t.ratings()).toEqual([])
    expect((await t.app.request(link, form({ score: '9' }))).status).toBe(400)
    const sent = await t.app.request(link, form({ score: '4', comment: 'Smooth' }))
    expect(sent.status).toBe(201)
    expect((await t.app.request(link, form({ score: '1' }))).status).toBe(409)
    const stored = await t.ratings()
    expect(stored.map((r) => [Number(r.score), r.comment, r.source])).toEqual([
      [4, 'Smooth', 'email'],
    ])
    // A panel rating after the email's is refused the same way.
    const panel = await statusAndJson(t.rate(ticket.id, { score: 2 }))
    expect(panel.body.error.code).toBe('already_rated')
  })

  it('opens in the language of the shopper’s emails, right to left in Arabic', async () => {
    const t = await setup()
    const fr = await t.request({ number: 1001, locale: 'fr-FR' })
    expect((await t.decide(fr.id, { version: 1, decision: 'approve' })).status).toBe(200)
    await t.drainOutbox()
    const french = await (await t.app.request(ratingLink(t))).text()
    expect(french).toContain('<html lang="fr" dir="ltr">')
    expect(french).toContain('Envoyer la note')
    expect(french).not.toContain('Send rating')

    const u = await setup()
    const ar = await u.request({ number: 1001, locale: 'ar' })
    expect((await u.decide(ar.id, { version: 1, decision: 'approve' })).status).toBe(200)
    await u.drainOutbox()
    const arabic = await u.app.request(ratingLink(u), form({ score: '5' }))
    expect(arabic.status).toBe(201)
    const page = await arabic.text()
    expect(page).toContain('<html lang="ar" dir="rtl">')
    expect(page).toContain('شكرًا لك!')
    // A broken link has no ticket to take the language from: the browser's.
    const broken = await t.app.request('/rate/nonsense', {
      headers: { 'accept-language': 'de-DE,de;q=0.9' },
    })
    expect(await broken.text()).toContain('Dieser Link funktioniert nicht')
  })

  it('a link with a changed ticket or signature, or past its 30 days, rates nothing', async () => {
    const t = await setup()
    const ticket = await t.request({ number: 1001 })
    const other = await t.request({ number: 1002, status: 'resolved' })
    expect((await t.decide(ticket.id, { version: 1, decision: 'approve' })).status).toBe(200)
    await t.drainOutbox()
    const link = ratingLink(t)
    const [, id, expires, sig] = /^\/rate\/([^.]+)\.(\d+)\.(.+)$/.exec(link)!
    expect(id).toBe(ticket.id)
    for (const forged of [
      `/rate/${other.id}.${expires}.${sig}`,
      `/rate/${id}.${Number(expires) + 86400}.${sig}`,
      `/rate/${id}.${expires}.${sig!.slice(0, -2)}AA`,
      '/rate/nonsense',
    ]) {
      expect([forged, (await t.app.request(forged, form({ score: '5' }))).status]).toEqual([
        forged,
        400,
      ])
    }
    t.clock.advance(31 * 24 * 3600_000)
    expect((await t.app.request(link, form({ score: '5' }))).status).toBe(410)
    expect(await t.ratings()).toEqual([])
  })

  it('a visitor rates a chat once it has ended; nobody else can', async () => {
    const t = await setup()
    const visitor = await startVisitor(t)
    const said = await visitor.say('Where is my parcel?')
    const conversationId = said.conversation.id
    const rateChat = (client: { headers: Record<string, string> }, score: number) =>
      t.app.request(
        `/v1/conversations/${conversationId}/rating`,
        jsonRequest('POST', { score }, client.headers),
      )
    expect((await statusAndJson(rateChat(visitor, 5))).body.error.code).toBe('not_rateable')
    const agent = await mintAgent(t)
    expect((await agent.post(`/v1/agent/conversations/${conversationId}/close`)).status).toBe(200)
    const stranger = await startVisitor(t, undefined, { name: 'Eve', email: 'eve@example.com' })
    expect((await statusAndJson(rateChat(stranger, 1))).body.error.code).toBe(
      'conversation_not_found',
    )
    expect((await rateChat({ headers: { 'x-porchlight-key': 'pk_demo_lumen' } }, 1)).status).toBe(
      401,
    )
    expect((await statusAndJson(rateChat(visitor, 5))).status).toBe(201)
    expect((await statusAndJson(rateChat(visitor, 3))).body.error.code).toBe('already_rated')
    expect((await t.ratings()).map((r) => Number(r.score))).toEqual([5])
  })
})

import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { axeViolations, outbox, poll } from '../support/shopper.ts'

/**
 * The Agents and Webhooks settings in Chromium against the real server (issue 17): an owner
 * invites an agent, who sets a password from the emailed link (read from the dev outbox, as a
 * developer would) and signs in; an owner adds a webhook endpoint, sees its delivery in the
 * log and sends it again, and the receiver gets it, signed with the secret the page showed.
 */
const baseUrl = inject('baseUrl')
const OWNER = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }
const runId = Date.now().toString(36)
let runs = 0
/** A marker of one test's run, so a test repeated on one server never meets its last run. */
let run = runId

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** A page of its own context (its own cookies) that records uncaught errors. */
async function freshPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext()).newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return { page, errors }
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${baseUrl}/console`)
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Password').fill(who.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()
}

/** Opens a settings section from the header, with the keyboard. */
async function openSection(page: Page, link: string, heading: string) {
  await page.getByRole('link', { name: 'Settings' }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  await page.getByRole('link', { name: link, exact: true }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
}

/** A webhook receiver on this machine: records each POST, answers 200. */
async function startReceiver() {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/${run}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The receiver's side of the signature: HMAC-SHA256 of "<t>.<raw body>" with the secret. */
function signedWith(secret: string, r: { headers: IncomingHttpHeaders; body: string }) {
  const header = String(r.headers['x-porchlight-signature'] ?? '')
  const t = /t=(\d+)/.exec(header)?.[1]
  const v1 = /v1=([0-9a-f]{64})/.exec(header)?.[1]
  const expected = createHmac('sha256', secret).update(`${t}.${r.body}`).digest('hex')
  return t !== undefined && v1 === expected
}

describe('settings: agents and webhooks', () => {
  beforeEach(() => {
    runs += 1
    run = `${runId}-${runs}`
  })

  it('an owner invites an agent, who sets a password from the email and signs in', async () => {
    const { page, errors } = await freshPage()
    await signIn(page, OWNER)
    await openSection(page, 'Agents', 'Agents')
    await page.getByRole('table').first().waitFor()
    expect(await axeViolations(page)).toEqual([])

    const email = `nia-${run}@example.com`
    // A wrong address is refused next to its field, and nothing is sent.
    await page.getByLabel('Email', { exact: true }).fill('not an email')
    await page.getByLabel('Name', { exact: true }).fill('Nia Okafor')
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await page.locator('#inv-email-error').waitFor()
    expect(await page.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    )
    expect(await axeViolations(page)).toEqual([])

    await page.getByLabel('Email', { exact: true }).fill(email)
    await page.getByRole('button', { name: 'Send invitation' }).press('Enter')
    await page.getByText(`Invitation sent to ${email}.`).waitFor()
    const row = page.locator(`tr[data-agent="${email}"]`)
    expect(await row.textContent()).toContain('Invited')

    const mail = await poll(async () => (await outbox(baseUrl, email))[0], `the invitation`)
    expect(mail.subject).toContain('invited')
    const link = /(http\S+\/console\/set-password#token=\S+)/.exec(mail.text)?.[1]
    expect(link).toBeDefined()

    const agent = await freshPage()
    await agent.page.goto(link!)
    await agent.page.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor()
    // The token leaves the address bar as soon as the page has read it.
    expect(agent.page.url()).toBe(`${baseUrl}/console/set-password`)
    expect(await axeViolations(agent.page)).toEqual([])
    const password = `lantern harbour ${run} quietly`
    await agent.page.getByLabel('New password').fill('password1234')
    await agent.page.getByLabel('The same password again').fill('password1234')
    await agent.page.getByLabel('The same password again').press('Enter')
    await agent.page.locator('#new-password-error').waitFor()
    await agent.page.getByLabel('New password').fill(password)
    await agent.page.getByLabel('The same password again').fill(password)
    await agent.page.getByRole('button', { name: 'Set password' }).click()
    await agent.page.getByRole('heading', { level: 1, name: 'Password set' }).waitFor()
    await agent.page.getByRole('link', { name: 'Sign in' }).click()
    await agent.page.getByRole('heading', { level: 1, name: 'Sign in to the console' }).waitFor()
    expect(await agent.page.getByLabel('Email').inputValue()).toBe(email)
    await agent.page.getByLabel('Password').fill(password)
    await agent.page.getByRole('button', { name: 'Sign in' }).click()
    await agent.page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()
    expect(await agent.page.locator('.who-name').textContent()).toContain('Nia Okafor')

    // The owner's list now shows the agent as active.
    await page.reload()
    await page.locator(`tr[data-agent="${email}"]`).waitFor()
    expect(await page.locator(`tr[data-agent="${email}"]`).textContent()).toContain('Active')
    expect([...errors, ...agent.errors]).toEqual([])
  })

  it('an owner adds an endpoint and resends a delivery, which the endpoint receives', async () => {
    const receiver = await startReceiver()
    try {
      const { page, errors } = await freshPage()
      await signIn(page, OWNER)
      await openSection(page, 'Webhooks', 'Webhooks')
      expect(await axeViolations(page)).toEqual([])

      await page.getByLabel('Address (https)').fill(receiver.url)
      await page.getByLabel('Description (optional)').fill(`journey ${run}`)
      // Only ticket.created: other journeys' ticket updates are none of this endpoint's business.
      await page
        .getByRole('group', { name: 'Events to send' })
        .getByRole('checkbox', { name: 'ticket.updated' })
        .uncheck()
      await page.getByRole('button', { name: 'Add endpoint' }).click()
      const secret = (await page.locator('.token-value').textContent()) ?? ''
      expect(secret).toMatch(/^whsec_/)
      await page.locator('form.endpoint', { hasText: receiver.url }).waitFor()
      expect(await axeViolations(page)).toEqual([])

      // An event: a ticket filed as a shopper's (ticket.created). Other journeys file tickets in
      // this store too, so this one's deliveries are told apart by the ticket inside.
      const planted = await fetch(`${baseUrl}/test/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          tickets: [
            { type: 'contact', channel: 'contact-form', contactEmail: `hook-${run}@example.com` },
          ],
        }),
      })
      expect(planted.status).toBe(201)
      const [ticket] = ((await planted.json()) as { tickets: Array<{ id: string }> }).tickets
      const mine = () =>
        receiver.received.filter((r) => JSON.parse(r.body).data?.ticket?.id === ticket!.id)
      const original = await poll(async () => mine()[0], 'the first delivery')
      expect(signedWith(secret, original)).toBe(true)
      const deliveryId = String(original.headers['x-porchlight-delivery'])

      const log = page.locator('section[aria-labelledby="log-title"]')
      await log.getByRole('button', { name: 'Refresh' }).click()
      const first = log.locator(`tr[data-delivery="${deliveryId}"]`)
      await expect.poll(() => first.textContent()).toContain('delivered')
      await first.getByRole('button', { name: /^Resend/ }).click()
      await page.getByText('is queued again').waitFor()

      const again = await poll(async () => mine()[1], 'the delivery sent again')
      expect(again.body).toBe(original.body)
      expect(again.headers['x-porchlight-delivery']).not.toBe(deliveryId)
      expect(signedWith(secret, again)).toBe(true)
      await log.getByRole('button', { name: 'Refresh' }).click()
      const resent = log.locator(
        `tr[data-delivery="${String(again.headers['x-porchlight-delivery'])}"]`,
      )
      await expect.poll(() => resent.textContent()).toContain('delivered')
      expect(await resent.textContent()).toContain('(sent again)')
      expect(await axeViolations(page)).toEqual([])

      // Removed again (the keyboard way), so the store's later events go nowhere near it.
      const card = page.locator('form.endpoint', { hasText: receiver.url })
      await card.getByRole('button', { name: 'Remove' }).press('Enter')
      await card.getByRole('button', { name: 'Confirm removal' }).press('Enter')
      await page.locator('form.endpoint', { hasText: receiver.url }).waitFor({ state: 'detached' })
      expect(errors).toEqual([])
    } finally {
      await receiver.close()
    }
  })
})

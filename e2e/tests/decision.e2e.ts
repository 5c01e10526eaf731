import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'

/**
 * An agent approves a cancel in the console and the store carries it out (issue 6): a cancel
 * request for a paid, unshipped demo order is planted as the shopper request API would file
 * it; the demo agent signs in at /console, opens it, approves with a note; the order is then
 * cancelled and refunded for the shopper (their own order API, with a session minted by the
 * test-only route) and the shopper's French email sits in the dev outbox. The order is a fresh
 * copy of a demo order, so the shared demo orders other journeys read stay as they are.
 */
const baseUrl = inject('baseUrl')
const AGENT = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }
const run = `decision${Date.now().toString(36)}`
const shopper = `${run}@example.com`

let browser: Browser

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(201)
  return (await res.json()) as T
}

async function shopperOrder(orderId: string) {
  const { token } = await post<{ token: string }>('/test/shopper-sessions', {
    identity: { kind: 'email', value: shopper },
  })
  const res = await fetch(`${baseUrl}/v1/orders/${orderId}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { order: { status: { code: string } } }).order
}

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
})
afterAll(async () => {
  await browser?.close()
})

describe('a decision in the console', () => {
  it('approves a cancel, the store cancels the order, and the shopper is told', async () => {
    const order = await post<{ id: string; name: string }>('/test/demo-orders', {
      from: 1001,
      email: shopper,
    })
    expect((await shopperOrder(order.id)).status.code).toBe('unfulfilled')
    const { tickets } = await post<{ tickets: Array<{ id: string; reference: string }> }>(
      '/test/tickets',
      {
        tickets: [
          {
            type: 'cancel',
            channel: 'help-center',
            requestStatus: 'requested',
            refundStatus: 'requested',
            orderId: order.id,
            orderName: order.name,
            identity: { kind: 'email', value: shopper },
            locale: 'fr',
            reason: 'changed_mind',
            comment: 'Je me suis trompé de taille.',
            events: [{ kind: 'created', actor: 'shopper', data: {} }],
          },
        ],
      },
    )
    const ticket = tickets[0]!

    const page = await (await browser.newContext()).newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`)
      void d.dismiss()
    })
    page.on('console', (m) => {
      if (m.type() !== 'error') return
      const url = m.location().url
      // The session check before signing in answers 401, as it should.
      if (url === `${baseUrl}/v1/agent/session` && m.text().includes('401')) return
      errors.push(`${m.text()} (${url})`)
    })

    await page.goto(`${baseUrl}/console`)
    await page.getByLabel('Email').fill(AGENT.email)
    await page.getByLabel('Password').fill(AGENT.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()
    await page.getByRole('searchbox', { name: 'Search' }).fill(order.name)
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('link', { name: ticket.reference, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: new RegExp(ticket.reference) }).waitFor()

    // The order is beside the ticket, as the store has it now.
    const panel = page.getByRole('complementary')
    await expect.poll(() => panel.textContent()).toContain('Unfulfilled')

    await page
      .getByLabel('Reason (sent to the shopper; required to decline)')
      .fill('Annulée avant expédition.')
    await page.getByRole('button', { name: 'Approve the cancellation' }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Approved the cancellation.')
    await expect.poll(() => page.getByText('This request is').textContent()).toContain('Approved')
    await expect.poll(() => panel.textContent()).toContain('Cancelled')
    const history = page.getByRole('region', { name: 'History' })
    await expect.poll(() => history.textContent()).toContain('approved the request')
    expect(await history.textContent()).toContain('Annulée avant expédition.')

    // The shopper's own view of the order: cancelled (and refunded, being paid).
    expect((await shopperOrder(order.id)).status.code).toBe('cancelled')

    // Approving again (another tab, a double click) changes nothing.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: new RegExp(ticket.reference) }).waitFor()
    expect(await page.getByRole('button', { name: 'Approve the cancellation' }).count()).toBe(0)

    // Told in French, by email (the dev outbox holds it: no SMTP in this run).
    await expect
      .poll(async () => {
        const res = await fetch(`${baseUrl}/dev/outbox.json`)
        const { messages } = (await res.json()) as {
          messages: Array<{ to: string; subject?: string; text: string }>
        }
        return messages.find((m) => m.to === shopper)?.subject ?? null
      })
      .toBe(`La commande ${order.name} est annulée`)

    expect(errors).toEqual([])
    await page.context().close()
  })
})

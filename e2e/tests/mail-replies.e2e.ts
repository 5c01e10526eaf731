import net from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { freePort, startServerProcess, type ServerProcess } from '../support/server-process.ts'
import {
  DEMO_KEY,
  freshDemoOrder,
  openOrder,
  openPanel,
  poll,
  testSession,
} from '../support/shopper.ts'

/**
 * Two-way email in Chromium, against a server of its own that receives replies both ways (the
 * built-in SMTP receiver on a free port, and the HTTP endpoint): a shopper answers the ticket's
 * email, the agent sees it appear on the open ticket page without a reload, and the shopper's
 * panel shows the agent's reply and their own answers under the order's requests.
 */
const AGENT = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }
const DOMAIN = 'replies.e2e.example'
const SECRET = 'e2e-inbound-secret-0123456789abcdefghij'

let browser: Browser
let server: ServerProcess
let smtpPort: number

beforeAll(async () => {
  smtpPort = await freePort()
  ;[browser, server] = await Promise.all([
    launchBrowser(),
    startServerProcess({
      PORCHLIGHT_TEST_SEED: 'true',
      INBOUND_MAIL_DOMAIN: DOMAIN,
      INBOUND_SMTP_PORT: String(smtpPort),
      INBOUND_SMTP_HOST: '127.0.0.1',
      INBOUND_MAIL_SECRET: SECRET,
    }),
  ])
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A mail server handing one message to our MX, command by command, as SMTP goes. */
async function smtpDeliver(from: string, to: string, message: string): Promise<string[]> {
  const socket = net.connect(smtpPort, '127.0.0.1')
  const answers: string[] = []
  let buffer = ''
  let waiting: (() => void) | undefined
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    if (/(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(buffer)) {
      answers.push(buffer)
      buffer = ''
      waiting?.()
    }
  })
  const next = (count: number) =>
    new Promise<void>((resolve) => {
      waiting = () => answers.length >= count && resolve()
      waiting()
    })
  await next(1)
  const steps = [
    'EHLO mx.example.com',
    `MAIL FROM:<${from}>`,
    `RCPT TO:<${to}>`,
    'DATA',
    `${message.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..')}\r\n.`,
    'QUIT',
  ]
  for (const [i, step] of steps.entries()) {
    socket.write(`${step}\r\n`)
    await next(i + 2)
  }
  socket.destroy()
  return answers
}

function rawReply(from: string, to: string, text: string, id: string): string {
  return [
    `From: Shopper <${from}>`,
    `To: ${to}`,
    'Subject: Re: We received your message',
    `Message-ID: <${id}@mail.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '',
    'On Mon, 7 Dec 2026, Lumen & Loom <no-reply@localhost> wrote:',
    '> We received your message.',
  ].join('\r\n')
}

async function replyAddress(to: string): Promise<string> {
  return poll(async () => {
    const { messages } = (await (await fetch(`${server.url}/dev/outbox.json`)).json()) as {
      messages: Array<{ to: string; replyTo?: string }>
    }
    return messages.find((m) => m.to === to && m.replyTo !== undefined)?.replyTo
  }, `a reply address in the email to ${to}`)
}

async function consoleOn(ticketId: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.url}/console`)
  await page.getByLabel('Email').fill(AGENT.email)
  await page.getByLabel('Password').fill(AGENT.password)
  await page.getByLabel('Password').press('Enter')
  await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()
  await page.goto(`${server.url}/console/tickets/${ticketId}`)
  await page.getByRole('heading', { level: 1, name: /^Ticket T-\d+/ }).waitFor()
  return { page, errors }
}

describe('replies by email', () => {
  it('a shopper answers by SMTP and by the HTTP endpoint; the console and the panel show it live', async () => {
    const email = `mail-journey-${Date.now().toString(36)}@example.com`
    const order = await freshDemoOrder(server.url, 1006, email)
    const token = await testSession(server.url, email)
    const filed = await fetch(`${server.url}/v1/contact`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-porchlight-key': DEMO_KEY,
        authorization: `Bearer ${token}`,
        'idempotency-key': `mail-journey-${Date.now()}`,
      },
      body: JSON.stringify({
        message: 'Is my parcel on its way?',
        orderId: order.id,
        locale: 'en',
      }),
    })
    expect(filed.status).toBe(201)
    const { ticketId, reference } = (await filed.json()) as { ticketId: string; reference: string }
    expect(reference).toMatch(/^T-\d+$/)
    const to = await replyAddress(email)
    expect(to).toMatch(new RegExp(`^reply\\+[0-9a-f]{40}@${DOMAIN.replace(/\./g, '\\.')}$`))

    const { page, errors } = await consoleOn(ticketId)
    // The agent answers from the ticket page: the shopper gets an email from the same thread.
    await page.locator('#reply-body').fill('It ships tomorrow morning.')
    await page.getByRole('button', { name: 'Send reply' }).click()
    await page.getByText('Reply sent.').first().waitFor()

    const answers = await smtpDeliver(email, to, rawReply(email, to, 'Great, by SMTP!', 'e2e-smtp'))
    expect(answers.at(-2)).toMatch(/^250 /)
    await page.getByText('Great, by SMTP!').waitFor({ timeout: 10_000 })

    const posted = await fetch(`${server.url}/v1/inbound/mail/${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822' },
      body: rawReply(email, to, 'And again, over HTTP.', 'e2e-http'),
    })
    expect(posted.status).toBe(202)
    expect(await posted.json()).toEqual({ outcome: 'posted' })
    await page.getByText('And again, over HTTP.').waitFor({ timeout: 10_000 })
    // The quoted history stayed out of the thread.
    expect(await page.getByText('We received your message.').count()).toBe(0)
    expect(errors).toEqual([])

    const panel = await openPanel(browser, server.url, token, '')
    await openOrder(panel.page, order.name)
    const requests = panel.page.locator('li.card', { hasText: reference })
    for (const words of [
      'It ships tomorrow morning.',
      'Great, by SMTP!',
      'And again, over HTTP.',
    ]) {
      await requests.getByText(words).waitFor()
    }
    expect(await requests.textContent()).toContain('The store wrote')
    expect(panel.errors).toEqual([])
    await panel.close()
  })
})

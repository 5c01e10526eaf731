import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'

// API-level sign-in against real server processes: the background outbox worker delivers the
// code, read the way a developer (dev outbox) or a shopper (an SMTP inbox) would read it.
// The browser journey through the widget screens lives with those screens.

const key = 'pk_demo_lumen'
const json = (body: unknown, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-porchlight-key': key, ...extra },
  body: JSON.stringify(body),
})

async function poll<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function signInAndOut(baseUrl: string, email: string, readCode: () => Promise<string>) {
  const asked = await fetch(
    `${baseUrl}/v1/auth/challenges`,
    json({ channel: 'email', identifier: email, locale: 'en' }),
  )
  expect(asked.status).toBe(202)
  const { challengeId } = (await asked.json()) as { challengeId: string }
  const code = await readCode()

  const wrong = await fetch(
    `${baseUrl}/v1/auth/challenges/${challengeId}/verify`,
    json({ code: code === '000000' ? '111111' : '000000' }),
  )
  expect((await wrong.json()).error.code).toBe('code_incorrect')

  const verified = await fetch(
    `${baseUrl}/v1/auth/challenges/${challengeId}/verify`,
    json({ code }),
  )
  expect(verified.status).toBe(200)
  const session = (await verified.json()) as { token: string; identity: unknown }
  expect(session.identity).toEqual({ kind: 'email', value: email })
  const auth = { authorization: `Bearer ${session.token}` }

  expect((await fetch(`${baseUrl}/v1/auth/session`, { headers: auth })).status).toBe(200)
  expect(
    (await fetch(`${baseUrl}/v1/auth/session`, { method: 'DELETE', headers: auth })).status,
  ).toBe(204)
  const after = await fetch(`${baseUrl}/v1/auth/session`, { headers: auth })
  expect(after.status).toBe(401)
  expect((await after.json()).error.code).toBe('session_revoked')
}

describe('sign-in with a code from the dev outbox', () => {
  const baseUrl = inject('baseUrl')

  it('asks for a code, reads it from /dev/outbox.json, signs in and out', async () => {
    const email = `e2e-${Date.now()}@example.com`
    await signInAndOut(baseUrl, email, () =>
      poll(async () => {
        const { messages } = (await (await fetch(`${baseUrl}/dev/outbox.json`)).json()) as {
          messages: Array<{ to: string; text: string }>
        }
        const text = messages.find((m) => m.to === email)?.text
        return text === undefined ? undefined : /^ {4}([0-9]{6})$/m.exec(text)?.[1]
      }, 'the dev outbox'),
    )
  })

  it('serves the dev outbox page', async () => {
    const res = await fetch(`${baseUrl}/dev/outbox`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Dev outbox')
  })
})

// Both forms of the server: the sources (the test entry) and the build that `pnpm start`
// runs, whose SMTP conversation runs from the bundle's own worker file (smtp-thread.mjs).
describe.each([
  ['from its sources', 'test'],
  ['built, as `pnpm start` runs it', 'start'],
] as const)('sign-in with a code sent over SMTP, the server %s', (_form, entry) => {
  const inbox: Array<{ to: string[]; raw: string }> = []
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  let server: ServerProcess

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
    const port = (smtp.server.address() as AddressInfo).port
    server = await startServerProcess(
      {
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        SMTP_FROM: 'Lumen & Loom <codes@lumen.example>',
      },
      { entry },
    )
  })
  afterAll(async () => {
    const code = await server?.stop()
    if (code !== 0) console.error(server?.output())
    await new Promise<void>((resolve) => smtp.close(() => resolve()))
  })

  it('delivers the code to the inbox, not the dev outbox, and it signs in', async () => {
    const email = 'smtp-e2e@example.com'
    await signInAndOut(server.url, email, () =>
      poll(async () => {
        const mail = inbox.find((m) => m.to.includes(email))
        return mail === undefined ? undefined : /^ {4}([0-9]{6})\r?$/m.exec(mail.raw)?.[1]
      }, 'the SMTP inbox'),
    )
    const { messages } = (await (await fetch(`${server.url}/dev/outbox.json`)).json()) as {
      messages: unknown[]
    }
    expect(messages).toEqual([])
    expect(inbox.find((m) => m.to.includes(email))?.raw).toContain(
      'Subject: Your sign-in code for Lumen & Loom',
    )
  })
})

import { screen } from '@testing-library/dom'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { listItem, signedIn } from '../orders-test-kit.ts'
import {
  STORE_KEY,
  cleanup,
  click,
  fakeServer,
  renderPanel,
  settle,
  type,
  type Call,
  type FakeServer,
  type Reply,
} from '../test-support.tsx'

afterEach(async () => {
  await cleanup()
  Reflect.deleteProperty(window, 'parent')
})

const heading = () => screen.getByRole('heading', { level: 2 })
const posts = (server: FakeServer) => server.calls.filter((c) => c.path === '/v1/contact')
const sent = {
  ticketId: 'tk_9',
  reference: '#C-1001',
  type: 'contact',
  requestStatus: null,
  createdAt: '2026-11-22T12:00:00Z',
}
const answer = (reply: (call: Call) => Reply) => fakeServer().on('POST /v1/contact', reply)
const send = () => click(screen.getByRole('button', { name: 'Send message' }))

describe('the contact form', () => {
  it('takes a message from anyone, with a name and an address to reply to', async () => {
    const parent = { postMessage: vi.fn() }
    Object.defineProperty(window, 'parent', { value: parent, configurable: true })
    const server = answer(() => ({ status: 201, body: sent }))
    await renderPanel(server, '?mode=contact&origin=http%3A%2F%2Fshop.test')
    expect(heading().textContent).toBe('Send us a message')
    // Part of the page: nothing to close.
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull()

    await send()
    expect(screen.getByRole('alert').textContent).toBe('Enter your name.')
    expect(document.activeElement).toBe(screen.getByLabelText('Your name'))
    await type(screen.getByLabelText('Your name'), ' Ada Park ')
    await type(screen.getByLabelText('Email address'), 'ada.example.com')
    await send()
    expect(screen.getByRole('alert').textContent).toContain('doesn’t look like an email address')
    await type(screen.getByLabelText('Email address'), 'ada@example.com')
    await send()
    expect(screen.getByRole('alert').textContent).toBe('Write a message.')
    expect(posts(server)).toHaveLength(0)

    await type(screen.getByLabelText('Your message'), 'Do you ship to Iceland?')
    await send()
    const [post] = posts(server)
    expect(post?.body).toEqual({
      message: 'Do you ship to Iceland?',
      locale: 'en',
      name: 'Ada Park',
      email: 'ada@example.com',
    })
    expect(post?.headers['x-porchlight-key']).toBe(STORE_KEY)
    expect(post?.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/)
    expect(heading().textContent).toBe('Message sent')
    expect(document.activeElement).toBe(heading())
    expect(screen.getByText('Your reference is #C-1001.')).toBeTruthy()
    expect(parent.postMessage).toHaveBeenCalledWith(
      {
        type: 'porchlight:event',
        name: 'ticket:created',
        detail: { reference: '#C-1001', type: 'contact' },
      },
      'http://shop.test',
    )

    await click(screen.getByRole('button', { name: 'Send another message' }))
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe(' Ada Park ')
    expect((screen.getByLabelText('Your message') as HTMLTextAreaElement).value).toBe('')
  })

  it('sends the same key again after a lost answer, and a new one once the message changes', async () => {
    let online = false
    const server = answer(() => {
      if (!online) throw new TypeError('Failed to fetch')
      return { status: 201, body: sent }
    })
    await renderPanel(server, '?mode=contact')
    await type(screen.getByLabelText('Your name'), 'Ada')
    await type(screen.getByLabelText('Email address'), 'ada@example.com')
    await type(screen.getByLabelText('Your message'), 'Hello')
    await act(() => {
      const button = screen.getByRole('button', { name: 'Send message' })
      button.click()
      button.click()
    })
    await settle()
    expect(posts(server)).toHaveLength(1)
    expect(screen.getByRole('alert').textContent).toContain('can’t reach the server')
    await send()
    await type(screen.getByLabelText('Your message'), 'Hello again')
    online = true
    await send()
    const keys = posts(server).map((c) => c.headers['idempotency-key'])
    expect(keys).toHaveLength(3)
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[1])
    expect(heading().textContent).toBe('Message sent')
  })

  it('lets a signed-in shopper say which order it is about, without asking who they are', async () => {
    const server = signedIn(
      answer(() => ({ status: 201, body: sent })),
      [listItem(), listItem({ id: 'ord_1026', name: '#1026' })],
    )
    await renderPanel(server, '?mode=contact')
    expect(screen.getByText('Signed in as chidi@example.com')).toBeTruthy()
    expect(screen.queryByLabelText('Your name')).toBeNull()
    const order = screen.getByLabelText(/About an order/) as HTMLSelectElement
    expect([...order.options].map((o) => o.textContent)).toEqual([
      'Not about an order',
      'Order #1028 · November 4, 2026',
      'Order #1026 · November 4, 2026',
    ])
    await act(() => {
      order.value = 'ord_1026'
      order.dispatchEvent(new Event('change', { bubbles: true }))
    })
    await type(screen.getByLabelText('Your message'), 'Can I add a gift note?')
    await send()
    expect(posts(server)[0]?.body).toEqual({
      message: 'Can I add a gift note?',
      locale: 'en',
      orderId: 'ord_1026',
    })
    expect(posts(server)[0]?.headers['authorization']).toBe('Bearer tok_shopper')
  })

  it('signs in on the way, and back to the message', async () => {
    const server = fakeServer()
      .on('POST /v1/auth/challenges', {
        status: 202,
        body: { challengeId: 'ch_1', resendAfterSeconds: 30, expiresInSeconds: 600 },
      })
      .on('POST /v1/auth/challenges/ch_1/verify', {
        status: 200,
        body: {
          token: 'tok_new',
          expiresAt: '2099-01-01T00:00:00Z',
          identity: { kind: 'email', value: 'ada@example.com' },
        },
      })
      .on('GET /v1/orders', { status: 200, body: { orders: [listItem()], nextCursor: null } })
    await renderPanel(server, '?mode=contact')
    await click(screen.getByRole('button', { name: 'Sign in to pick one of your orders' }))
    expect(heading().textContent).toBe('Sign in to see your orders')
    await click(screen.getByRole('button', { name: 'Back' }))
    expect(heading().textContent).toBe('Send us a message')

    await click(screen.getByRole('button', { name: 'Sign in to pick one of your orders' }))
    await click(screen.getByRole('button', { name: 'Get a code by email' }))
    await type(screen.getByLabelText('Email address'), 'ada@example.com')
    await click(screen.getByRole('button', { name: 'Send code' }))
    await type(screen.getByLabelText('6-digit code'), '123456')
    expect(heading().textContent).toBe('Send us a message')
    expect(document.activeElement).toBe(heading())
    expect(screen.getByText('Signed in as ada@example.com')).toBeTruthy()
    expect(screen.getByLabelText(/About an order/)).toBeTruthy()
  })
})

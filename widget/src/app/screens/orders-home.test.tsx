import { screen, within } from '@testing-library/dom'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../locale.ts'
import { listItem, orderView, signedIn } from '../orders-test-kit.ts'
import { cached } from '../resource.ts'
import { cleanup, click, fakeServer, renderPanel, settle, type Reply } from '../test-support.tsx'

afterEach(cleanup)

const heading = () => screen.getByRole('heading', { level: 2 })
const rows = () => screen.getAllByRole('listitem').map((li) => li.textContent)
const live = () => document.querySelector('[aria-live="polite"]')?.textContent

const orders = [
  listItem({
    id: 'ord_1021',
    name: '#1021',
    status: {
      code: 'in_transit',
      estimatedDeliveryAt: { iso: '2026-11-23T12:00:00Z', formatted: '' },
    },
    itemCount: 1,
    preview: {
      title: 'Hand-loomed wool rug',
      imageUrl: 'https://cdn.example/rug.jpg',
      quantity: 1,
    },
    total: { amount: 25095, currency: 'GBP', formatted: '' },
  }),
  listItem({
    id: 'ord_1025',
    name: '#1025',
    status: { code: 'pending_delivery', estimatedDeliveryAt: null },
    lastEvent: {
      kind: 'fulfilled',
      at: { iso: '2026-11-20T12:00:00Z', formatted: '' },
      message: null,
      location: null,
    },
    itemCount: 1,
    preview: { title: 'Speckled stoneware mug', imageUrl: null, quantity: 1 },
  }),
  listItem(),
  listItem({
    id: 'ord_1001',
    name: '#1001',
    status: { code: 'unfulfilled', estimatedDeliveryAt: null },
    createdAt: { iso: '2026-11-19T12:00:00Z', formatted: '' },
    lastEvent: null,
    preview: null,
  }),
]

describe('the shopper’s orders', () => {
  it('shows each order’s status in words, where it is, its total and what is in it', async () => {
    const server = signedIn(fakeServer(), orders)
    await renderPanel(server)
    expect(heading().textContent).toBe('Your orders')
    expect(rows()).toEqual([
      'Order #1021£250.95In transitArriving on November 23Hand-loomed wool rug',
      'Order #1025£92.95ShippedOrder packed · November 20Speckled stoneware mug',
      'Order #1028£92.95DeliveredDelivered · November 7 · LondonSpeckled stoneware mug and 2 more items',
      'Order #1001£92.95Order receivedPlaced on November 19, 2026',
    ])
    // A decorative thumbnail: the title beside it already names the item.
    expect(screen.getAllByRole('listitem')[0]!.querySelector('img')?.getAttribute('alt')).toBe('')
    const call = server.calls.find((c) => c.path === '/v1/orders')
    expect(call?.query).toEqual({ locale: 'en', limit: '10' })
    expect(call?.headers['authorization']).toBe('Bearer tok_shopper')
  })

  it('describes one line of four as that line × 4, not as "and 3 more items"', async () => {
    const mugs = listItem({
      itemCount: 4,
      preview: { title: 'Speckled stoneware mug', imageUrl: '/demo/products/mug.svg', quantity: 4 },
    })
    const mixed = listItem({
      id: 'ord_1029',
      name: '#1029',
      itemCount: 5,
      preview: { title: 'Linen throw', imageUrl: null, quantity: 2 },
    })
    await renderPanel(signedIn(fakeServer(), [mugs, mixed]))
    const [first, second] = screen.getAllByRole('listitem')
    expect(within(first!).getByText('Speckled stoneware mug × 4')).toBeTruthy()
    expect(within(second!).getByText('Linen throw × 2 and 3 more items')).toBeTruthy()
  })

  it('gives each status a badge whose colour, glyph and words agree', async () => {
    const codes = ['in_transit', 'attempted_delivery', 'delivered', 'cancelled'] as const
    await renderPanel(
      signedIn(
        fakeServer(),
        codes.map((code, i) =>
          listItem({ id: `ord_${i}`, name: `#${i}`, status: { code, estimatedDeliveryAt: null } }),
        ),
      ),
    )
    const badges = [...document.querySelectorAll('.order-row .badge')]
    expect(badges.map((b) => [b.className, b.textContent])).toEqual([
      ['badge tone-progress', 'In transit'],
      ['badge tone-attention', 'Delivery attempted'],
      ['badge tone-done', 'Delivered'],
      ['badge tone-cancelled', 'Cancelled'],
    ])
    expect(badges.every((b) => b.querySelector('svg[aria-hidden="true"] path'))).toBe(true)
    // The rows' progress bars are drawn for the eye only: the badge says the status.
    const bars = [...document.querySelectorAll('.order-row .progress')]
    expect(bars.map((b) => b.querySelectorAll('.on').length)).toEqual([2, 3, 4])
    expect(bars.every((b) => b.getAttribute('aria-hidden') === 'true')).toBe(true)
  })

  it('says so when the shopper has no orders', async () => {
    await renderPanel(signedIn(fakeServer(), []))
    expect(screen.getByText('We couldn’t find any orders for chidi@example.com.')).toBeTruthy()
    expect(screen.queryByRole('list')).toBeNull()
  })

  it('shows the cached list at once on the way back, and refreshes it in the background', async () => {
    let answer: (reply: Reply) => void = () => {}
    let calls = 0
    const server = signedIn(fakeServer(), orders)
      .on('GET /v1/orders', () => {
        calls++
        if (calls === 1) return { status: 200, body: { orders, nextCursor: null } }
        return new Promise<Reply>((resolve) => (answer = resolve))
      })
      .on('GET /v1/orders/ord_1021', { status: 200, body: { order: orderView() } })
    await renderPanel(server)
    await click(screen.getByRole('button', { name: /Order #1021/ }))
    await click(screen.getByRole('button', { name: 'Back' }))

    // The refresh has not answered, yet the list is there and nothing says "Loading".
    expect(calls).toBe(2)
    expect(rows()).toHaveLength(4)
    expect(screen.queryByText('Loading…')).toBeNull()
    expect(document.activeElement).toBe(heading())

    const moved = listItem({
      ...orders[0],
      status: { code: 'out_for_delivery', estimatedDeliveryAt: null },
    })
    const arrived = listItem({
      ...orders[1],
      status: { code: 'delivered', estimatedDeliveryAt: null },
    })
    await act(() =>
      answer({
        status: 200,
        body: { orders: [moved, arrived, ...orders.slice(2)], nextCursor: null },
      }),
    )
    await settle()
    expect(rows()[0]).toContain('Out for delivery')
    // Found in the background, so said through the live region rather than by moving focus,
    // all in one message (a second would cut the first off).
    expect(live()).toBe('Order #1021: Out for delivery Order #1025: Delivered')
  })

  it('shows more orders a page at a time and moves focus to the first new one', async () => {
    const server = signedIn(fakeServer(), []).on('GET /v1/orders', (call) =>
      call.query['cursor'] === 'page2'
        ? { status: 200, body: { orders: [orders[3]], nextCursor: null } }
        : { status: 200, body: { orders: orders.slice(0, 3), nextCursor: 'page2' } },
    )
    await renderPanel(server)
    expect(rows()).toHaveLength(3)
    await click(screen.getByRole('button', { name: 'Show more orders' }))
    expect(server.calls.at(-1)?.query).toEqual({ locale: 'en', limit: '10', cursor: 'page2' })
    expect(rows()).toHaveLength(4)
    expect(document.activeElement?.textContent).toContain('Order #1001')
    expect(live()).toBe('1 more order shown.')
    expect(screen.queryByRole('button', { name: 'Show more orders' })).toBeNull()
  })

  it('offers to try again when the orders cannot be loaded', async () => {
    let fail = true
    const server = signedIn(fakeServer()).on('GET /v1/orders', () =>
      fail
        ? { status: 503, body: { error: { code: 'unavailable', message: 'Down' } } }
        : { status: 200, body: { orders, nextCursor: null } },
    )
    await renderPanel(server)
    expect(screen.getByRole('alert').textContent).toBe(
      'Something went wrong on our side. Please try again.',
    )
    fail = false
    await click(screen.getByRole('button', { name: 'Try again' }))
    expect(rows()).toHaveLength(4)
    expect(screen.getByRole('alert').textContent).toBe('')
  })

  it('re-renders statuses, dates and money in the new language and asks for its addresses', async () => {
    const server = signedIn(fakeServer(), orders)
    await renderPanel(server)
    await act(async () => {
      await setLocale('fr')
    })
    await settle()
    expect(heading().textContent).toBe('Vos commandes')
    const first = within(screen.getAllByRole('listitem')[0]!)
    expect(first.getByText('En transit')).toBeTruthy()
    expect(first.getByText('Livraison prévue le 23 novembre')).toBeTruthy()
    expect(first.getByText(/^250,95\s£GB$/)).toBeTruthy()
    expect(server.calls.filter((c) => c.path === '/v1/orders').at(-1)?.query['locale']).toBe('fr')
  })

  it('forgets the orders on sign-out', async () => {
    await renderPanel(signedIn(fakeServer(), orders))
    expect(cached('orders')).toBeDefined()
    await click(screen.getByRole('button', { name: 'Sign out' }))
    expect(heading().textContent).toBe('Sign in to see your orders')
    expect(cached('orders')).toBeUndefined()
  })
})

import { screen, within } from '@testing-library/dom'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../locale.ts'
import type { OrderView } from '../order-view.ts'
import { listItem, orderView, requestSummary, signedIn } from '../orders-test-kit.ts'
import {
  cleanup,
  click,
  fakeServer,
  renderPanel,
  settle,
  type FakeServer,
  type Reply,
} from '../test-support.tsx'

afterEach(cleanup)

const heading = () => screen.getByRole('heading', { level: 2 })
const section = (name: string) =>
  screen.getByRole('heading', { level: 3, name }).closest('section')!
const part = (name: string) => within(section(name))
const texts = (name: string, selector: string) =>
  [...section(name).querySelectorAll(selector)].map((el) => el.textContent)

async function openOrder(order: OrderView | (() => Reply | Promise<Reply>), server?: FakeServer) {
  const s = signedIn(server ?? fakeServer(), [listItem()]).on(
    'GET /v1/orders/ord_1028',
    typeof order === 'function' ? order : { status: 200, body: { order } },
  )
  await renderPanel(s)
  await click(screen.getByRole('button', { name: /Order #1028/ }))
  return s
}

describe('the order page', () => {
  it('shows each parcel’s carrier, tracking number, link and events, newest first', async () => {
    const server = await openOrder(orderView())
    expect(heading().textContent).toBe('Order #1028')
    expect(document.activeElement).toBe(heading())
    expect(server.calls.at(-1)?.query).toEqual({ locale: 'en' })

    const tracking = part('Tracking')
    expect(tracking.getByText('DPD · Tracking number LL10281')).toBeTruthy()
    const link = tracking.getByRole('link', { name: 'Track with DPD (opens in a new tab)' })
    expect(link.getAttribute('href')).toBe('https://tracking.example.com/LL10281')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toContain('noopener')
    expect(texts('Tracking', '.timeline strong')).toEqual(['Delivered', 'Order packed'])
    expect(tracking.getByText('Left with a neighbour · London')).toBeTruthy()
    const times = [...document.querySelectorAll('.parcel time')]
    expect(times.map((t) => t.getAttribute('datetime'))).toEqual([
      '2026-11-07T12:00:00Z',
      '2026-11-05T12:00:00Z',
    ])
    expect(times[0]?.textContent).toContain('Nov 7')
  })

  it('numbers the parcels when there are several, and says when nothing shipped', async () => {
    const one = orderView().shipments[0]!
    await openOrder(
      orderView({
        shipments: [
          one,
          { ...one, id: 'sh_2', carrier: null, state: 'in_transit', trackingNumber: 'X2' },
        ],
      }),
    )
    const tracking = part('Tracking')
    expect(texts('Tracking', 'h4')).toEqual(['Parcel 1 of 2', 'Parcel 2 of 2'])
    expect(tracking.getByText('In transit')).toBeTruthy()
    expect(
      tracking.getByRole('link', { name: 'Track your parcel (opens in a new tab)' }),
    ).toBeTruthy()
    await cleanup()

    await openOrder(orderView({ shipments: [] }))
    expect(part('Tracking').getByText('Nothing has shipped yet.')).toBeTruthy()
    await cleanup()

    // A cancelled order is not waiting to ship (issue 20): it says it never will, and its badge
    // is not the colour of a delivered one, and has no delivery steps.
    await openOrder(
      orderView({ shipments: [], status: { code: 'cancelled', estimatedDeliveryAt: null } }),
    )
    expect(
      part('Tracking').getByText('The order was cancelled before anything shipped.'),
    ).toBeTruthy()
    expect(screen.getByText('Cancelled', { selector: '.badge' }).className).toBe(
      'badge tone-cancelled',
    )
    expect(screen.queryByRole('list', { name: 'Delivery progress' })).toBeNull()
  })

  it('shows the milestones, the items and the summary with paid and refunded', async () => {
    await openOrder(orderView())
    expect(texts('Order history', '.timeline strong')).toEqual([
      'Refund issued · £12.00',
      'Payment received',
      'Order placed',
    ])
    const items = part('3 items')
    expect(items.getByText('Speckled stoneware mug')).toBeTruthy()
    expect(items.getByText('2 × £24.00')).toBeTruthy()
    expect(items.getByText('£48.00')).toBeTruthy()
    expect(items.getByText('Final sale')).toBeTruthy()
    const summary = part('Order summary')
    expect(summary.getByText('Standard shipping · DPD')).toBeTruthy()
    expect(texts('Order summary', 'address')).toEqual([
      'Chidi Okafor221 Camden High StreetLondon, NW1 7BUUnited Kingdom',
      'Chidi OkaforBilling Road 1LeedsUnited Kingdom',
    ])
    expect(summary.getByText('Visa •••• 4242')).toBeTruthy()
    // Zero tax and discount are left out; paid and refunded are shown.
    expect(texts('Order summary', '.totals .row')).toEqual([
      'Subtotal£87.00',
      'Shipping£5.95',
      'Total£92.95',
      'Paid£92.95',
      'Refunded£12.00',
    ])
  })

  it('offers only the actions the order allows, and says why not where Cancel would be', async () => {
    await openOrder(orderView())
    const help = part('Need help with this order?')
    expect(help.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Return items',
      'Report an issue',
    ])
    expect(help.getByRole('link', { name: 'Track (opens in a new tab)' })).toBeTruthy()
    expect(help.getByText('Returns are open until December 7.')).toBeTruthy()
    expect(help.getByText('Cancellation: This order has already shipped.')).toBeTruthy()
  })

  it('explains a closed return window with its date', async () => {
    await openOrder(
      orderView({
        actions: {
          cancel: { offered: false, reason: { code: 'already_fulfilled' } },
          return: {
            offered: false,
            reason: { code: 'return_window_closed', data: { closedAt: '2026-10-03T12:00:00Z' } },
          },
        },
      }),
    )
    const help = part('Need help with this order?')
    expect(help.getByText('Returns: Return window closed on October 3.')).toBeTruthy()
    expect(help.queryByRole('button', { name: 'Return items' })).toBeNull()
  })

  it('says once why neither is offered when the reason is the same, and offers Cancel when it can', async () => {
    await openOrder(
      orderView({
        shipments: [],
        actions: {
          cancel: { offered: false, reason: { code: 'order_cancelled' } },
          return: { offered: false, reason: { code: 'order_cancelled' } },
        },
      }),
    )
    const help = part('Need help with this order?')
    expect(help.getByText('This order was cancelled.')).toBeTruthy()
    expect(help.getAllByRole('button').map((b) => b.textContent)).toEqual(['Report an issue'])
    expect(help.queryByRole('link')).toBeNull()
    await cleanup()

    await openOrder(
      orderView({
        actions: {
          cancel: { offered: true, until: null },
          return: { offered: false, reason: { code: 'not_fulfilled_yet' } },
        },
      }),
    )
    const again = part('Need help with this order?')
    expect(again.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Cancel order',
      'Report an issue',
    ])
    expect(again.getByText('Returns: Available once your order has shipped.')).toBeTruthy()
  })

  it('lists the order’s requests with their status; an open one stands in for its action', async () => {
    await openOrder(
      orderView({
        requests: [
          requestSummary(),
          requestSummary({
            ticketId: 'tk_2',
            reference: 'R-1043',
            type: 'issue',
            requestStatus: 'declined',
            decisionNote: 'The parcel was delivered to your safe place.',
          }),
        ],
      }),
    )
    const requests = part('Your requests')
    expect(requests.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'ReturnR-1042Under reviewNovember 20, 2026',
      'IssueR-1043DeclinedNovember 20, 2026The parcel was delivered to your safe place.',
    ])
    const help = part('Need help with this order?')
    expect(help.queryByRole('button', { name: 'Return items' })).toBeNull()
    expect(
      help.getByText('Returns: You already asked for this: request R-1042 is being reviewed.'),
    ).toBeTruthy()
  })

  it('opens the store’s Loop Returns portal in a new tab instead of the form', async () => {
    const server = fakeServer().on('GET /v1/widget/config', {
      status: 200,
      body: {
        store: { name: 'Lumen & Loom', key: 'pk_test_store' },
        theme: { color: '#1f6feb', position: 'right', logoUrl: null },
        embedOrigins: [],
        defaultLocale: 'en',
        returns: { loopPortalUrl: 'https://lumen.loopreturns.com/' },
      },
    })
    await openOrder(orderView(), server)
    const link = part('Need help with this order?').getByRole('link', {
      name: 'Return items (opens in a new tab)',
    })
    expect(link.getAttribute('href')).toBe('https://lumen.loopreturns.com/')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toContain('noopener')
  })

  it('shows the number and status from the list while the order loads', async () => {
    await openOrder(() => new Promise<Reply>(() => {}))
    expect(heading().textContent).toBe('Order #1028')
    expect(screen.getByText('Delivered', { selector: '.badge' })).toBeTruthy()
    // The steps, read as a list, the one reached marked current.
    const steps = screen.getByRole('list', { name: 'Delivery progress' })
    expect([...steps.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Ordered',
      'Shipped',
      'Out for delivery',
      'Delivered',
    ])
    expect(steps.querySelector('[aria-current="step"]')?.textContent).toBe('Delivered')
    expect(screen.getByRole('status').textContent).toBe('Loading…')
  })

  it('says so when the order is not the shopper’s', async () => {
    await openOrder(() => ({
      status: 404,
      body: { error: { code: 'order_not_found', message: 'No such order.' } },
    }))
    expect(screen.getByRole('alert').textContent).toBe('We can’t find this order.')
    await click(screen.getByRole('button', { name: 'Back' }))
    expect(heading().textContent).toBe('Your orders')
  })

  it('shows what the store and the shopper wrote each other on a request, in order', async () => {
    await openOrder(
      orderView({
        requests: [
          requestSummary({
            messages: [
              { author: 'store', body: 'Could you send a photo?', at: '2026-11-21T09:00:00Z' },
              { author: 'shopper', body: 'Here it is.', at: '2026-11-21T10:00:00Z' },
            ],
          }),
        ],
      }),
    )
    const lines = [...part('Your requests').getByRole('listitem').querySelectorAll('.line')].map(
      (l) => l.textContent,
    )
    expect(lines).toEqual([
      'November 20, 2026',
      'The store wrote · November 21, 2026Could you send a photo?',
      'You wrote · November 21, 2026Here it is.',
    ])
  })

  it('announces an approved cancel in one breath: the order cancelled and the request approved', async () => {
    const cancel = requestSummary({ type: 'cancel' })
    let view = orderView({
      status: { code: 'unfulfilled', estimatedDeliveryAt: null },
      requests: [cancel],
    })
    await openOrder(() => ({ status: 200, body: { order: view } }))
    // The shopper leaves the order and comes back to it once the agent has approved.
    view = orderView({
      status: { code: 'cancelled', estimatedDeliveryAt: null },
      requests: [{ ...cancel, requestStatus: 'approved', decisionNote: 'Stopped in time.' }],
    })
    await click(screen.getByRole('button', { name: 'Back' }))
    await click(screen.getByRole('button', { name: /Order #1028/ }))
    await settle()
    expect(texts('Your requests', 'li')).toEqual([
      'CancellationR-1042ApprovedNovember 20, 2026Stopped in time.',
    ])
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Order #1028: Cancelled R-1042: Approved',
    )
  })

  it('re-renders in a new language at once and announces a status that changed meanwhile', async () => {
    let view = orderView()
    const server = await openOrder(() => ({ status: 200, body: { order: view } }))
    view = orderView({ status: { code: 'refunded', estimatedDeliveryAt: null } })
    await act(async () => {
      await setLocale('de')
    })
    await settle()
    expect(server.calls.at(-1)?.query).toEqual({ locale: 'de' })
    expect(heading().textContent).toBe('Bestellung #1028')
    expect(screen.getByText('Erstattet', { selector: '.badge' })).toBeTruthy()
    expect(part('Bestellverlauf').getByText('Erstattung veranlasst · 12,00 £')).toBeTruthy()
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Bestellung #1028: Erstattet',
    )
  })
})

import { screen } from '@testing-library/dom'
import { afterEach, describe, expect, it } from 'vitest'
import type { OrderView } from '../order-view.ts'
import { listItem, orderView, requestSummary, signedIn } from '../orders-test-kit.ts'
import {
  cleanup,
  click,
  fakeServer,
  renderPanel,
  settle,
  type,
  type FakeServer,
} from '../test-support.tsx'

afterEach(cleanup)

async function openOrder(order: OrderView, server: FakeServer = fakeServer()) {
  const s = signedIn(server, [listItem()]).on('GET /v1/orders/ord_1028', {
    status: 200,
    body: { order },
  })
  await renderPanel(s)
  await click(screen.getByRole('button', { name: /Order #1028/ }))
  await settle()
  return s
}

const resolved = requestSummary({ requestStatus: 'approved', canRate: true })

describe('rating a resolved request in the panel', () => {
  it('sends the chosen score and comment once, then thanks the shopper', async () => {
    const server = fakeServer().on('POST /v1/tickets/tk_1/rating', {
      status: 201,
      body: { rating: { score: 4, comment: 'Fast', source: 'panel', createdAt: '' } },
    })
    await openOrder(orderView({ requests: [resolved] }), server)
    expect((await screen.findByText('How did we do?')).tagName).toBe('LEGEND')
    // Nothing chosen yet: the shopper is asked to pick, and nothing is sent.
    await click(screen.getByRole('button', { name: 'Send rating' }))
    expect(screen.getByText('Pick a rating from 1 to 5.').getAttribute('role')).toBe('alert')
    await click(screen.getByRole('radio', { name: '4 out of 5' }))
    await type(screen.getByLabelText('Anything to add? (optional)'), '  Fast ')
    await click(screen.getByRole('button', { name: 'Send rating' }))
    const sent = server.calls.filter((c) => c.path === '/v1/tickets/tk_1/rating')
    expect(sent.map((c) => [c.method, c.body, c.headers['authorization']])).toEqual([
      ['POST', { score: 4, comment: 'Fast' }, 'Bearer tok_shopper'],
    ])
    expect(screen.getByRole('status').textContent).toBe('Thank you for your rating!')
  })

  it('thanks the shopper when the ticket was rated elsewhere first (409 already_rated)', async () => {
    const server = fakeServer().on('POST /v1/tickets/tk_1/rating', {
      status: 409,
      body: { error: { code: 'already_rated', message: 'Rated already' } },
    })
    await openOrder(orderView({ requests: [resolved] }), server)
    await click(screen.getByRole('radio', { name: '5 out of 5' }))
    await click(screen.getByRole('button', { name: 'Send rating' }))
    expect(screen.getByRole('status').textContent).toBe('Thank you for your rating!')
  })

  it('shows a rating already given, and no form for requests still waiting', async () => {
    await openOrder(
      orderView({
        requests: [
          requestSummary({ requestStatus: 'approved', rating: 3 }),
          requestSummary({ ticketId: 'tk_2', reference: 'R-1043' }),
        ],
      }),
    )
    expect(await screen.findByText('You rated this 3 out of 5.')).toBeTruthy()
    expect(screen.queryAllByRole('radio')).toEqual([])
  })
})

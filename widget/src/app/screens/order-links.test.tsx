import { screen, within } from '@testing-library/dom'
import { afterEach, describe, expect, it } from 'vitest'
import type { OrderView } from '../order-view.ts'
import { listItem, orderView, signedIn } from '../orders-test-kit.ts'
import {
  cleanup,
  click,
  fakeServer,
  renderPanel,
  widgetConfigBody,
  type FakeServer,
} from '../test-support.tsx'

afterEach(cleanup)

const hostile = [
  'javascript:alert(document.domain)',
  'JavaScript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/w/pk_test_store',
]

async function openOrder(order: OrderView, server: FakeServer = fakeServer()) {
  const s = signedIn(server, [listItem({ trackingUrl: hostile[0]! })]).on(
    'GET /v1/orders/ord_1028',
    { status: 200, body: { order } },
  )
  await renderPanel(s)
  await click(screen.getByRole('button', { name: /Order #1028/ }))
}

/** Every link in the panel must lead to an http(s) page. */
function expectOnlyWebLinks() {
  const hrefs = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))
  for (const href of hrefs) expect(href, String(href)).toMatch(/^https?:\/\//)
}

describe('links from the store in the panel', () => {
  it.each(hostile)('turn the tracking URL %s into no link, keeping the number', async (url) => {
    const one = orderView().shipments[0]!
    await openOrder(orderView({ shipments: [{ ...one, trackingUrl: url }] }))
    const tracking = within(
      screen.getByRole('heading', { level: 3, name: 'Tracking' }).closest('section')!,
    )
    expect(tracking.getByText('DPD · Tracking number LL10281')).toBeTruthy()
    expect(tracking.queryByRole('link')).toBeNull()
    expect(screen.queryByRole('link', { name: /Track/ })).toBeNull()
    expectOnlyWebLinks()
  })

  it('offers the form instead of a Loop portal that is not an https page', async () => {
    const server = fakeServer().on('GET /v1/widget/config', {
      status: 200,
      body: { ...widgetConfigBody, returns: { loopPortalUrl: 'javascript:alert(1)' } },
    })
    await openOrder(orderView(), server)
    expect(screen.queryByRole('link', { name: /Return items/ })).toBeNull()
    expect(screen.getByRole('button', { name: 'Return items' })).toBeTruthy()
    expectOnlyWebLinks()
  })
})

import { screen, within } from '@testing-library/dom'
import { afterEach, describe, expect, it } from 'vitest'
import type { ReturnProgress } from '@porchlight/shared/api/returns'
import { listItem, orderView, requestSummary, signedIn } from '../orders-test-kit.ts'
import { cleanup, click, fakeServer, renderPanel } from '../test-support.tsx'

afterEach(cleanup)

const progress = (over: Partial<ReturnProgress> = {}): ReturnProgress => ({
  reference: 'RMA-1042',
  address: {
    name: 'Lumen & Loom Returns',
    line1: '12 Rue des Retours',
    line2: null,
    city: 'Lyon',
    region: null,
    postalCode: '69002',
    country: 'FR',
  },
  label: null,
  lines: [{ lineItemId: 'li_1', title: 'Linen shirt', quantity: 2, received: 0 }],
  steps: [{ step: 'approved', at: '2026-11-20T10:00:00Z' }],
  ...over,
})

async function openReturn(p: ReturnProgress) {
  const request = requestSummary({ requestStatus: 'approved', returnProgress: p })
  const s = signedIn(fakeServer(), [listItem()]).on('GET /v1/orders/ord_1028', {
    status: 200,
    body: { order: orderView({ requests: [request] }) },
  })
  await renderPanel(s)
  await click(screen.getByRole('button', { name: /Order #1028/ }))
  return within(screen.getByTestId('return-progress'))
}

describe('an approved return in the panel', () => {
  it('says where to send it and under which reference, before there is a label', async () => {
    const box = await openReturn(progress())
    expect(box.getByText(/Return reference: RMA-1042/)).toBeTruthy()
    expect(box.getByText('Write it on the parcel.')).toBeTruthy()
    expect(box.getByText(/12 Rue des Retours/)).toBeTruthy()
    expect(box.getByText('If the store provides a return label, it will appear here.')).toBeTruthy()
    expect(box.getByText(/0 of 2 received/)).toBeTruthy()
    expect(box.queryByRole('link')).toBeNull()
  })

  it('shows the label and each step once they happened, refunds with their amount', async () => {
    const box = await openReturn(
      progress({
        label: { kind: 'pdf', url: '/v1/return-labels/abcdefghijklmnopqrstuvwxyz012345' },
        lines: [{ lineItemId: 'li_1', title: 'Linen shirt', quantity: 2, received: 1 }],
        steps: [
          { step: 'approved', at: '2026-11-20T10:00:00Z' },
          { step: 'label_ready', at: '2026-11-20T11:00:00Z' },
          { step: 'received', at: '2026-11-24T09:00:00Z' },
          {
            step: 'refunded',
            at: '2026-11-24T09:00:00Z',
            amount: { amount: 4900, currency: 'EUR' },
          },
        ],
      }),
    )
    const link = box.getByRole('link', { name: /Download the return label/ })
    expect(link.getAttribute('href')).toMatch(/^https?:\/\/[^/]+\/v1\/return-labels\/abcdef/)
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    const steps = box.getByRole('list', { name: 'Return progress' })
    expect([...steps.querySelectorAll('strong')].map((s) => s.textContent)).toEqual([
      'Approved',
      'Label ready',
      'Received',
      'Refunded',
    ])
    expect(steps.textContent).toContain('€49.00')
    expect(box.getByText(/1 of 2 received/)).toBeTruthy()
  })

  it('shows no link for a label address that is not http(s)', async () => {
    const box = await openReturn(progress({ label: { kind: 'url', url: 'javascript:alert(1)' } }))
    expect(box.queryByRole('link')).toBeNull()
  })
})

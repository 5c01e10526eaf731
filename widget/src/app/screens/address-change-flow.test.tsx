import { screen } from '@testing-library/dom'
import { afterEach, describe, expect, it } from 'vitest'
import { orderView, listItem, signedIn } from '../orders-test-kit.ts'
import {
  cleanup,
  click,
  fakeServer,
  renderPanel,
  type,
  type Call,
  type Reply,
} from '../test-support.tsx'

afterEach(cleanup)

const filed = {
  ticketId: 'tk_9',
  reference: 'T-1030',
  type: 'address_change',
  requestStatus: 'requested',
  createdAt: '2026-11-22T12:00:00Z',
}

const unshipped = (addressChange: unknown) => {
  const view = orderView({ status: { code: 'unfulfilled', estimatedDeliveryAt: null } })
  return { ...view, actions: { ...view.actions, addressChange } } as typeof view
}

async function open(
  addressChange: unknown,
  onPost: (call: Call) => Reply = () => ({ status: 201, body: filed }),
) {
  const server = signedIn(fakeServer(), [listItem()])
    .on('GET /v1/orders/ord_1028', { status: 200, body: { order: unshipped(addressChange) } })
    .on('POST /v1/orders/ord_1028/requests', onPost)
  await renderPanel(server)
  await click(screen.getByRole('button', { name: /Order #1028/ }))
  return server
}

const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement

describe('an address change', () => {
  it('asks for the country’s fields, names what is missing, then sends the checked address once', async () => {
    const server = await open({ offered: true, until: null })
    await click(screen.getByRole('button', { name: 'Change delivery address' }))
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Change the delivery address',
    )
    // The current address is shown; the name carries over, the street does not.
    expect(screen.getAllByText('221 Camden High Street')).toHaveLength(1)
    expect(field('Full name').value).toBe('Chidi Okafor')
    expect(field('Postal code').required).toBe(true)

    await click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByRole('alert').textContent).toBe(
      'Some fields of the address need your attention.',
    )
    expect(field('Street address').getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(field('Street address'))
    expect(screen.getAllByText('Fill in this field.')).toHaveLength(3)

    await type(field('Street address'), ' 10 Downing Street ')
    await type(field('City'), 'London')
    await type(field('Postal code'), '12345')
    await click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('This doesn’t look right for this country.')).toBeTruthy()
    await type(field('Postal code'), 'sw1a 2aa')
    await click(screen.getByRole('button', { name: 'Continue' }))

    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Check your request')
    expect(screen.getByText('Current address')).toBeTruthy()
    expect(screen.getByText('New address')).toBeTruthy()
    expect(screen.getByText('SW1A 2AA London')).toBeTruthy()
    // A double click sends one request.
    const send = screen.getByRole('button', { name: 'Send request' })
    send.click()
    await click(send)

    const posts = server.calls.filter((c) => c.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0]!.body).toEqual({
      type: 'address_change',
      reason: 'address_change',
      address: {
        name: 'Chidi Okafor',
        company: null,
        line1: '10 Downing Street',
        line2: null,
        city: 'London',
        region: null,
        postalCode: 'SW1A 2AA',
        country: 'GB',
        phone: null,
      },
      channel: 'chat',
      locale: 'en',
    })
    expect(screen.getByRole('status').textContent).toBe('Your reference is T-1030.')
  })

  it('offers the states of the United States as a list', async () => {
    await open({ offered: true, until: null })
    await click(screen.getByRole('button', { name: 'Change delivery address' }))
    const country = screen.getByRole('combobox', { name: 'Country' }) as HTMLSelectElement
    country.value = 'US'
    country.dispatchEvent(new Event('change', { bubbles: true }))
    await Promise.resolve()
    const state = (await screen.findByRole('combobox', {
      name: 'State, province or region',
    })) as HTMLSelectElement
    expect([...state.options].map((o) => o.value)).toContain('CA')
  })

  it('lists the request with the address asked for', async () => {
    const server = signedIn(fakeServer(), [listItem()]).on('GET /v1/orders/ord_1028', {
      status: 200,
      body: {
        order: {
          ...unshipped({ offered: true, until: null }),
          requests: [
            {
              ...filed,
              orderId: 'ord_1028',
              orderName: '#1028',
              reason: 'address_change',
              decidedAt: null,
              decisionNote: null,
              rating: null,
              canRate: false,
              messages: [],
              address: {
                name: 'Chidi Okafor',
                company: null,
                line1: '10 Downing Street',
                line2: null,
                city: 'London',
                region: null,
                postalCode: 'SW1A 2AA',
                country: 'GB',
                phone: null,
              },
            },
          ],
        },
      },
    })
    await renderPanel(server)
    await click(screen.getByRole('button', { name: /Order #1028/ }))
    expect(screen.getByText('Address change')).toBeTruthy()
    expect(screen.getByText('10 Downing Street, London')).toBeTruthy()
    // One open request stands in for the action: asking twice would be refused.
    expect(screen.queryByRole('button', { name: 'Change delivery address' })).toBeNull()
  })

  it('is not offered after fulfilment started, and the order page says why', async () => {
    await open({ offered: false, reason: { code: 'fulfillment_in_progress' } })
    expect(screen.queryByRole('button', { name: 'Change delivery address' })).toBeNull()
    expect(screen.getByText(/^Address change: /)).toBeTruthy()
  })
})

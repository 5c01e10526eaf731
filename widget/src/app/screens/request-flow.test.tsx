import { screen, within } from '@testing-library/dom'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../locale.ts'
import type { OrderView } from '../order-view.ts'
import { listItem, orderView, signedIn } from '../orders-test-kit.ts'
import { REQUEST_ERROR_CODES } from '../request-error.ts'
import {
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
const posts = (server: FakeServer) => server.calls.filter((c) => c.method === 'POST')
const filed = {
  ticketId: 'tk_1',
  reference: '#1028-R1',
  type: 'return',
  requestStatus: 'requested',
  createdAt: '2026-11-22T12:00:00Z',
}

/** Opens the order page of #1028 and starts a request with `action` (a button's name). */
async function start(
  action: string,
  view: OrderView,
  onPost: (call: Call) => Reply | Promise<Reply> = () => ({ status: 201, body: filed }),
  query = '',
) {
  const server = signedIn(fakeServer(), [listItem()])
    .on('GET /v1/orders/ord_1028', { status: 200, body: { order: view } })
    .on('POST /v1/orders/ord_1028/requests', onPost)
  await renderPanel(server, query)
  await click(screen.getByRole('button', { name: /Order #1028/ }))
  await click(screen.getByRole('button', { name: action }))
  return server
}

async function pickReason(label: string) {
  await click(screen.getByRole('radio', { name: label }))
}

async function reviewReturn(server: FakeServer, reason = 'I changed my mind') {
  await click(screen.getByRole('checkbox', { name: /Speckled stoneware mug/ }))
  await pickReason(reason)
  await click(screen.getByRole('button', { name: 'Continue' }))
  return server
}

describe('a return', () => {
  it('can ask for another in-stock variant of the same product instead of a refund', async () => {
    const server = await start('Return items', orderView())
    server.on('GET /v1/orders/ord_1028/lines/li_1/exchange-options', {
      status: 200,
      body: {
        lineItemId: 'li_1',
        productTitle: 'Speckled stoneware mug',
        options: [
          {
            variantId: 'LL-MUG-SGE',
            title: 'Sage',
            price: { amount: 2400, currency: 'EUR' },
            available: 3,
          },
        ],
      },
    })
    await click(screen.getByRole('checkbox', { name: /Speckled stoneware mug/ }))
    const choice = (await screen.findByRole('combobox', {
      name: 'Instead of a refund',
    })) as HTMLSelectElement
    expect([...choice.options].map((o) => o.textContent)).toEqual([
      'Refund me',
      'Send Sage instead',
    ])
    choice.value = 'LL-MUG-SGE'
    await act(() => {
      choice.dispatchEvent(new Event('change', { bubbles: true }))
    })
    await pickReason('I changed my mind')
    await click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('Exchange for Sage')).toBeTruthy()
    await click(screen.getByRole('button', { name: 'Send request' }))
    const body = posts(server)[0]!.body as { lines: unknown[] }
    expect(body.lines).toEqual([
      { lineItemId: 'li_1', quantity: 2, exchangeVariantId: 'LL-MUG-SGE' },
    ])
  })

  it('offers no exchange, and says nothing of stock, for a line the store cannot exchange', async () => {
    const server = await start('Return items', orderView())
    const asked = vi.fn()
    server.on('GET /v1/orders/ord_1028/lines/li_1/exchange-options', () => {
      asked()
      return {
        status: 200,
        body: { lineItemId: 'li_1', productTitle: 'Mug', options: [], exchangeable: false },
      }
    })
    await click(screen.getByRole('checkbox', { name: /Speckled stoneware mug/ }))
    await vi.waitFor(() => expect(asked).toHaveBeenCalled())
    await act(async () => {})
    expect(screen.queryByRole('combobox', { name: 'Instead of a refund' })).toBeNull()
    expect(screen.queryByText('No other size or colour in stock')).toBeNull()
  })

  it('takes lines within what is returnable, a reason and a comment, then a review, once', async () => {
    const parent = { postMessage: vi.fn() }
    Object.defineProperty(window, 'parent', { value: parent, configurable: true })
    const server = await start(
      'Return items',
      orderView(),
      undefined,
      '?origin=http%3A%2F%2Fshop.test',
    )
    expect(heading().textContent).toBe('Return items')
    expect(document.activeElement).toBe(heading())
    const vase = screen.getByRole('checkbox', { name: /Ridged glass vase/ }) as HTMLInputElement
    expect(vase.disabled).toBe(true)
    expect(screen.getByText('Final sale: can’t be returned')).toBeTruthy()

    await click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByRole('alert').textContent).toBe('Choose at least one item.')
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: /Speckled/ }))

    await click(screen.getByRole('checkbox', { name: /Speckled stoneware mug/ }))
    const quantity = screen.getByRole('combobox', { name: 'Quantity' }) as HTMLSelectElement
    expect([...quantity.options].map((o) => o.value)).toEqual(['1', '2'])
    expect(quantity.value).toBe('2')
    await act(() => {
      quantity.value = '1'
      quantity.dispatchEvent(new Event('change', { bubbles: true }))
    })
    await click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByRole('alert').textContent).toBe('Choose a reason.')

    expect(screen.getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual([
      'It doesn’t fit',
      'It arrived damaged',
      'It isn’t as described',
      'I received the wrong item',
      'I changed my mind',
      'Something else',
    ])
    await pickReason('It doesn’t fit')
    const comment = screen.getByLabelText(/Anything else we should know/) as HTMLTextAreaElement
    expect(comment.maxLength).toBe(1000)
    await type(comment, '  Too small for my hands.  ')
    expect(screen.getByText('973 characters left')).toBeTruthy()
    await click(screen.getByRole('button', { name: 'Continue' }))

    expect(heading().textContent).toBe('Check your request')
    expect(document.activeElement).toBe(heading())
    const review = within(document.querySelector('dl')!)
    expect(review.getByText('1 × Speckled stoneware mug')).toBeTruthy()
    expect(review.getByText('It doesn’t fit')).toBeTruthy()
    expect(review.getByText('Too small for my hands.')).toBeTruthy()
    expect(posts(server)).toHaveLength(0)

    await click(screen.getByRole('button', { name: 'Send request' }))
    const [post] = posts(server)
    expect(post?.body).toEqual({
      type: 'return',
      reason: 'doesnt_fit',
      comment: 'Too small for my hands.',
      lines: [{ lineItemId: 'li_1', quantity: 1 }],
      channel: 'chat',
      locale: 'en',
    })
    expect(post?.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/)

    expect(heading().textContent).toBe('Request sent')
    expect(document.activeElement).toBe(heading())
    expect(screen.getByText('Your reference is #1028-R1.')).toBeTruthy()
    const body = screen.getByText(/will review your request/).textContent ?? ''
    expect(body).not.toMatch(/refund/i)
    expect(parent.postMessage).toHaveBeenCalledWith(
      {
        type: 'porchlight:event',
        name: 'ticket:created',
        detail: { reference: '#1028-R1', type: 'return' },
      },
      'http://shop.test',
    )

    // Back on the order, it is asked for again: the request changed what it offers.
    const loads = server.calls.filter((c) => c.path === '/v1/orders/ord_1028').length
    await click(screen.getByRole('button', { name: 'Back to your order' }))
    expect(heading().textContent).toBe('Order #1028')
    expect(server.calls.filter((c) => c.path === '/v1/orders/ord_1028')).toHaveLength(loads + 1)
  })

  it('sends one request for a double click, and the same key again after a lost answer', async () => {
    let answer: (reply: Reply) => void = () => {}
    let attempt = 0
    const server = await start('Return items', orderView(), () => {
      attempt++
      if (attempt === 1) throw new TypeError('Failed to fetch')
      return new Promise<Reply>((resolve) => (answer = resolve))
    })
    await reviewReturn(server)
    const send = screen.getByRole('button', { name: 'Send request' })
    await click(send)
    expect(screen.getByRole('alert').textContent).toBe(
      'We can’t reach the server. Check your connection and try again.',
    )

    await act(() => {
      send.click()
      send.click()
    })
    await settle()
    expect(send.textContent).toBe('Sending…')
    await click(send)
    expect(posts(server)).toHaveLength(2)
    await act(() => answer({ status: 200, body: filed }))
    await settle()
    const keys = posts(server).map((c) => c.headers['idempotency-key'])
    expect(new Set(keys).size).toBe(1)
    expect(posts(server)[0]?.body).toEqual(posts(server)[1]?.body)
    expect(heading().textContent).toBe('Request sent')
  })

  it('sends a new key once the shopper edits what they reviewed', async () => {
    const server = await start('Return items', orderView(), () => {
      throw new TypeError('Failed to fetch')
    })
    await reviewReturn(server)
    await click(screen.getByRole('button', { name: 'Send request' }))
    await click(screen.getByRole('button', { name: 'Back' }))
    expect(heading().textContent).toBe('Return items')
    // What they chose is still there.
    expect(
      (screen.getByRole('radio', { name: 'I changed my mind' }) as HTMLInputElement).checked,
    ).toBe(true)
    await pickReason('Something else')
    await click(screen.getByRole('button', { name: 'Continue' }))
    await click(screen.getByRole('button', { name: 'Send request' }))
    const [first, second] = posts(server)
    expect(second?.body).toMatchObject({ reason: 'other' })
    expect(second?.headers['idempotency-key']).not.toBe(first?.headers['idempotency-key'])
  })

  it('takes a fresh key after the server says the key was used for another request', async () => {
    let attempt = 0
    const server = await start('Return items', orderView(), () =>
      ++attempt === 1
        ? { status: 422, body: { error: { code: 'idempotency_key_reused', message: '' } } }
        : { status: 201, body: filed },
    )
    await reviewReturn(server)
    await click(screen.getByRole('button', { name: 'Send request' }))
    expect(screen.getByRole('alert').textContent).toBe(
      'Your request changed while it was being sent. Check it and send it again.',
    )
    await click(screen.getByRole('button', { name: 'Send request' }))
    const [first, second] = posts(server)
    expect(second?.headers['idempotency-key']).not.toBe(first?.headers['idempotency-key'])
    expect(heading().textContent).toBe('Request sent')
  })
})

describe('every refusal of a request, in plain words', () => {
  const cases: Array<[string, Record<string, unknown> | undefined, string]> = [
    ['validation_failed', undefined, 'Something in the form isn’t right. Check it and try again.'],
    ['invalid_json', undefined, 'We couldn’t send that. Please try again.'],
    [
      'invalid_email',
      undefined,
      'That doesn’t look like an email address. Check it and try again.',
    ],
    ['store_not_found', undefined, 'This help panel isn’t set up for this store.'],
    ['payload_too_large', undefined, 'That’s too long to send. Please shorten it and try again.'],
    ['unsupported_media_type', undefined, 'We couldn’t send that. Please try again.'],
    [
      'rate_limited',
      { retryAfterSeconds: 300 },
      'Too many attempts. Please try again in 5 minutes.',
    ],
    ['idempotency_key_missing', undefined, 'We couldn’t send your request. Please try again.'],
    ['idempotency_key_invalid', undefined, 'We couldn’t send your request. Please try again.'],
    ['order_not_found', undefined, 'We can’t find this order.'],
    [
      'request_not_offered',
      { reason: { code: 'return_window_closed', data: { closedAt: '2026-10-03T12:00:00Z' } } },
      'Returns: Return window closed on October 3.',
    ],
    ['request_not_offered', undefined, 'This request isn’t available for this order any more.'],
    [
      'request_already_open',
      { reference: '#1028-R1' },
      'You already asked for this: request #1028-R1 is being reviewed.',
    ],
    [
      'invalid_reason',
      undefined,
      'That reason isn’t available for this order any more. Choose another one.',
    ],
    [
      'invalid_lines',
      undefined,
      'Some items can’t be returned in those quantities any more. Check them and try again.',
    ],
    [
      'exchange_out_of_stock',
      undefined,
      'That size or colour has just sold out. Pick another, or ask for a refund.',
    ],
    [
      'exchange_variant_not_allowed',
      undefined,
      'This item can only be exchanged for another size or colour of the same product.',
    ],
    [
      'address_invalid',
      { problems: [{ field: 'city', code: 'required' }] },
      'Some fields of the address need your attention.',
    ],
    [
      'idempotency_key_reused',
      undefined,
      'Your request changed while it was being sent. Check it and send it again.',
    ],
  ]

  const sessionEnded = ['session_missing', 'session_expired', 'session_revoked']

  it('covers every code of the request contract', () => {
    expect(new Set([...cases.map(([code]) => code), ...sessionEnded])).toEqual(
      new Set(REQUEST_ERROR_CODES),
    )
  })

  it.each(cases)('%s %j', async (code, details, text) => {
    const status =
      code === 'order_not_found' || code === 'store_not_found'
        ? 404
        : code.startsWith('request_')
          ? 409
          : code === 'rate_limited'
            ? 429
            : 422
    const server = await start('Return items', orderView(), () => ({
      status,
      body: { error: { code, message: 'Refused', ...(details ? { details } : {}) } },
    }))
    await reviewReturn(server)
    await click(screen.getByRole('button', { name: 'Send request' }))
    expect(screen.getByRole('alert').textContent).toBe(text)
    expect(heading().textContent).toBe('Check your request')
  })
})

describe('a session that ended while the shopper reviewed', () => {
  it.each([
    ['session_expired', 'Your session has ended. Please sign in again.'],
    ['session_revoked', 'You were signed out. Please sign in again.'],
    ['session_missing', 'Please sign in to continue.'],
  ])('%s sends them to sign in again, saying why', async (code, text) => {
    const server = await start('Return items', orderView(), () => ({
      status: 401,
      body: { error: { code, message: 'No session' } },
    }))
    await reviewReturn(server)
    await click(screen.getByRole('button', { name: 'Send request' }))
    expect(heading().textContent).toBe('Sign in to see your orders')
    expect(document.activeElement).toBe(heading())
    expect(screen.getByRole('status').textContent).toBe(text)
  })
})

describe('a cancellation', () => {
  const cancellable = (reasons?: OrderView['actions']['cancelReasons']) =>
    orderView({
      shipments: [],
      actions: {
        cancel: { offered: true, until: null },
        return: { offered: false, reason: { code: 'not_fulfilled_yet' } },
        ...(reasons ? { cancelReasons: reasons } : {}),
      },
    })

  it('takes the store’s reasons, its own labels in the shopper’s language, and no lines', async () => {
    const server = await start(
      'Cancel order',
      cancellable([
        'changed_mind',
        {
          code: 'found_in_store',
          labels: { en: 'I bought it in a shop', fr: 'Acheté en boutique' },
        },
      ]),
    )
    expect(heading().textContent).toBe('Ask to cancel this order')
    expect(screen.queryByRole('checkbox')).toBeNull()
    expect(screen.getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual([
      'I changed my mind',
      'I bought it in a shop',
    ])
    await act(async () => {
      await setLocale('fr')
    })
    expect(screen.getByRole('radio', { name: 'Acheté en boutique' })).toBeTruthy()
    await pickReason('Acheté en boutique')
    await click(screen.getByRole('button', { name: 'Continuer' }))
    expect(screen.getByText('Acheté en boutique', { selector: 'dd' })).toBeTruthy()
    await click(screen.getByRole('button', { name: 'Envoyer la demande' }))
    expect(posts(server)[0]?.body).toEqual({
      type: 'cancel',
      reason: 'found_in_store',
      channel: 'chat',
      locale: 'fr',
    })
  })

  it('falls back to the panel’s reasons when the order names none', async () => {
    await start('Cancel order', cancellable())
    expect(screen.getAllByRole('radio')).toHaveLength(5)
    expect(screen.getByRole('radio', { name: 'I ordered it by mistake' })).toBeTruthy()
  })
})

describe('reporting an issue', () => {
  it('asks the question of the order’s scenario with its reasons, from the help center', async () => {
    const view = orderView({
      status: { code: 'in_transit', estimatedDeliveryAt: null },
      issue: {
        scenario: 'shipped',
        reasons: [
          { code: 'tracking_not_updating' },
          { code: 'parcel_opened', labels: { en: 'The parcel was opened', de: 'Paket geöffnet' } },
          { code: 'other' },
        ],
      },
    })
    const server = await start('Report an issue', view, undefined, '?mode=portal')
    expect(heading().textContent).toBe('Report an issue')
    expect(screen.getByRole('group', { name: 'What’s wrong with your delivery?' })).toBeTruthy()
    expect(screen.getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual([
      'The tracking isn’t updating',
      'The parcel was opened',
      'Something else',
    ])
    await pickReason('The tracking isn’t updating')
    await click(screen.getByRole('button', { name: 'Continue' }))
    await click(screen.getByRole('button', { name: 'Send request' }))
    expect(posts(server)[0]?.body).toEqual({
      type: 'issue',
      reason: 'tracking_not_updating',
      channel: 'help-center',
      locale: 'en',
    })
    expect(screen.getByText('Your reference is #1028-R1.')).toBeTruthy()
  })
})

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { $, byText, fakeApi, order, renderConsole, ticket, view } from './test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const line = (over: Record<string, unknown>) => ({
  id: 'li_2',
  title: 'Speckled mug',
  variantTitle: null,
  sku: null,
  quantity: 4,
  price: { amount: 1200, currency: 'EUR' },
  refundedQuantity: 0,
  ...over,
})

describe('the order beside a ticket says what the panel says', () => {
  it("shows a line's total, with the unit price beside it when there are several", async () => {
    const api = fakeApi({
      ticket: async () =>
        view({
          order: order({ lineItems: [line({}), line({ id: 'li_3', quantity: 1, title: 'Vase' })] }),
        }),
    })
    await renderConsole('/console/tickets/tk_1', api)
    const [mugs, vase] = [...document.querySelectorAll('.lines li')]
    const euros = (n: string) => new RegExp(n.replace('.', '[.,]'))
    expect(mugs?.querySelector('.line-price')?.textContent).toMatch(euros('48.00'))
    expect(mugs?.querySelector('.line-price small')?.textContent).toMatch(/\(4 × .*12[.,]00.*\)/)
    expect(vase?.querySelector('.line-price')?.textContent).toMatch(euros('12.00'))
    expect(vase?.querySelector('.line-price small')).toBeNull()
  })

  it('names the shopper from the order when the ticket has no name', async () => {
    const address = { name: 'Ada Park', line1: '1 Main St', city: 'Oakland', country: 'US' }
    const api = fakeApi({
      ticket: async () =>
        view({
          ticket: ticket({
            shopper: {
              identity: { kind: 'email', value: 'ada@example.com' },
              name: null,
              email: null,
              locale: 'en',
            },
          }),
          order: order({ shippingAddress: address }),
        }),
    })
    await renderConsole('/console/tickets/tk_1', api)
    expect(byText('dt', 'Name').nextElementSibling?.textContent).toBe('Ada Park (on the order)')
  })

  it('says "Not given" rather than a dash when neither has a name', async () => {
    const api = fakeApi({
      ticket: async () =>
        view({
          ticket: ticket({ shopper: { identity: null, name: null, email: null, locale: 'en' } }),
        }),
    })
    await renderConsole('/console/tickets/tk_1', api)
    expect(byText('dt', 'Name').nextElementSibling?.textContent).toBe('Not given')
    expect($('.who-name').getAttribute('title')).toBe('Dana · Lumen & Loom')
  })
})

describe("the shopper's rating on the ticket", () => {
  it('shows the score in words and the comment, and nothing before a rating', async () => {
    const rating = {
      score: 4,
      comment: 'Quick and kind',
      source: 'email' as const,
      createdAt: '2026-01-11T10:00:00.000Z',
    }
    await renderConsole('/console/tickets/tk_1', fakeApi({ ticket: async () => view({ rating }) }))
    const card = $('section[aria-labelledby="rating-title"]')
    expect(card.textContent).toContain('4 out of 5')
    expect(card.textContent).toContain('from the email')
    expect(card.querySelector('blockquote')?.textContent).toBe('Quick and kind')
    document.body.innerHTML = ''
    await renderConsole('/console/tickets/tk_1', fakeApi())
    expect(document.querySelector('section[aria-labelledby="rating-title"]')).toBeNull()
  })
})

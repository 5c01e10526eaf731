// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TicketEventJson } from '@porchlight/shared/api/agent'
import { fakeApi, order, pageOf, renderConsole, ticket, view } from './test-kit.tsx'

/**
 * Issue 6, item 7: nothing a shopper typed may run in the console. Every shopper-controlled
 * field of the queue and the ticket view carries one of these payloads; the DOM must then hold
 * only the elements the console itself draws, with the payload as plain text.
 */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<svg onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
  '"><iframe src=javascript:alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '${alert(1)}',
  '<object data="data:text/html,<script>alert(1)</script>">',
  '<style>*{display:none}</style>',
  '<base href="javascript:alert(1)//">',
  '<form action=javascript:alert(1)><button>go</button></form>',
  "'><body onload=alert(1)>",
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '\u202e<script>alert(1)</script>',
  // Issue 16, item 6: bidi controls must not reorder the console's own words around them.
  'invoice\u202Egnp.exe',
  'Ada\u2067 \u202Bmoc.elpmaxe@\u2069',
]

/** Characters that open, close or steer bidi runs (embeddings, overrides, isolates, marks). */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/

// Every element the console draws for these screens; anything else came from a payload.
const ALLOWED = new Set(
  (
    'div span p a h1 h2 h3 strong small time main header section article aside nav form label ' +
    'input select option textarea button table caption thead tbody tr th td ul ol li dl dt dd ' +
    'blockquote bdi'
  ).split(' '),
)

const at = '2026-01-10T10:00:00.000Z'
const ev = (id: string, kind: string, data: Record<string, unknown>, actor = 'shopper') =>
  ({
    id,
    kind,
    actor: { kind: actor, id: actor === 'agent' ? 'ag_me' : null },
    data,
    at,
  }) as TicketEventJson

function hostile(p: string, i: number) {
  return ticket({
    id: `tk_${i}`,
    reference: `#${2000 + i}`,
    number: 2000 + i,
    order: { id: 'o_1', name: p },
    shopper: { identity: { kind: 'email', value: p }, name: p, email: p, locale: p },
    reason: p,
    comment: p,
    lines: [{ lineItemId: p, quantity: 1 }],
    tags: [p],
  })
}

function hostileOrder(p: string) {
  const money = { amount: 100, currency: 'EUR' }
  return order({
    name: p,
    displayStatus: p,
    status: p,
    financialStatus: p,
    fulfillmentStatus: p,
    paymentMethod: { kind: 'card', label: p },
    lineItems: [
      { id: p, title: p, variantTitle: p, sku: p, quantity: 1, price: money, refundedQuantity: 0 },
    ],
    shipments: [
      {
        id: 'sh_1',
        carrier: p,
        trackingNumber: p,
        trackingUrl: 'javascript:alert(1)',
        estimatedDeliveryAt: null,
        createdAt: at,
        events: [{ kind: p, at, message: p, location: p }],
        lines: [],
      },
    ],
  })
}

function hostileHistory(p: string): TicketEventJson[] {
  return [
    ev('e1', 'created', { comment: p }),
    ev('e2', 'message', { body: p }),
    ev('e3', 'note', { body: p }, 'agent'),
    ev('e4', 'reply', { body: p }, 'agent'),
    ev('e5', 'declined', { reason: p }, 'agent'),
    ev('e6', 'updated', { tags: [p], status: p, assigneeId: p }, 'agent'),
    ev('e7', p, { message: p }, 'system'),
    ev('e8', 'refunded', { amount: { amount: 100, currency: p }, note: p }, 'agent'),
  ]
}

function assertInert(payload: string) {
  for (const el of document.body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase()
    expect(ALLOWED.has(tag), `unexpected <${tag}> for ${payload}`).toBe(true)
    for (const attr of el.getAttributeNames()) {
      expect(attr.startsWith('on'), `event handler attribute ${attr} for ${payload}`).toBe(false)
    }
  }
  for (const a of document.body.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? ''
    // The console's own pages, outside links, the skip link, and the CSV exports of what the
    // filters show (same-origin downloads whose query the filters built, encoded).
    expect(href, `unsafe link for ${payload}`).toMatch(
      /^(\/console(\/|\?|$)|https?:\/\/|#main$|\/v1\/agent\/[a-z/]+\/export\.csv(\?|$))/,
    )
  }
  expect(document.querySelectorAll('script, img, svg, iframe, object, style, base')).toHaveLength(0)
}

/**
 * Every piece of text holding a bidi control sits in a <bdi> that holds that field alone: the
 * payload (maybe capitalized by label()) plus at most digits and punctuation (an amount, a
 * quantity), never the console's words, which the control would otherwise reorder.
 */
function assertIsolated(...payloads: string[]) {
  if (!payloads.some((p) => BIDI_CONTROL.test(p))) return
  // Longest first: one payload may hold another ('\u202e<script>…' holds '<script>…').
  const fields = [...payloads]
    .sort((a, b) => b.length - a.length)
    .map((p) => new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'))
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  let checked = 0
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (!BIDI_CONTROL.test(node.textContent ?? '')) continue
    checked++
    const isolate = node.parentElement?.closest('bdi')
    const where = `${node.parentElement?.outerHTML.slice(0, 120)}`
    expect(isolate, `not isolated: ${where}`).toBeTruthy()
    const rest = fields.reduce((text, field) => text.replace(field, ''), isolate!.textContent!)
    expect(rest, `the isolate holds more than the field: ${where}`).toMatch(/^[\d.,\s×#·-]*$/)
  }
  expect(checked, 'the payload was shown somewhere').toBeGreaterThan(0)
}

let alert: ReturnType<typeof vi.fn>
beforeEach(() => {
  alert = vi.fn()
  vi.stubGlobal('alert', alert)
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('shopper payloads render as text, never as markup', () => {
  it('in the queue', async () => {
    const tickets = PAYLOADS.map(hostile)
    await renderConsole('/console', fakeApi({ tickets: async () => pageOf(tickets) }))
    const rows = [...document.querySelectorAll('tbody tr')]
    expect(rows).toHaveLength(PAYLOADS.length)
    PAYLOADS.forEach((p, i) => {
      const cells = rows[i]!.querySelectorAll('td')
      expect(cells[3]!.textContent, 'shopper cell').toBe(p)
      expect(cells[4]!.textContent, 'order cell').toBe(p)
    })
    assertInert('queue')
    assertIsolated(...PAYLOADS)
    expect(alert).not.toHaveBeenCalled()
  })

  it.each(PAYLOADS.map((p, i) => [p, i] as const))('in the ticket view: %s', async (p, i) => {
    const api = fakeApi({
      ticket: async () =>
        view({ ticket: hostile(p, i), history: hostileHistory(p), order: hostileOrder(p) }),
    })
    await renderConsole(`/console/tickets/tk_${i}`, api)
    expect(document.querySelector('h1')?.textContent).toContain(`#${2000 + i}`)
    // The comment, the notes, the chat-less history bodies and the order all show the text.
    expect(document.querySelector('blockquote')?.textContent).toBe(p)
    const bodies = [...document.querySelectorAll('.event-body')].map((e) => e.textContent)
    expect(bodies.filter((b) => b === p).length).toBeGreaterThanOrEqual(6)
    const dd = [...document.querySelectorAll('dd')].map((e) => e.textContent)
    expect(dd).toContain(p)
    expect(document.querySelector('.tags span')?.textContent).toBe(p)
    expect(document.querySelector('.lines .line-title')?.textContent).toContain(p)
    // The javascript: tracking link is shown as text, not as a link.
    expect(document.querySelector('.ticket-order a')).toBeNull()
    assertInert(p)
    assertIsolated(p)
    expect(alert).not.toHaveBeenCalled()
  })

  it('keeps an http(s) tracking link, opened without handing over the console', async () => {
    const o = hostileOrder('x')
    ;(o['shipments'] as Array<Record<string, unknown>>)[0]!['trackingUrl'] =
      'https://track.example/1Z?n=1'
    await renderConsole(
      '/console/tickets/tk_1',
      fakeApi({ ticket: async () => view({ order: o }) }),
    )
    const link = document.querySelector<HTMLAnchorElement>('.ticket-order a')!
    expect(link.getAttribute('href')).toBe('https://track.example/1Z?n=1')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
  })
})

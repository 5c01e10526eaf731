import { screen } from '@testing-library/dom'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../locale.ts'
import { listItem, orderView, requestSummary, signedIn } from '../orders-test-kit.ts'
import { cleanup, click, fakeServer, renderPanel, settle, visibleTexts } from '../test-support.tsx'

afterEach(cleanup)

// What the server does with ?locale=: country names in addresses come in that language.
const countries: Record<string, string> = {
  en: 'United Kingdom',
  fr: 'Royaume-Uni',
  es: 'Reino Unido',
  de: 'Vereinigtes Königreich',
  ar: 'المملكة المتحدة',
}

function server() {
  return signedIn(fakeServer(), [listItem()]).on('GET /v1/orders/ord_1028', (call) => {
    const view = orderView({ requests: [requestSummary()] })
    const country = countries[call.query['locale'] ?? 'en']!
    for (const address of [view.summary.shipping.address!, view.summary.billing.address!]) {
      address.lines = [...address.lines.slice(0, -1), country]
    }
    return { status: 200, body: { order: view } }
  })
}

// Not ours to translate: the store's name, product, carrier and payment names, the shopper's
// own address and the carrier's message.
const DATA = [
  'Lumen & Loom',
  '×',
  'Chidi Okafor',
  'Speckled stoneware mug',
  'Oat',
  'Ridged glass vase',
  'Standard shipping',
  '· DPD',
  'Left with a neighbour · London',
  '221 Camden High Street',
  'London, NW1 7BU',
  'Billing Road 1',
  'Leeds',
  'Visa •••• 4242',
  'R-1042',
]
// Words that are the same in both languages.
const same: Record<string, string[]> = { fr: ['Total'], es: ['Total', 'Subtotal'], de: [], ar: [] }

async function switchTo(tag: string) {
  await act(async () => {
    await setLocale(tag)
  })
  await settle()
}

describe('a language change on the order screens', () => {
  it.each(['fr', 'es', 'de', 'ar'])('to %s changes every string that is ours', async (tag) => {
    await renderPanel(server())
    const list = visibleTexts(document.body)
    await switchTo(tag)
    const listAfter = visibleTexts(document.body)
    expect(listAfter).toHaveLength(list.length)
    expect(list.filter((text, i) => listAfter[i] === text)).toEqual(
      DATA.filter((d) => list.includes(d)),
    )
    await switchTo('en')

    await click(screen.getByRole('button', { name: /Order #1028/ }))
    const before = visibleTexts(document.body)
    expect(before).toContain('Cancellation: This order has already shipped.')
    await switchTo(tag)
    const after = visibleTexts(document.body)
    expect(after).toHaveLength(before.length)
    const unchanged = before.filter((text, i) => after[i] === text)
    expect(new Set(unchanged)).toEqual(new Set([...DATA, ...same[tag]!]))
  })

  it('mirrors the order page in Arabic, with the reference kept in its own direction', async () => {
    await renderPanel(server(), '?locale=ar')
    await click(screen.getAllByRole('button')[1]!)
    expect(document.documentElement.dir).toBe('rtl')
    const note = screen.getAllByText(/R-1042/).find((el) => el.classList.contains('note'))
    expect(note?.textContent).toContain('\u2068R-1042\u2069')
  })
})

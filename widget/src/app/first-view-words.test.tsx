import { screen } from '@testing-library/dom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { localeStore } from './locale.ts'
import { listItem, orderView, signedIn } from './orders-test-kit.ts'
import { cleanup, click, fakeServer, renderPanel, visibleTexts } from './test-support.tsx'

afterEach(cleanup)

/*
 * The first view ships only the first part of each language (see catalogs.ts); the later
 * screens' words arrive with those screens. A first-view screen that used a later word would
 * show its key ("request.reason"): these screens are drawn with the later part missing (it
 * never arrives here, though the order page prefetches the request forms and their words).
 */
vi.mock('@porchlight/shared/i18n/catalogs', async (original) => ({
  ...(await original<typeof import('@porchlight/shared/i18n/catalogs')>()),
  loadLaterWords: () => new Promise(() => {}),
}))
const laterKey = /\b(chat|contact|request|issue|reason)\.[a-z_.]+\b/

function expectNoKeys() {
  expect(localeStore.get().complete).toBe(false)
  const keys = visibleTexts(document.body).filter((text) => laterKey.test(text))
  expect(keys).toEqual([])
}

describe('the first view without the later screens’ words', () => {
  it('signs in without them', async () => {
    await renderPanel(fakeServer())
    expectNoKeys()
    await click(screen.getByRole('button', { name: 'Get a code by email' }))
    expectNoKeys()
  })

  it('lists and shows orders without them, in English and in Arabic', async () => {
    for (const query of ['', '?locale=ar']) {
      const server = signedIn(fakeServer(), [listItem()]).on('GET /v1/orders/ord_1028', {
        status: 200,
        body: { order: orderView() },
      })
      await renderPanel(server, query)
      expectNoKeys()
      await click(screen.getAllByRole('button').find((b) => b.textContent?.includes('#1028'))!)
      expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('#1028')
      expectNoKeys()
      await cleanup()
    }
  })
})

import { screen } from '@testing-library/dom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { localeStore } from './locale.ts'
import { listItem, orderView, signedIn } from './orders-test-kit.ts'
import { cleanup, click, fakeServer, renderPanel, visibleTexts } from './test-support.tsx'

afterEach(cleanup)

/*
 * The first view ships only the first part of each language (see catalogs.ts): the words of
 * the first screen drawn, the choice of how to sign in or the order list. The other screens'
 * words (the sign-in forms, the order page, the chat, the requests) arrive with those screens.
 * A first-view screen that used a later word would show its key ("order.summary"); a later
 * screen drawn before its words would do the same. Here the later part never arrives.
 */
vi.mock('@porchlight/shared/i18n/catalogs', async (original) => ({
  ...(await original<typeof import('@porchlight/shared/i18n/catalogs')>()),
  loadLaterWords: () => new Promise(() => {}),
}))
const laterKey = /\b(auth|order|chat|contact|request|issue|reason|return|line|action)\.[a-z_.]+\b/

function expectNoKeys() {
  expect(localeStore.get().has.later).toBe(false)
  const keys = visibleTexts(document.body).filter((text) => laterKey.test(text))
  expect(keys).toEqual([])
}

describe('the first view without the later screens’ words', () => {
  it('offers the ways to sign in, and waits for the forms’ words rather than show keys', async () => {
    await renderPanel(fakeServer())
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sign in to see your orders')
    expectNoKeys()
    await click(screen.getByRole('button', { name: 'Get a code by email' }))
    expect(screen.getByRole('status').textContent).toBe('Loading…')
    expect(screen.queryByLabelText('Email address')).toBeNull()
    expectNoKeys()
  })

  it('lists orders in English and in Arabic, and the order page waits for its words', async () => {
    for (const [query, loading] of [
      ['', 'Loading…'],
      ['?locale=ar', 'جارٍ التحميل…'],
    ] as const) {
      const server = signedIn(fakeServer(), [listItem()]).on('GET /v1/orders/ord_1028', {
        status: 200,
        body: { order: orderView() },
      })
      await renderPanel(server, query)
      expect(screen.getAllByRole('button').some((b) => b.textContent?.includes('#1028'))).toBe(true)
      expectNoKeys()
      await click(screen.getAllByRole('button').find((b) => b.textContent?.includes('#1028'))!)
      expect(screen.getByRole('status').textContent).toBe(loading)
      expectNoKeys()
      await cleanup()
    }
  })
})

import { screen } from '@testing-library/dom'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { localeStore, setLocale } from './locale.ts'
import { announce } from './resource.ts'
import {
  cleanup,
  click,
  fakeServer,
  renderPanel,
  type,
  visibleTexts,
  type FakeServer,
} from './test-support.tsx'

const STORE_NAME = 'Lumen & Loom'

function codeScreenServer(): FakeServer {
  return fakeServer()
    .on('POST /v1/auth/challenges', {
      status: 202,
      body: { challengeId: 'ch_1', resendAfterSeconds: 30, expiresInSeconds: 600 },
    })
    .on('POST /v1/auth/challenges/ch_1/verify', {
      status: 400,
      body: { error: { code: 'code_incorrect', message: 'Wrong' } },
    })
}

/** The code screen with an error showing: the screen with the most kinds of strings so far. */
async function codeScreenWithError() {
  await renderPanel(codeScreenServer())
  await click(screen.getByRole('button', { name: 'Get a code by email' }))
  await type(screen.getByLabelText('Email address'), 'ada@example.com')
  await click(screen.getByRole('button', { name: 'Send code' }))
  await type(screen.getByLabelText('6-digit code'), '111111')
  expect(screen.getByRole('alert').textContent).not.toBe('')
}

/** A store whose config names its default language and, from newer servers, those it offers. */
function offering(locales: string[] | undefined, defaultLocale: string): FakeServer {
  return fakeServer().on('GET /v1/widget/config', {
    status: 200,
    body: {
      store: { name: STORE_NAME, key: 'pk_test_store' },
      theme: { color: '#1f6feb', position: 'right', logoUrl: null },
      embedOrigins: [],
      defaultLocale,
      ...(locales === undefined ? {} : { locales }),
    },
  })
}

async function switchTo(tag: string) {
  await act(async () => {
    await setLocale(tag)
  })
}

afterEach(cleanup)

describe('changing the language', () => {
  it('clears a line read out before, which is stale and in the old language', async () => {
    await codeScreenWithError()
    const live = document.querySelector('[aria-live="polite"].sr-only')!
    await act(() => announce('1 more order shown.'))
    expect(live.textContent).toBe('1 more order shown.')
    await switchTo('fr')
    expect(live.textContent).toBe('')
  })

  it.each(['fr', 'es', 'de', 'ar'])('to %s changes every visible string at once', async (tag) => {
    await codeScreenWithError()
    const before = visibleTexts(document.body)
    expect(before).toContain('Close')
    expect(before).toContain('That code isn’t right. Check it and try again.')

    await switchTo(tag)
    const after = visibleTexts(document.body)
    expect(after).toHaveLength(before.length)
    const unchanged = before.filter((text, i) => after[i] === text)
    // Only what is not ours to translate: the store's name and the close glyph.
    expect(unchanged).toEqual([STORE_NAME, '×'])
    expect(document.documentElement.lang).toBe(tag)
  })

  it('mirrors the panel for Arabic and keeps the address readable inside it', async () => {
    await codeScreenWithError()
    expect(document.documentElement.dir).toBe('ltr')
    await switchTo('ar')
    expect(document.documentElement.dir).toBe('rtl')
    expect(document.documentElement.lang).toBe('ar')
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('أدخل الرمز')
    expect(screen.getByText(/أرسلنا رمزًا/).textContent).toContain('\u2068ada@example.com\u2069')
    await switchTo('en')
    expect(document.documentElement.dir).toBe('ltr')
    expect(screen.getByText(/We emailed/).textContent).toContain(' ada@example.com.')
  })

  it('keeps what the shopper typed and where they are', async () => {
    await renderPanel(fakeServer())
    await click(screen.getByRole('button', { name: 'Get a code by email' }))
    await type(screen.getByLabelText('Email address'), 'ada@exa')
    await switchTo('es')
    expect((screen.getByLabelText('Correo electrónico') as HTMLInputElement).value).toBe('ada@exa')
  })

  it('ignores a language we do not ship', async () => {
    await renderPanel(fakeServer())
    await act(async () => {
      expect(await setLocale('ja')).toBe('en')
    })
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sign in to see your orders')
  })

  it('lets the latest request win when catalogs arrive out of order', async () => {
    await renderPanel(fakeServer())
    await act(async () => {
      await Promise.all([setLocale('ar'), setLocale('de')])
    })
    expect(localeStore.get().locale).toBe('de')
    expect(document.documentElement.dir).toBe('ltr')
  })
})

describe('the first language', () => {
  it('comes from the loader’s ?locale=, matched to what we ship', async () => {
    await renderPanel(fakeServer(), '?locale=fr-CA&mode=floating')
    expect(document.documentElement.lang).toBe('fr')
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Connectez-vous pour voir vos commandes',
    )
    expect(screen.getByRole('button', { name: 'Fermer' })).toBeTruthy()
  })

  it('falls back to the browser, then to the store’s default', async () => {
    const server = offering(undefined, 'es')
    await renderPanel(server, '?locale=ja', ['ja-JP', 'de-AT'])
    expect(document.documentElement.lang).toBe('de')
    await cleanup()

    await renderPanel(server, '?locale=ja', ['ja-JP'])
    expect(document.documentElement.lang).toBe('es')
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Inicia sesión para ver tus pedidos',
    )
  })
})

describe('the languages the store offers', () => {
  it('speaks the next preference it offers, else its default, never one it does not offer', async () => {
    // German is ours, but this store offers only Spanish and French.
    await renderPanel(offering(['es', 'fr'], 'fr'), '?locale=de', ['de-AT', 'es'])
    expect(document.documentElement.lang).toBe('es')
    await cleanup()

    await renderPanel(offering(['es', 'fr'], 'fr'), '?locale=de', ['de-AT'])
    expect(document.documentElement.lang).toBe('fr')
    // The host page asking for German later changes nothing; for Spanish, it does.
    await switchTo('de')
    expect(document.documentElement.lang).toBe('fr')
    await switchTo('es')
    expect(document.documentElement.lang).toBe('es')
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Inicia sesión para ver tus pedidos',
    )
  })
})

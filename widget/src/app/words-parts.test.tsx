import { screen } from '@testing-library/dom'
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { lazyScreen } from './lazy-screen.tsx'
import { localeStore, setLocale, startLocale, useI18n } from './locale.ts'
import { settle } from './test-support.tsx'

/*
 * The request forms' words are a part of their own (catalogs.ts), so the chat does not carry
 * them. A screen that names that part waits for it, and a language switch fetches it again.
 * Here the test decides when the forms' words arrive; the others come as in the panel.
 */
const forms = vi.hoisted(() => {
  const gate = { open: () => {}, opened: Promise.resolve() }
  gate.opened = new Promise<void>((resolve) => (gate.open = resolve))
  return gate
})
vi.mock('@porchlight/shared/i18n/catalogs', async (original) => {
  const real = await original<typeof import('@porchlight/shared/i18n/catalogs')>()
  return {
    ...real,
    loadChatWords: vi.fn(real.loadChatWords),
    loadFormsWords: vi.fn((locale: Parameters<typeof real.loadFormsWords>[0]) =>
      forms.opened.then(() => real.loadFormsWords(locale)),
    ),
  }
})
const catalogs = await import('@porchlight/shared/i18n/catalogs')

function SubmitButton() {
  return <button type="button">{useI18n().t('request.submit')}</button>
}

beforeAll(() => startLocale('', ['en']))

let host: HTMLElement | undefined
afterEach(async () => {
  if (host) await act(() => render(null, host!))
  host?.remove()
})

describe('a screen that needs the request forms’ words', () => {
  it('shows the loading line until they are here, rather than a key, then draws in them', async () => {
    const Form = lazyScreen(() => Promise.resolve(SubmitButton), ['later', 'forms'])
    host = document.body.appendChild(document.createElement('div'))
    await act(() => render(<Form.Screen />, host!))
    await settle()
    expect(screen.getByRole('status').textContent).toBe('Loading…')
    expect(screen.queryByRole('button')).toBeNull()
    expect(localeStore.get().has.forms).toBe(false)

    forms.open()
    await settle()
    expect(screen.getByRole('button').textContent).toBe('Send request')
    // The chat's words are not the forms' business.
    expect(catalogs.loadChatWords).not.toHaveBeenCalled()
  })

  it('gets them again in the new language when the shopper switches', async () => {
    const Form = lazyScreen(() => Promise.resolve(SubmitButton), ['later', 'forms'])
    host = document.body.appendChild(document.createElement('div'))
    await act(() => render(<Form.Screen />, host!))
    await settle()
    await act(async () => {
      await setLocale('fr')
    })
    await settle()
    expect(catalogs.loadFormsWords).toHaveBeenLastCalledWith('fr')
    expect(localeStore.get().has.forms).toBe(true)
    expect(screen.getByRole('button').textContent).toBe(localeStore.get().t('request.submit'))
    expect(screen.getByRole('button').textContent).not.toBe('Send request')
  })
})

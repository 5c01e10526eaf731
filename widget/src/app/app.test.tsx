import { screen } from '@testing-library/dom'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fakeServer, renderPanel } from './test-support.tsx'
import { contrast } from './theme.ts'

afterEach(cleanup)

function withColour(color: string) {
  return fakeServer().on('GET /v1/widget/config', {
    status: 200,
    body: {
      store: { name: 'Lumen & Loom', key: 'pk_test_store' },
      theme: { color, position: 'right', logoUrl: null },
      embedOrigins: [],
      defaultLocale: 'en',
    },
  })
}

const property = (name: string) => document.documentElement.style.getPropertyValue(name)

describe('the panel frame', () => {
  it('names the store in its level-1 heading and offers Close', async () => {
    await renderPanel(fakeServer())
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Lumen & Loom')
    expect(screen.getByRole('dialog', { name: 'Lumen & Loom' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy()
  })

  it('has nothing to close in the help-center embed, which is part of the page', async () => {
    await renderPanel(fakeServer(), '?mode=portal')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Lumen & Loom')
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull()
  })

  it('shows a dark store colour with white text', async () => {
    await renderPanel(withColour('#1f6feb'))
    expect(property('--pl-color')).toBe('#1f6feb')
    expect(property('--pl-on-color')).toBe('#ffffff')
  })

  it('shows a light store colour with dark text, and darkens it for text on white', async () => {
    await renderPanel(withColour('#ffd400'))
    expect(property('--pl-color')).toBe('#ffd400')
    expect(property('--pl-on-color')).toBe('#1d1d1f')
    expect(contrast('#ffd400', property('--pl-on-color'))).toBeGreaterThanOrEqual(4.5)
    expect(contrast(property('--pl-ink'), '#ffffff')).toBeGreaterThanOrEqual(4.5)
  })
})

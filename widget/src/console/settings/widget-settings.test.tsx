// @vitest-environment happy-dom
import type { SectionAnswer } from '@porchlight/shared/api/store-settings'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, type ConsoleApi } from '../api.ts'
import { $, byText, fakeApi, renderConsole, submit, type } from '../test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const widget = (over: Partial<SectionAnswer<'widget'>> = {}): SectionAnswer<'widget'> => ({
  section: 'widget',
  version: 3,
  values: { color: '#7a4b2a', position: 'right', greeting: {} },
  problems: [],
  canEdit: true,
  ...over,
})

const form = () => $<HTMLFormElement>('form.settings-form')

describe('settings: the widget section', () => {
  it('shows the label contrast as the colour is typed, and refuses a low one beside the field', async () => {
    const request = vi.fn(async () => widget())
    await renderConsole(
      '/console/settings/widget',
      fakeApi({ request: request as unknown as ConsoleApi['request'] }),
    )
    expect(byText('nav a', 'Widget').getAttribute('aria-current')).toBe('page')
    await type($<HTMLInputElement>('#wg-color'), '#ff0000')
    expect($('[data-testid="contrast"]').textContent).toContain('3.99:1')
    await submit(form())
    // Checked with the shared schema before anything is sent: the section was read, never saved
    // (the console's own presence and inbox calls go to other paths).
    const settingsCalls = (request.mock.calls as unknown as [string, string][]).filter(([, path]) =>
      path.startsWith('/v1/agent/settings/'),
    )
    expect(settingsCalls.map(([method]) => method)).toEqual(['GET'])
    expect($('#wg-color').getAttribute('aria-invalid')).toBe('true')
    expect($('#wg-color').getAttribute('aria-describedby')).toContain('wg-color-error')
    expect($('#wg-color-error').textContent).toContain('4.5:1')
    // The preview follows the draft.
    expect($<HTMLElement>('[data-testid="preview-launcher"]').style.background).toMatch(
      /ff0000|255, 0, 0/,
    )
  })

  it('saves at the version read, and after a conflict shows the fresh values', async () => {
    const fresh = widget({
      version: 4,
      values: { color: '#0b5e3a', position: 'left', greeting: {} },
    })
    const request = vi.fn(async (method: string) => {
      if (method === 'GET') return widget()
      throw new ApiError(409, 'settings_stale', 'stale', { current: fresh })
    })
    await renderConsole(
      '/console/settings/widget',
      fakeApi({ request: request as unknown as ConsoleApi['request'] }),
    )
    await type($<HTMLInputElement>('#wg-color'), '#1f6feb')
    await submit(form())
    expect(request).toHaveBeenLastCalledWith('PUT', '/v1/agent/settings/widget', {
      version: 3,
      values: { color: '#1f6feb', position: 'right', greeting: {} },
    })
    expect($('#section-outcome').getAttribute('role')).toBe('alert')
    expect($('#section-outcome').textContent).toContain('someone else saved')
    expect($<HTMLInputElement>('#wg-color').value).toBe('#0b5e3a')
  })

  it('lists problems of the stored settings, and lets a plain agent read only', async () => {
    const request = vi.fn(async () =>
      widget({
        canEdit: false,
        problems: [{ field: 'color', reason: 'Use a colour like #1f6feb.' }],
      }),
    )
    await renderConsole(
      '/console/settings/widget',
      fakeApi({ request: request as unknown as ConsoleApi['request'] }),
    )
    expect($('[aria-label="Problems in the saved settings"]').textContent).toContain('color')
    expect(document.querySelector('button[type="submit"]')).toBeNull()
    expect($<HTMLFieldSetElement>('fieldset.plain-fieldset').disabled).toBe(true)
  })
})

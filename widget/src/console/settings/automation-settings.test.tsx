// @vitest-environment happy-dom
import type { SectionAnswer } from '@porchlight/shared/api/store-settings'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, type ConsoleApi } from '../api.ts'
import { $, byText, choose, click, fakeApi, renderConsole, submit, type } from '../test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const answer = (over: Partial<SectionAnswer<'automation'>> = {}): SectionAnswer<'automation'> => ({
  section: 'automation',
  version: 7,
  values: {
    approveCancel: { enabled: false, withinHours: 2 },
    approveReturn: { enabled: false, lessThan: [] },
  },
  problems: [],
  canEdit: true,
  ...over,
})

/** The section's GET and PUT; every other path answers 404, as a server without it would. */
function api(put: (body: unknown) => unknown = (body) => ({ ...answer(), ...(body as object) })) {
  const request = vi.fn(async (method: string, path: string, body?: unknown) => {
    if (path !== '/v1/agent/settings/automation') throw new ApiError(404, 'not_found', 'Not found')
    return method === 'GET' ? answer() : put(body)
  })
  return { request, api: fakeApi({ request: request as unknown as ConsoleApi['request'] }) }
}

const saves = (request: ReturnType<typeof api>['request']) =>
  (request.mock.calls as unknown as [string, string, unknown][]).filter(
    ([m, path]) => m === 'PUT' && path === '/v1/agent/settings/automation',
  )

describe('settings: the automation section', () => {
  it('turns on approving cancellations and saves it at the version read', async () => {
    const { request, api: fake } = api()
    await renderConsole('/console/settings/automation', fake)
    expect(byText('nav a', 'Automation').getAttribute('aria-current')).toBe('page')
    const toggle = byText<HTMLLabelElement>('label.choice', /Approve a cancellation/)
    await choose(toggle.querySelector('input')!, true)
    await type($<HTMLInputElement>('#au-cancel-hours'), '6')
    await submit($<HTMLFormElement>('form.settings-form'))
    expect(saves(request)).toEqual([
      [
        'PUT',
        '/v1/agent/settings/automation',
        {
          version: 7,
          values: {
            approveCancel: { enabled: true, withinHours: 6 },
            approveReturn: { enabled: false, lessThan: [] },
          },
        },
      ],
    ])
    expect($('#section-outcome').textContent).toContain('Saved')
  })

  it('takes return amounts in the currency’s units and refuses a return rule without one', async () => {
    const { request, api: fake } = api()
    await renderConsole('/console/settings/automation', fake)
    const toggle = byText<HTMLLabelElement>('label.choice', /Approve a return/)
    await choose(toggle.querySelector('input')!, true)
    await submit($<HTMLFormElement>('form.settings-form'))
    // Checked with the shared schema before anything is sent.
    expect(saves(request)).toEqual([])
    expect($('#section-outcome').getAttribute('role')).toBe('alert')
    expect(document.querySelector('.field-error')?.textContent).toContain('at least one currency')

    await click(byText('button', 'Add a currency'))
    await type($<HTMLInputElement>('#au-cur-0'), 'eur')
    await type($<HTMLInputElement>('#au-amount-0'), '49.90')
    await submit($<HTMLFormElement>('form.settings-form'))
    expect(saves(request).at(-1)?.[2]).toMatchObject({
      values: { approveReturn: { enabled: true, lessThan: [{ currency: 'EUR', amount: 4990 }] } },
    })
  })

  it('lets a plain agent read the rules only', async () => {
    const request = vi.fn(async (_m: string, path: string) => {
      if (path !== '/v1/agent/settings/automation')
        throw new ApiError(404, 'not_found', 'Not found')
      return answer({ canEdit: false })
    })
    await renderConsole(
      '/console/settings/automation',
      fakeApi({ request: request as unknown as ConsoleApi['request'] }),
    )
    expect(document.querySelector('button[type="submit"]')).toBeNull()
    expect($<HTMLFieldSetElement>('fieldset.plain-fieldset').disabled).toBe(true)
  })
})

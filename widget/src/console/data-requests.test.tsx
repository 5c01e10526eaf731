// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './api.ts'
import { $, fakeApi, renderConsole } from './test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const PATH = '/v1/agent/privacy/data-requests'

describe('settings: customer data requests', () => {
  it('lists Shopify’s data requests with a download link each', async () => {
    const request = vi.fn(async (method: string, path: string) => {
      if (method === 'GET' && path === PATH) {
        return {
          requests: [
            {
              id: 'dr_1',
              customer: 'ada@example.com',
              shopifyRequestId: '9999',
              createdAt: '2026-12-06T10:30:00.000Z',
              downloadUrl: `${PATH}/dr_1/export`,
            },
          ],
        }
      }
      return { tokens: [], secrets: [] }
    })
    await renderConsole('/console/settings', fakeApi({ request: request as never }))
    const section = $('section[aria-labelledby="data-requests-title"]')
    const row = $('tr[data-request="dr_1"]')
    expect(row.textContent).toContain('ada@example.com')
    expect(row.textContent).toContain('2026-12-06 10:30')
    const link = row.querySelector('a') as HTMLAnchorElement
    expect(link.getAttribute('href')).toBe(`${PATH}/dr_1/export`)
    expect(link.hasAttribute('download')).toBe(true)
    expect(section.textContent).not.toContain('No data request yet.')
  })

  it('tells an agent who is not an owner why the list is not shown', async () => {
    const request = vi.fn(async (method: string, path: string) => {
      if (path === PATH) {
        throw new ApiError(
          403,
          'owner_required',
          'Only an owner of the store can read data requests.',
        )
      }
      return { tokens: [], secrets: [] }
    })
    await renderConsole('/console/settings', fakeApi({ request: request as never }))
    const section = $('section[aria-labelledby="data-requests-title"]')
    expect(section.querySelector('[role="alert"]')?.textContent).toBeTruthy()
    expect(section.querySelector('table')).toBeNull()
  })
})

// @vitest-environment happy-dom
import type { AddressChangeView } from '@porchlight/shared/api/address-changes'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeEventSource } from '../common/fake-event-source.ts'
import { ApiError } from './api.ts'
import { $, byText, fakeApi, renderConsole, ticket, view } from './test-kit.tsx'

beforeEach(() => {
  // The ticket page listens for live changes on the console stream.
  FakeEventSource.opened = []
  vi.stubGlobal('EventSource', FakeEventSource)
})

afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

const before = {
  name: 'Ada Park',
  company: null,
  line1: '1 Grand Ave',
  line2: null,
  city: 'Oakland',
  region: 'CA',
  postalCode: '94610',
  country: 'US',
  phone: null,
}
const change: AddressChangeView = {
  previous: before,
  requested: { ...before, line1: '500 Castro St', city: 'Mountain View', postalCode: '94041' },
  changed: ['line1', 'city', 'postalCode'],
  requestedAt: '2026-01-10T10:00:00.000Z',
}

function addressApi(answer: () => unknown = () => change) {
  const asked = ticket({ type: 'address_change', requestStatus: 'requested' })
  const request = vi.fn(async (method: string, path: string) => {
    if (method === 'GET' && path === '/v1/agent/tickets/tk_1/address-change') return answer()
    throw new ApiError(404, 'not_found', 'No route')
  })
  const decide = vi.fn(async () => view({ ticket: { ...asked, requestStatus: 'approved' } }))
  const api = fakeApi({
    ticket: async () => view({ ticket: asked }),
    request: request as never,
    decide: decide as never,
  })
  return { api, request, decide }
}

describe('an address change on the ticket page', () => {
  it('shows the address before and as asked side by side, changed rows named', async () => {
    const { api } = addressApi()
    await renderConsole('/console/tickets/tk_1', api)
    expect($('#address-change-title').textContent).toBe('Address change')
    const street = byText<HTMLTableRowElement>('tbody tr', /^Street/)
    expect([...street.cells].map((c) => c.textContent)).toEqual([
      'Streetchanged',
      '1 Grand Ave',
      '500 Castro St',
    ])
    const country = byText<HTMLTableRowElement>('tbody tr', /^Country/)
    expect(country.classList.contains('changed')).toBe(false)
    expect(byText('button', 'Approve the address change')).toBeTruthy()
  })

  it('says why when the addresses cannot be read', async () => {
    const { api } = addressApi(() => {
      throw new ApiError(404, 'ticket_not_found', 'No such ticket.')
    })
    await renderConsole('/console/tickets/tk_1', api)
    expect(byText('p', 'This ticket does not exist, or belongs to another store.')).toBeTruthy()
  })
})

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ApiTokenSummary } from '@porchlight/shared/api/agent'
import { $, byText, click, fakeApi, renderConsole, submit, type } from './test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const live: ApiTokenSummary = {
  id: 'at_helpdesk',
  name: 'Helpdesk',
  scope: 'read_write',
  agent: { id: 'ag_1', email: 'dana@lumen-loom.example' },
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2026-04-01T00:00:00.000Z',
  lastUsedAt: '2026-01-10T08:00:00.000Z',
  state: 'live',
}

/** A fake of the three token routes over an in-memory list. */
function tokenServer(initial: ApiTokenSummary[]) {
  let tokens = [...initial]
  const request = vi.fn(async (method: string, path: string, body?: unknown) => {
    if (method === 'GET' && path === '/v1/agent/tokens') return { tokens }
    if (method === 'GET' && path === '/v1/agent/agents') return { agents: [], canEdit: false }
    if (method === 'POST' && path === '/v1/agent/tokens') {
      const b = body as { name: string; scope: 'read' | 'read_write'; days: number }
      const made = { ...live, id: 'at_new', name: b.name, scope: b.scope }
      tokens = [made, ...tokens]
      return { id: 'at_new', token: 'plat_shown_once', scope: b.scope, expiresAt: made.expiresAt }
    }
    const id = /^\/v1\/agent\/tokens\/(.+)$/.exec(path)?.[1]
    if (method === 'DELETE' && id !== undefined) {
      tokens = tokens.map((t) => (t.id === id ? { ...t, state: 'revoked' as const } : t))
      return undefined
    }
    throw new Error(`unexpected ${method} ${path}`)
  })
  return request
}

describe('settings, agents page: API tokens', () => {
  it('lists tokens with access, expiry and last use, and revokes one', async () => {
    const request = tokenServer([live])
    await renderConsole('/console/settings/agents', fakeApi({ request: request as never }))
    const row = $('tr[data-token="at_helpdesk"]')
    expect(row.textContent).toContain('Helpdesk')
    expect(row.textContent).toContain('read and write')
    expect(row.textContent).toContain('2026-01-01')
    expect(row.textContent).toContain('2026-04-01')
    expect(row.textContent).toContain('2026-01-10')
    await click(byText<HTMLButtonElement>('tr[data-token="at_helpdesk"] button', 'Revoke'))
    expect(request).toHaveBeenCalledWith('DELETE', '/v1/agent/tokens/at_helpdesk')
    expect($('tr[data-token="at_helpdesk"]').textContent).toContain('revoked')
    expect(document.querySelector('tr[data-token="at_helpdesk"] button')).toBeNull()
  })

  it('creates a read-only token with a chosen life and shows it once', async () => {
    const request = tokenServer([])
    await renderConsole('/console/settings/agents', fakeApi({ request: request as never }))
    expect($('main').textContent).toContain('No API tokens yet.')
    await type($<HTMLInputElement>('#tk-name'), 'Zapier')
    await type($<HTMLInputElement>('#tk-days'), '30')
    await click($<HTMLInputElement>('.token-form input[type="checkbox"]'))
    await submit($<HTMLFormElement>('form.token-form'))
    expect(request).toHaveBeenCalledWith('POST', '/v1/agent/tokens', {
      name: 'Zapier',
      days: 30,
      scope: 'read',
    })
    expect($('.token-value').textContent).toBe('plat_shown_once')
    expect($('tr[data-token="at_new"]').textContent).toContain('read only')
  })
})

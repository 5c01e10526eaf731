// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type {
  TeamMember,
  WebhookDeliveryJson,
  WebhookEndpointJson,
} from '@porchlight/shared/api/team'
import { ApiError } from '../api.ts'
import { $, byText, choose, click, fakeApi, renderConsole, submit, type } from '../test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const member = (over: Partial<TeamMember> = {}): TeamMember => ({
  id: 'ag_nia',
  name: 'Nia',
  email: 'nia@example.com',
  role: 'agent',
  state: 'active',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
})

/** A fake of the agents routes: `answers` decides each PATCH. */
function teamServer(canEdit: boolean, patch: (body: unknown) => unknown) {
  return vi.fn(async (method: string, path: string, body?: unknown) => {
    if (method === 'GET' && path === '/v1/agent/agents') return { agents: [member()], canEdit }
    if (method === 'GET' && path === '/v1/agent/tokens') return { tokens: [] }
    if (method === 'PATCH' && path === '/v1/agent/agents/ag_nia') return patch(body)
    if (method === 'POST' && path === '/v1/agent/agents') {
      throw new ApiError(400, 'validation_failed', 'email: not an email address', [
        { path: 'email', message: 'not an email address' },
      ])
    }
    throw new Error(`unexpected ${method} ${path}`)
  })
}

describe('settings: agents page', () => {
  it('saves a role with the version seen; a conflict shows the other owner’s change', async () => {
    const request = teamServer(true, () => {
      throw new ApiError(409, 'version_conflict', 'changed', {
        agent: member({ state: 'deactivated', version: 4 }),
      })
    })
    await renderConsole('/console/settings/agents', fakeApi({ request: request as never }))
    await click(byText<HTMLButtonElement>('tr[data-agent="nia@example.com"] button', /^Make owner/))
    expect(request).toHaveBeenCalledWith('PATCH', '/v1/agent/agents/ag_nia', {
      version: 3,
      role: 'owner',
    })
    expect($('tr[data-agent="nia@example.com"]').textContent).toContain('Deactivated')
    expect($('section[aria-labelledby="team-title"] [role="alert"]').textContent).toContain(
      'Someone else changed this agent first',
    )
  })

  it('shows a refused field next to it', async () => {
    const request = teamServer(true, () => undefined)
    await renderConsole('/console/settings/agents', fakeApi({ request: request as never }))
    await type($<HTMLInputElement>('#inv-email'), 'nope')
    await type($<HTMLInputElement>('#inv-name'), 'Nia')
    await choose($<HTMLSelectElement>('#inv-role'), 'owner')
    await submit($<HTMLFormElement>('form.invite-form'))
    expect(request).toHaveBeenCalledWith('POST', '/v1/agent/agents', {
      email: 'nope',
      name: 'Nia',
      role: 'owner',
    })
    expect($('#inv-email-error').textContent).toBe('not an email address')
    expect($('#inv-email').getAttribute('aria-describedby')).toBe('inv-email-error')
  })

  it('lets an agent read the team without any control to change it', async () => {
    const request = teamServer(false, () => undefined)
    await renderConsole('/console/settings/agents', fakeApi({ request: request as never }))
    expect($('tr[data-agent="nia@example.com"]').textContent).toContain('Agent')
    expect(document.querySelector('tr[data-agent] button')).toBeNull()
    expect(document.querySelector('form.invite-form')).toBeNull()
    expect($('main').textContent).toContain('Only an owner of the store can change its agents.')
  })
})

const endpoint: WebhookEndpointJson = {
  id: 'whe_1',
  url: 'https://hooks.example/in',
  events: ['ticket.created'],
  description: null,
  secretHint: '…abcd',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  secretRotatedAt: null,
}
const delivery: WebhookDeliveryJson = {
  id: 'whd_1',
  endpointId: 'whe_1',
  eventId: 'evt_1',
  event: 'ticket.created',
  url: endpoint.url,
  status: 'failed',
  attempts: 8,
  lastResponseCode: 500,
  lastError: 'answered HTTP 500',
  nextAttemptAt: null,
  createdAt: '2026-01-02T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  deliveredAt: null,
  resentOf: null,
  payload: {},
}

function hookServer() {
  return vi.fn(async (method: string, path: string, body?: unknown) => {
    if (method === 'GET' && path === '/v1/agent/webhooks')
      return { endpoints: [endpoint], canEdit: true }
    if (method === 'GET' && path.startsWith('/v1/agent/webhooks/deliveries?')) {
      return { deliveries: [delivery] }
    }
    if (method === 'PATCH' && path === '/v1/agent/webhooks/whe_1') {
      return { endpoint: { ...endpoint, ...(body as object), version: 2 } }
    }
    if (method === 'POST' && path === '/v1/agent/webhooks/whe_1/secret') {
      return {
        endpoint: { ...endpoint, version: 2, secretHint: '…wxyz' },
        secret: 'whsec_new_wxyz',
      }
    }
    if (method === 'POST' && path === '/v1/agent/webhooks/deliveries/whd_1/resend') {
      return { delivery: { ...delivery, id: 'whd_2', resentOf: 'whd_1' } }
    }
    throw new Error(`unexpected ${method} ${path}`)
  })
}

describe('settings: webhooks page', () => {
  it('saves the events chosen, and shows a rotated secret once', async () => {
    const request = hookServer()
    await renderConsole('/console/settings/webhooks', fakeApi({ request: request as never }))
    const card = 'form[data-endpoint="whe_1"]'
    const box = (ev: string) =>
      [...document.querySelectorAll<HTMLInputElement>(`${card} input[type="checkbox"]`)].find((b) =>
        b.parentElement?.textContent?.includes(ev),
      )!
    await choose(box('ticket.updated'), true)
    await submit($<HTMLFormElement>(card))
    expect(request).toHaveBeenCalledWith('PATCH', '/v1/agent/webhooks/whe_1', {
      version: 1,
      events: ['ticket.created', 'ticket.updated'],
    })
    await click(byText<HTMLButtonElement>(`${card} button`, 'Rotate secret'))
    expect(request).toHaveBeenCalledWith('POST', '/v1/agent/webhooks/whe_1/secret', { version: 2 })
    expect($('.token-value').textContent).toBe('whsec_new_wxyz')
  })

  it('lists deliveries with status, attempts and answer, and resends one', async () => {
    const request = hookServer()
    await renderConsole('/console/settings/webhooks', fakeApi({ request: request as never }))
    const row = $('tr[data-delivery="whd_1"]')
    expect(row.textContent).toContain('failed')
    expect(row.textContent).toContain('8')
    expect(row.textContent).toContain('500')
    await click(byText<HTMLButtonElement>('tr[data-delivery="whd_1"] button', /^Resend/))
    expect(request).toHaveBeenCalledWith('POST', '/v1/agent/webhooks/deliveries/whd_1/resend')
    expect($('section[aria-labelledby="log-title"] [role="status"]').textContent).toContain(
      'queued again',
    )
  })
})

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { IdentitySecretInfo } from '@porchlight/shared/api/auth'
import { ApiError } from './api.ts'
import { $, byText, click, fakeApi, renderConsole } from './test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const PATH = '/v1/agent/settings/identity-secrets'

/** A fake of the identity-secret routes over an in-memory list. */
function secretServer() {
  let secrets: IdentitySecretInfo[] = []
  let n = 0
  return vi.fn(async (method: string, path: string) => {
    if (method === 'GET' && path === PATH) return { secrets }
    if (method === 'POST' && path === PATH) {
      n += 1
      const made = { id: `idk_${n}`, createdAt: `2026-12-0${n}T10:00:00.000Z`, expiresAt: null }
      secrets = [
        made,
        ...secrets.map((s) => ({ ...s, expiresAt: s.expiresAt ?? '2026-12-05T10:00:00.000Z' })),
      ]
      return { ...made, secret: `plid_shown_once_${n}` }
    }
    const id = new RegExp(`^${PATH}/(.+)$`).exec(path)?.[1]
    if (method === 'DELETE' && id !== undefined) {
      secrets = secrets.filter((s) => s.id !== id)
      return undefined
    }
    if (method === 'GET' || method === 'POST') return { tokens: [] }
    throw new Error(`unexpected ${method} ${path}`)
  })
}

describe('settings: signed-in shoppers (identity secrets)', () => {
  it('makes a secret shown once, rotates it, and ends the old one', async () => {
    const request = secretServer()
    await renderConsole('/console/settings', fakeApi({ request: request as never }))
    expect($('section[aria-labelledby="identity-title"]').textContent).toContain(
      'No identity secret yet.',
    )
    await click(
      byText<HTMLButtonElement>(
        'section[aria-labelledby="identity-title"] button',
        'Make a secret',
      ),
    )
    expect($('section[aria-labelledby="identity-title"] .note-ok').textContent).toContain(
      'plid_shown_once_1',
    )
    await click(
      byText<HTMLButtonElement>('section[aria-labelledby="identity-title"] button', /^Rotate/),
    )
    expect($('tr[data-secret="idk_2"]').textContent).toContain('current')
    expect($('tr[data-secret="idk_1"]').textContent).toContain('works until 2026-12-05 10:00')
    // Only the newest value is on screen.
    expect($('main').textContent).not.toContain('plid_shown_once_1')
    await click(byText<HTMLButtonElement>('tr[data-secret="idk_1"] button', 'End now'))
    expect(request).toHaveBeenCalledWith('DELETE', `${PATH}/idk_1`)
    expect(document.querySelector('tr[data-secret="idk_1"]')).toBeNull()
  })

  it('tells an agent who is not an owner why the list is not there', async () => {
    const request = vi.fn(async (method: string, path: string) => {
      if (path === PATH) {
        throw new ApiError(403, 'owner_required', 'Only an owner of the store can do this.')
      }
      return method === 'GET' ? { tokens: [] } : undefined
    })
    await renderConsole('/console/settings', fakeApi({ request: request as never }))
    const section = $('section[aria-labelledby="identity-title"]')
    expect(section.querySelector('[role="alert"]')?.textContent).toMatch(/owner/i)
    expect(section.querySelector('button')).toBeNull()
  })
})

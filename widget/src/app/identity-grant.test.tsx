import { screen } from '@testing-library/dom'
import { afterEach, describe, expect, it } from 'vitest'
import { listItem } from './orders-test-kit.ts'
import { Portal } from './portal.tsx'
import { STORE_KEY, cleanup, fakeServer, renderPanel } from './test-support.tsx'

/**
 * The Shopify app proxy's grant, as the loader hands it over (host.ts `identityGrant`): the
 * panel trades it for a session and opens on the customer's orders, or keeps the usual sign-in.
 */
const GRANT = `plg_${'g'.repeat(43)}`
const TOKEN_KEY = `porchlight.session.${STORE_KEY}`

afterEach(cleanup)

const panelWith = (grant: string | undefined) => (
  <Portal storeKey={STORE_KEY} identityGrant={grant} />
)

describe('a customer signed in to the Shopify storefront', () => {
  it('opens on their orders with the grant traded for a session, and no code', async () => {
    const server = fakeServer()
      .on('POST /v1/auth/grant', {
        status: 200,
        body: {
          token: 'tok_from_grant',
          expiresAt: '2099-01-01T00:00:00Z',
          identity: { kind: 'email', value: 'ada@example.com' },
        },
      })
      .on('GET /v1/orders', { status: 200, body: { orders: [listItem()], nextCursor: null } })
    await renderPanel(server, '?mode=floating', ['en-US'], panelWith(GRANT))
    const trade = server.calls.filter((c) => c.path === '/v1/auth/grant')
    expect(trade).toHaveLength(1)
    expect(trade[0]?.body).toEqual({ grant: GRANT })
    expect(trade[0]?.headers['x-porchlight-key']).toBe(STORE_KEY)
    expect(localStorage.getItem(TOKEN_KEY)).toBe('tok_from_grant')
    expect(screen.getByText('Signed in as ada@example.com')).toBeTruthy()
    expect(screen.getAllByText(/#1028/).length).toBeGreaterThan(0)
    // The orders were asked for with the new session.
    const orders = server.calls.find((c) => c.path === '/v1/orders')
    expect(orders?.headers['authorization']).toBe('Bearer tok_from_grant')
    expect(server.calls.some((c) => c.path.startsWith('/v1/auth/challenges'))).toBe(false)
  })

  it('keeps the usual sign-in when the server refuses the grant (used, expired, another store’s)', async () => {
    const server = fakeServer().on('POST /v1/auth/grant', {
      status: 401,
      body: { error: { code: 'grant_invalid', message: 'No' } },
    })
    await renderPanel(server, '?mode=floating', ['en-US'], panelWith(GRANT))
    expect(server.calls.filter((c) => c.path === '/v1/auth/grant')).toHaveLength(1)
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sign in to see your orders')
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
  })

  it('asks nothing of the server without a grant', async () => {
    const server = fakeServer()
    await renderPanel(server, '?mode=floating', ['en-US'], panelWith(undefined))
    expect(server.calls.some((c) => c.path === '/v1/auth/grant')).toBe(false)
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sign in to see your orders')
  })
})

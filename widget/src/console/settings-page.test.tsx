// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, type ConsoleErrorCode } from './api.ts'
import type { ShopifyConnectErrorCode } from '@porchlight/shared/api/settings'
import {
  $,
  byText,
  choose,
  click,
  fakeApi,
  renderConsole,
  shopifySettings,
  submit,
  type,
} from './test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const modeRadio = (mode: string) => $<HTMLInputElement>(`input[name="sh-mode"][value="${mode}"]`)

/** The legacy token form (shpat_ and a webhook secret). */
async function fill(domain: string, token: string, secret: string) {
  await choose(modeRadio('legacy'), true)
  await type($<HTMLInputElement>('#sh-domain'), domain)
  await type($<HTMLInputElement>('#sh-token'), token)
  await type($<HTMLInputElement>('#sh-secret'), secret)
  await submit($<HTMLFormElement>('form.settings-form'))
}

const refused = (code: ConsoleErrorCode, message: string, details?: unknown) =>
  vi.fn(async () => {
    throw new ApiError(code === 'shopify_unreachable' ? 502 : 422, code, message, details)
  })

describe('settings: connecting Shopify', () => {
  it('opens from the header link and says the store is not connected', async () => {
    const api = fakeApi()
    await renderConsole('/console', api)
    const link = byText<HTMLAnchorElement>('header a', 'Settings')
    expect(link.getAttribute('href')).toBe('/console/settings')
    await click(link)
    expect(location.pathname).toBe('/console/settings')
    expect($('h1').textContent).toBe('Settings')
    expect(link.getAttribute('aria-current')).toBe('page')
    expect($('main').textContent).toContain('This store is not connected to Shopify.')
    expect($('main').textContent).toContain(
      'https://support.example.com/v1/webhooks/shopify/st_demo',
    )
    expect(byText('label', 'Shop domain').getAttribute('for')).toBe('sh-domain')
    // The recommended way comes first and is chosen; the legacy token is one choice away.
    expect(modeRadio('client_credentials').checked).toBe(true)
    expect(byText('label', 'Client ID').getAttribute('for')).toBe('sh-client-id')
    expect($<HTMLInputElement>('#sh-client-secret').type).toBe('password')
    expect(document.querySelector('input[value="oauth"]')).toBeNull()
    await choose(modeRadio('legacy'), true)
    expect(byText('label', 'Admin API access token').getAttribute('for')).toBe('sh-token')
    expect(byText('label', 'Webhook secret').getAttribute('for')).toBe('sh-secret')
    expect($<HTMLInputElement>('#sh-token').type).toBe('password')
    expect($<HTMLInputElement>('#sh-secret').type).toBe('password')
  })

  it('saves through the checked connection, says so in words and forgets the secrets', async () => {
    const api = fakeApi()
    await renderConsole('/console/settings', api)
    await fill('lumen-loom.myshopify.com', 'shpat_secret_token', 'whsec_secret')
    expect(api.connectShopify).toHaveBeenCalledWith({
      domain: 'lumen-loom.myshopify.com',
      accessToken: 'shpat_secret_token',
      webhookSecret: 'whsec_secret',
    })
    const status = $('main [role="status"]')
    expect(status.textContent).toBe(
      'Connected to Lumen & Loom. Shopify accepted the token, and it has every scope Porchlight needs.',
    )
    expect(document.activeElement).toBe(status)
    expect($<HTMLInputElement>('#sh-token').value).toBe('')
    expect($<HTMLInputElement>('#sh-secret').value).toBe('')
    expect($<HTMLInputElement>('#sh-domain').value).toBe('lumen-loom.myshopify.com')
    expect(document.body.innerHTML).not.toContain('shpat_secret_token')
    expect(document.body.innerHTML).not.toContain('whsec_secret')
    expect($('main').textContent).toContain('This store shows the orders of Lumen & Loom')
    expect($('main').textContent).toContain('read_customers, read_orders, write_orders')
  })

  it.each<[ShopifyConnectErrorCode, unknown, string, string | undefined]>([
    [
      'shopify_domain_invalid',
      undefined,
      'Not saved. That is not a shop domain. Enter the address that ends in .myshopify.com, like your-shop.myshopify.com.',
      '#sh-domain',
    ],
    [
      'shopify_token_rejected',
      undefined,
      'Not saved. Shopify refused this access token. Copy the Admin API access token (shpat_…) from the app again; it may have been revoked.',
      '#sh-token',
    ],
    [
      'shopify_scopes_missing',
      { missing: ['write_orders', 'write_returns'] },
      'Not saved. The app lacks these Admin API scopes: write_orders, write_returns. Grant them to the app in Shopify, install it again, then save.',
      undefined,
    ],
    [
      'shopify_shop_mismatch',
      undefined,
      'Not saved. The token belongs to other.myshopify.com, not lumen-loom.myshopify.com. Check the domain, or use that shop’s token.',
      '#sh-domain',
    ],
    [
      'shopify_unreachable',
      undefined,
      'Not saved. Shopify could not be reached to check the connection. Try again in a moment.',
      undefined,
    ],
  ])('explains %s in plain words', async (code, details, words, invalidField) => {
    const message =
      code === 'shopify_shop_mismatch'
        ? 'The token belongs to other.myshopify.com, not lumen-loom.myshopify.com.'
        : 'raw server message'
    const api = fakeApi({ connectShopify: refused(code, message, details) })
    await renderConsole('/console/settings', api)
    await fill('lumen-loom.myshopify.com', 'shpat_x', 'whsec_x')
    const alert = $('main [role="alert"]')
    expect(alert.textContent).toBe(words)
    expect(document.activeElement).toBe(alert)
    for (const id of ['#sh-domain', '#sh-token']) {
      expect($(id).getAttribute('aria-invalid')).toBe(String(id === invalidField))
    }
    // A rejected token is cleared; anything else stays for the owner to correct.
    expect($<HTMLInputElement>('#sh-token').value).toBe(
      code === 'shopify_token_rejected' ? '' : 'shpat_x',
    )
    expect($('main').textContent).toContain('This store is not connected to Shopify.')
  })

  it('shows agents who are not owners the connection, without the form', async () => {
    const api = fakeApi({
      shopifySettings: vi.fn(async () => shopifySettings({ connected: true, canEdit: false })),
    })
    await renderConsole('/console/settings', api)
    expect($('main').textContent).toContain('lumen-loom.myshopify.com')
    expect($('main').textContent).toContain('Only an owner of the store can change its connection.')
    expect(document.querySelector('form.settings-form')).toBeNull()
  })

  it('warns when the app lacks read_all_orders, in plain words', async () => {
    const message =
      'The app lacks read_all_orders: orders older than 60 days are invisible without it.'
    const api = fakeApi({
      shopifySettings: vi.fn(async () =>
        shopifySettings({
          connected: true,
          warnings: [{ code: 'read_all_orders_missing', message }],
        }),
      ),
    })
    await renderConsole('/console/settings', api)
    expect(document.querySelector('.note-warn')?.textContent).toBe(message)
  })

  it('connects a Dev Dashboard app by its client ID and secret, and forgets the secret', async () => {
    const api = fakeApi()
    await renderConsole('/console/settings', api)
    await type($<HTMLInputElement>('#sh-domain'), 'lumen-loom.myshopify.com')
    await type($<HTMLInputElement>('#sh-client-id'), '0123456789abcdef0123456789abcdef')
    await type($<HTMLInputElement>('#sh-client-secret'), 'shpss_secret_value')
    await submit($<HTMLFormElement>('form.settings-form'))
    expect(api.connectShopify).toHaveBeenCalledWith({
      mode: 'client_credentials',
      domain: 'lumen-loom.myshopify.com',
      clientId: '0123456789abcdef0123456789abcdef',
      clientSecret: 'shpss_secret_value',
    })
    expect($('main [role="status"]').textContent).toBe(
      'Connected to Lumen & Loom. Shopify accepted the app’s credentials, and it has every scope Porchlight needs.',
    )
    expect($<HTMLInputElement>('#sh-client-secret').value).toBe('')
    expect(document.body.innerHTML).not.toContain('shpss_secret_value')
  })

  it('explains a refused client secret in plain words and clears it', async () => {
    const api = fakeApi({ connectShopify: refused('shopify_credentials_rejected', 'raw') })
    await renderConsole('/console/settings', api)
    await type($<HTMLInputElement>('#sh-domain'), 'lumen-loom.myshopify.com')
    await type($<HTMLInputElement>('#sh-client-id'), '0123456789abcdef0123456789abcdef')
    await type($<HTMLInputElement>('#sh-client-secret'), 'shpss_wrong')
    await submit($<HTMLFormElement>('form.settings-form'))
    expect($('main [role="alert"]').textContent).toContain(
      'Shopify refused this client ID and secret.',
    )
    expect($('#sh-client-secret').getAttribute('aria-invalid')).toBe('true')
    expect($<HTMLInputElement>('#sh-client-secret').value).toBe('')
  })

  it('offers the OAuth install when the server has an app, as a plain link to Shopify', async () => {
    const api = fakeApi({
      shopifySettings: vi.fn(async () => shopifySettings({ oauthAvailable: true })),
    })
    await renderConsole('/console/settings', api)
    expect(modeRadio('oauth').checked).toBe(true)
    const form = $<HTMLFormElement>('form.settings-form')
    expect(form.getAttribute('method')).toBe('get')
    expect(form.getAttribute('action')).toBe('/shopify/install')
    expect($<HTMLInputElement>('#sh-domain').name).toBe('shop')
    expect(byText('button', 'Install on Shopify')).toBeTruthy()
    expect(document.querySelector('#sh-client-secret')).toBeNull()
  })

  it('says how the store is connected, what customer data it sees, and when renewal fails', async () => {
    const api = fakeApi({
      shopifySettings: vi.fn(async () =>
        shopifySettings({
          connected: true,
          customerAccess: 'level_1',
          token: {
            state: 'failing',
            message: 'Shopify refused the app’s credentials.',
            expiresAt: null,
          },
        }),
      ),
    })
    await renderConsole('/console/settings', api)
    const text = $('main').textContent ?? ''
    expect(text).toContain('Dev Dashboard app of your organization (recommended)')
    expect(text).toContain('Customers without email or phone (level 1)')
    expect($('.note-error[role="alert"]').textContent).toContain(
      'Shoppers see their orders as unavailable: Porchlight cannot renew the Shopify token. Shopify refused the app’s credentials.',
    )
  })

  it('labels a legacy token as legacy', async () => {
    const api = fakeApi({
      shopifySettings: vi.fn(async () =>
        shopifySettings({ connected: true, mode: 'legacy', clientId: null, token: null }),
      ),
    })
    await renderConsole('/console/settings', api)
    expect($('main').textContent).toContain('Legacy custom app token (shpat_…) — legacy')
    expect(modeRadio('legacy').checked).toBe(true)
  })
})

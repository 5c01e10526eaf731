import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  isFreshProxyTimestamp,
  PROXY_MAX_SKEW_MS,
  verifyAppProxySignature,
} from './app-proxy-signature.ts'

/**
 * The vectors are written out by hand from shopify.dev's "Authenticate app proxies" (its
 * example request, shared secret `hush`): the signed message is spelled literally here and
 * signed with node:crypto, so the test does not share the code it checks.
 */
const SECRET = 'hush'
const MESSAGE =
  'extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviews' +
  'shop=some-shop.myshopify.comtimestamp=1317327555'
const SIGNATURE = createHmac('sha256', SECRET).update(MESSAGE).digest('hex')

/** The forwarded query of the docs' example, in the order Shopify sends it. */
const forwarded = (signature = SIGNATURE) =>
  new URLSearchParams(
    'extra=1&extra=2&shop=some-shop.myshopify.com&logged_in_customer_id=1' +
      `&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555&signature=${signature}`,
  )

describe('app proxy signature (shopify.dev "Authenticate app proxies")', () => {
  it('accepts the documented example, repeated values joined with a comma', () => {
    expect(verifyAppProxySignature(forwarded(), SECRET)).toBe(true)
  })

  it('does not depend on the order of the parameters', () => {
    const reordered = new URLSearchParams(
      `signature=${SIGNATURE}&timestamp=1317327555&path_prefix=%2Fapps%2Fawesome_reviews` +
        '&logged_in_customer_id=1&extra=1&shop=some-shop.myshopify.com&extra=2',
    )
    expect(verifyAppProxySignature(reordered, SECRET)).toBe(true)
    expect(verifyAppProxySignature(forwarded(SIGNATURE.toUpperCase()), SECRET)).toBe(true)
  })

  it('refuses a changed value, a value moved between repeats, a dropped or an added parameter', () => {
    const tamper = (edit: (q: URLSearchParams) => void) => {
      const q = forwarded()
      edit(q)
      return verifyAppProxySignature(q, SECRET)
    }
    expect(tamper((q) => q.set('logged_in_customer_id', '2'))).toBe(false)
    expect(tamper((q) => q.set('shop', 'other-shop.myshopify.com'))).toBe(false)
    expect(
      tamper((q) => {
        q.delete('extra')
        q.append('extra', '2')
        q.append('extra', '1')
      }),
    ).toBe(false)
    expect(tamper((q) => q.delete('extra'))).toBe(false)
    expect(tamper((q) => q.append('admin', 'true'))).toBe(false)
    // The OAuth hmac's spelling (pairs joined with `&`) is another message.
    const withAmpersands = createHmac('sha256', SECRET)
      .update(
        'extra=1,2&logged_in_customer_id=1&path_prefix=/apps/awesome_reviews' +
          '&shop=some-shop.myshopify.com&timestamp=1317327555',
      )
      .digest('hex')
    expect(verifyAppProxySignature(forwarded(withAmpersands), SECRET)).toBe(false)
  })

  it('refuses another secret, and a missing, malformed or doubled signature', () => {
    expect(verifyAppProxySignature(forwarded(), 'not-hush')).toBe(false)
    const q = forwarded()
    q.delete('signature')
    expect(verifyAppProxySignature(q, SECRET)).toBe(false)
    expect(verifyAppProxySignature(forwarded(SIGNATURE.slice(2)), SECRET)).toBe(false)
    expect(verifyAppProxySignature(forwarded(`${SIGNATURE.slice(1)}z`), SECRET)).toBe(false)
    const doubled = forwarded()
    doubled.append('signature', SIGNATURE)
    expect(verifyAppProxySignature(doubled, SECRET)).toBe(false)
  })

  it('signs an empty logged_in_customer_id (nobody signed in) like any other value', () => {
    const message =
      'logged_in_customer_id=path_prefix=/apps/porchlightshop=a.myshopify.comtimestamp=5'
    const signature = createHmac('sha256', SECRET).update(message).digest('hex')
    const q = new URLSearchParams(
      `shop=a.myshopify.com&logged_in_customer_id=&path_prefix=%2Fapps%2Fporchlight&timestamp=5&signature=${signature}`,
    )
    expect(verifyAppProxySignature(q, SECRET)).toBe(true)
  })
})

describe('proxy timestamp freshness', () => {
  const now = 1_317_327_555_000
  it(`accepts ${PROXY_MAX_SKEW_MS / 1000} s either way, and no more`, () => {
    expect(isFreshProxyTimestamp('1317327555', now)).toBe(true)
    expect(isFreshProxyTimestamp(String(1317327555 - 90), now)).toBe(true)
    expect(isFreshProxyTimestamp(String(1317327555 + 90), now)).toBe(true)
    expect(isFreshProxyTimestamp(String(1317327555 - 91), now)).toBe(false)
    expect(isFreshProxyTimestamp(String(1317327555 + 91), now)).toBe(false)
  })
  it('refuses a missing or non-numeric timestamp', () => {
    for (const t of [null, '', '1e9', '-5', ' 1317327555', '1317327555.0']) {
      expect(isFreshProxyTimestamp(t, now)).toBe(false)
    }
  })
})

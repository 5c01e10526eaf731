import { describe, expect, it } from 'vitest'
import { loadAssetsFromStrings } from '../../test/assets.ts'
import { findStoreById, updateStoreSettings } from '../../db/stores.repository.ts'
import { DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'

describe(`widget routes (${testDialect})`, () => {
  it('returns the public config of a store named by its key', async () => {
    const { app } = await createTestApp()
    const res = await app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.store).toEqual({ name: 'Lumen & Loom', key: DEMO_WIDGET_KEY })
    expect(body.theme.color).toBe('#7a4b2a')
    expect(JSON.stringify(body)).not.toContain('adapter')
    // Revalidated on every page view, so a saved setting shows at once; varies by origin (CORS).
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('vary')).toContain('Origin')
  })

  it('answers an unchanged config with a bodiless 304, and a changed one in full', async () => {
    const { app, db } = await createTestApp()
    const path = `/v1/widget/config?key=${DEMO_WIDGET_KEY}`
    const tag = (await app.request(path)).headers.get('etag')
    expect(tag).toMatch(/^(W\/)?"[^"]+"$/)
    const same = await app.request(path, { headers: { 'if-none-match': tag ?? '' } })
    expect(same.status).toBe(304)
    expect(await same.text()).toBe('')
    const store = await findStoreById(db, 'st_demo')
    await updateStoreSettings(db, 'st_demo', { ...store?.settings, theme: { color: '#0b5e3a' } })
    const changed = await app.request(path, { headers: { 'if-none-match': tag ?? '' } })
    expect(changed.status).toBe(200)
    expect((await changed.json()).theme.color).toBe('#0b5e3a')
    expect(changed.headers.get('etag')).not.toBe(tag)
  })

  it.each([
    ['fr-CA', 'Ouvrir le chat d’aide', '{count} non lus'],
    ['ar', 'فتح محادثة المساعدة', '{count} غير مقروءة'],
    // Unknown or junk: the store's default language (English for the demo store).
    ['xx', 'Open help chat', '{count} unread'],
    ['<script>', 'Open help chat', '{count} unread'],
  ])('gives the launcher’s words for locale %j', async (locale, label, unread) => {
    const { app } = await createTestApp()
    const res = await app.request(
      `/v1/widget/config?key=${DEMO_WIDGET_KEY}&locale=${encodeURIComponent(locale)}`,
    )
    expect(res.status).toBe(200)
    expect((await res.json()).launcher).toEqual({ label, unread })
  })

  it('falls back to the store’s default language for the launcher’s words', async () => {
    const { app, db } = await createTestApp()
    const store = await findStoreById(db, 'st_demo')
    await updateStoreSettings(db, 'st_demo', { ...store!.settings, defaultLocale: 'de' })
    const body = await (await app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}`)).json()
    expect(body.launcher.label).toBe('Hilfe-Chat öffnen')
  })

  it('offers only the store’s languages: the launcher speaks one of them, the panel is told which', async () => {
    const { app, db } = await createTestApp()
    const store = await findStoreById(db, 'st_demo')
    await updateStoreSettings(db, 'st_demo', {
      ...store!.settings,
      defaultLocale: 'fr',
      locales: ['fr', 'es'],
    })
    const config = async (locale: string) =>
      (await app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}&locale=${locale}`)).json()
    const german = await config('de-AT')
    // German is one we ship, but the store does not offer it: its default speaks instead.
    expect(german).toMatchObject({ defaultLocale: 'fr', locales: ['fr', 'es'] })
    expect(german.launcher.label).toBe((await config('fr')).launcher.label)
    expect((await config('es')).launcher.label).not.toBe(german.launcher.label)
  })

  it('offers every language it ships to a store that never chose', async () => {
    const { app } = await createTestApp()
    const body = await (await app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}`)).json()
    expect(body.locales).toEqual(['en', 'fr', 'es', 'de', 'ar'])
  })

  it('names no Loop Returns portal unless the store set one', async () => {
    const { app } = await createTestApp()
    const body = await (await app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}`)).json()
    expect(body.returns).toEqual({ loopPortalUrl: null })
  })

  it.each([
    ['https://lumen.loopreturns.com/', 'https://lumen.loopreturns.com/'],
    [' https://returns.lumen.example/portal?x=1 ', 'https://returns.lumen.example/portal?x=1'],
    // Only an https page: the panel opens it as a link, so a script URL must never get through.
    ['javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['http://lumen.loopreturns.com/', null],
    ['/returns', null],
    ['https://user:pass@lumen.loopreturns.com/', null],
    [`https://lumen.loopreturns.com/${'a'.repeat(2000)}`, null],
    [42, null],
  ])('exposes the store’s Loop Returns portal %j as %j', async (loopPortalUrl, expected) => {
    const { app, db } = await createTestApp()
    const store = await findStoreById(db, 'st_demo')
    await updateStoreSettings(db, 'st_demo', { ...store!.settings, returns: { loopPortalUrl } })
    const body = await (await app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}`)).json()
    expect(body.returns).toEqual({ loopPortalUrl: expected })
  })

  it('accepts the key in the X-Porchlight-Key header', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/v1/widget/config', {
      headers: { 'x-porchlight-key': DEMO_WIDGET_KEY },
    })
    expect(res.status).toBe(200)
  })

  it.each([['pk_unknown_store'], ['not-a-key'], ["pk_' or 1=1 --"], ['']])(
    'answers an unknown key %j with 404 store_not_found',
    async (key) => {
      const { app } = await createTestApp()
      const res = await app.request(`/v1/widget/config?key=${encodeURIComponent(key)}`)
      expect(res.status).toBe(404)
      expect((await res.json()).error.code).toBe('store_not_found')
    },
  )

  it('allows CORS only for the store’s allowed origins', async () => {
    const { app } = await createTestApp()
    const allowed = await app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}`, {
      headers: { origin: 'http://localhost:8787' },
    })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:8787')
    const other = await app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}`, {
      headers: { origin: 'https://evil.example' },
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('serves the panel page with frame-ancestors from the store’s origins', async () => {
    const { app } = await createTestApp({
      assets: loadAssetsFromStrings({ '/app/index.html': '<!doctype html><p>app' }),
    })
    const res = await app.request(`/w/${DEMO_WIDGET_KEY}`)
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("frame-ancestors 'self' http://localhost:8787 http://127.0.0.1:8787")
    expect(csp).toContain("script-src 'self'")
    const unknown = await app.request('/w/pk_nobody_here')
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).error.code).toBe('store_not_found')
  })

  it('serves the loader compressed, with a validator', async () => {
    const { app } = await createTestApp({
      assets: loadAssetsFromStrings({ '/porchlight.js': 'console.log(1)'.repeat(50) }),
    })
    const res = await app.request('/porchlight.js', { headers: { 'accept-encoding': 'gzip, br' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('content-type')).toContain('javascript')
    const again = await app.request('/porchlight.js', {
      headers: { 'if-none-match': res.headers.get('etag') ?? '' },
    })
    expect(again.status).toBe(304)
  })

  it('says the widget is not built instead of failing when assets are missing', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/porchlight.js')
    expect(res.status).toBe(503)
    expect((await res.json()).error.code).toBe('widget_not_built')
  })
})

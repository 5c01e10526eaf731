import { describe, expect, it } from 'vitest'
import { DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { settingsApp } from './settings-test-kit.ts'

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3])
const SVG = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
)

describe(`store logo (${testDialect})`, () => {
  const upload = (
    t: Awaited<ReturnType<typeof settingsApp>>,
    body: Uint8Array<ArrayBuffer>,
    headers: Record<string, string> = t.owner.write,
  ) =>
    t.app.request('/v1/agent/settings/store/logo', {
      method: 'POST',
      // The declared type is the uploader's word; the bytes decide.
      headers: { ...headers, 'content-type': 'image/png' },
      body,
    })

  it('keeps a PNG, serves it cached for good, and shows it once the store names it', async () => {
    const t = await settingsApp()
    const res = await upload(t, PNG)
    expect(res.status).toBe(201)
    const { logo, url } = await res.json()
    const served = await t.app.request(new URL(url).pathname)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG)
    expect((await t.edit('store', { logo })).status).toBe(200)
    const config = await (await t.app.request(`/v1/widget/config?key=${DEMO_WIDGET_KEY}`)).json()
    expect(config.theme.logoUrl).toBe(url)
  })

  it('refuses an SVG, bytes that are no image, and a logo over 512 KB', async () => {
    const t = await settingsApp()
    const svg = await upload(t, SVG)
    expect(svg.status).toBe(400)
    expect((await svg.json()).error.code).toBe('logo_invalid')
    expect((await (await upload(t, new Uint8Array([1, 2, 3]))).json()).error.code).toBe(
      'logo_invalid',
    )
    const big = new Uint8Array(512 * 1024 + 1)
    big.set(PNG)
    const large = await upload(t, big)
    expect(large.status).toBe(413)
    expect((await large.json()).error.code).toBe('logo_too_large')
    const huge = new Uint8Array(2 * 1024 * 1024)
    huge.set(PNG)
    expect((await (await upload(t, huge)).json()).error.code).toBe('logo_too_large')
  })

  it('refuses an agent who is not an owner, and another store’s logo', async () => {
    const t = await settingsApp()
    const refused = await upload(t, PNG, t.agent.write)
    expect(refused.status).toBe(403)
    expect((await refused.json()).error.code).toBe('owner_required')
    await insertOtherStore(t)
    const other = await signInAgent(t, 'st_other', 'owner-of-other@example.com', 'owner')
    const theirs = await (await upload(t, PNG, other.write)).json()
    const res = await t.edit('store', { logo: theirs.logo })
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('logo_not_found')
  })
})

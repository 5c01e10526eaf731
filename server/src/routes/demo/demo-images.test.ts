import { describe, expect, it } from 'vitest'
import { PRODUCTS } from '../../seed/demo-shoppers.ts'
import { createTestApp } from '../../test/harness.ts'

describe('the demo store’s product pictures', () => {
  it('serves every demo product’s picture from our own origin, as an inert SVG', async () => {
    const ctx = await createTestApp()
    for (const product of Object.values(PRODUCTS)) {
      expect(product.imageUrl).toMatch(/^\/demo\/products\/\w+\.svg$/)
      const res = await ctx.app.request(product.imageUrl)
      expect(res.status, product.imageUrl).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/svg+xml')
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
      const svg = await res.text()
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
      // Nothing in it reaches outside the machine or runs.
      expect(svg).not.toMatch(/<script|href=|url\(/i)
    }
  })

  it('answers 404 for a picture it does not have, names of the object prototype included', async () => {
    const ctx = await createTestApp()
    for (const path of [
      '/demo/products/sofa.svg',
      '/demo/products/constructor.svg',
      '/demo/products/mug.png',
    ]) {
      expect((await ctx.app.request(path)).status, path).toBe(404)
    }
  })
})

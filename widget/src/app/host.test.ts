import { describe, expect, it } from 'vitest'
import { createHostLink, hostTarget, readEmbedParams } from './host.ts'

describe('readEmbedParams', () => {
  it('reads the mode, the locale and the claimed host origin from the panel URL', () => {
    expect(readEmbedParams('?mode=portal&origin=https%3A%2F%2Fshop.example&locale=fr_FR')).toEqual({
      mode: 'portal',
      locale: 'fr-FR',
      claimedOrigin: 'https://shop.example',
    })
  })

  it('falls back to the floating panel and no locale on unknown values', () => {
    expect(readEmbedParams('?mode=evil&locale=%3Cb%3E')).toEqual({
      mode: 'floating',
      locale: undefined,
      claimedOrigin: undefined,
    })
  })
})

describe('hostTarget', () => {
  const allowed = ['https://shop.example', 'http://localhost:8787']

  it('trusts the claimed origin only when the store lists it', () => {
    expect(hostTarget('https://shop.example', allowed)).toBe('https://shop.example')
    expect(hostTarget('https://evil.example', allowed)).toBeUndefined()
    expect(hostTarget('https://shop.example.evil.example', allowed)).toBeUndefined()
    expect(hostTarget(undefined, allowed)).toBeUndefined()
  })

  it('trusts nothing before the store’s origins are known', () => {
    expect(createHostLink('?origin=https%3A%2F%2Fshop.example', []).target).toBeUndefined()
    expect(createHostLink('?origin=https%3A%2F%2Fshop.example', allowed).target).toBe(
      'https://shop.example',
    )
  })
})

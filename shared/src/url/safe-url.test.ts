import { describe, expect, it } from 'vitest'
import { safeHttpUrl } from './safe-url.ts'

describe('safeHttpUrl', () => {
  it.each([
    ['https://track.example/abc?x=1', 'https://track.example/abc?x=1'],
    ['http://carrier.example/', 'http://carrier.example/'],
    ['  https://padded.example/  ', 'https://padded.example/'],
    ['HTTPS://Upper.Example/Path', 'https://upper.example/Path'],
  ])('keeps the http(s) URL %s', (raw, expected) => {
    expect(safeHttpUrl(raw)).toBe(expected)
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://shop.example/1',
    '/console/tickets/x',
    '//evil.example/path',
    'https://shop.example@evil.example/',
    'https://user:pw@shop.example/',
    'not a url',
    '',
    null,
    undefined,
    42,
    { href: 'https://shop.example/' },
    `https://${'a'.repeat(3000)}.example`,
  ])('refuses %j', (raw) => {
    expect(safeHttpUrl(raw)).toBeNull()
  })

  it('refuses plain http when https is required', () => {
    expect(safeHttpUrl('http://returns.example/', { httpsOnly: true })).toBeNull()
    expect(safeHttpUrl('https://returns.example/', { httpsOnly: true })).toBe(
      'https://returns.example/',
    )
  })
})

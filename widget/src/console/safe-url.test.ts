import { describe, expect, it } from 'vitest'
import { safeHttpUrl } from './safe-url.ts'

describe('safeHttpUrl', () => {
  it.each([
    ['https://track.example/abc?x=1', 'https://track.example/abc?x=1'],
    ['http://carrier.example/', 'http://carrier.example/'],
    ['  https://padded.example/  ', 'https://padded.example/'],
  ])('keeps the http(s) URL %s', (raw, expected) => {
    expect(safeHttpUrl(raw)).toBe(expected)
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '/console/tickets/x',
    '//evil.example/path',
    'not a url',
    '',
    null,
    42,
    `https://${'a'.repeat(3000)}.example`,
  ])('refuses %j', (raw) => {
    expect(safeHttpUrl(raw)).toBeNull()
  })
})

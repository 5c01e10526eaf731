import { describe, expect, it } from 'vitest'
import { ATTACHMENT_LIMITS, keepAttachments, sniffAttachmentType } from './attachments.ts'

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex.replace(/ /g, ''), 'hex'))
const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'))

describe('attachments', () => {
  it.each([
    ['png', bytes('89504e47 0d0a1a0a 0000'), 'image/png'],
    ['jpeg', bytes('ffd8ffe0 0010'), 'image/jpeg'],
    ['gif', text('GIF89a....'), 'image/gif'],
    ['webp', bytes('52494646 00000000 57454250 5650'), 'image/webp'],
    ['pdf', text('%PDF-1.7\n'), 'application/pdf'],
    ['text', text('Tracking: 1Z999\nThanks é'), 'text/plain'],
  ])('tells a %s by its bytes', (_name, content, type) => {
    expect(sniffAttachmentType(content)).toBe(type)
  })

  it.each([
    ['an executable', bytes('4d5a9000 0300')],
    ['a zip', bytes('504b0304 1400')],
    ['HTML', text('  <html><script>alert(1)</script>')],
    ['an SVG', text('<svg onload="alert(1)"/>')],
    ['invalid UTF-8', bytes('c328')],
    ['nothing', new Uint8Array()],
  ])('refuses %s', (_name, content) => {
    expect(sniffAttachmentType(content)).toBeUndefined()
  })

  it('keeps allowed files under the cap, renamed after what they are', () => {
    const big = new Uint8Array(ATTACHMENT_LIMITS.maxBytes + 1)
    big.set([0xff, 0xd8, 0xff])
    const { kept, refused } = keepAttachments([
      { filename: '../../etc/passwd.png', content: bytes('89504e470d0a1a0a') },
      { filename: 'photo.exe', content: bytes('ffd8ffe0') },
      { filename: 'huge.jpg', content: big },
      { filename: 'evil.jpg', content: bytes('4d5a90') },
      { filename: undefined, content: text('plain words') },
    ])
    expect(kept.map((k) => [k.filename, k.contentType])).toEqual([
      ['passwd.png', 'image/png'],
      ['photo.jpg', 'image/jpeg'],
      ['attachment.txt', 'text/plain'],
    ])
    expect(refused).toBe(2)
  })

  it('keeps no more than the allowed number', () => {
    const many = Array.from({ length: ATTACHMENT_LIMITS.maxCount + 3 }, (_, i) => ({
      filename: `n${i}.txt`,
      content: text(`note ${i}`),
    }))
    const { kept, refused } = keepAttachments(many)
    expect(kept).toHaveLength(ATTACHMENT_LIMITS.maxCount)
    expect(refused).toBe(3)
  })
})

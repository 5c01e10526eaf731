import { describe, expect, it } from 'vitest'
import { oneLine } from '../mail/one-line.ts'
import { renderCodeEmail, renderCodeSms } from './code-message.ts'

describe('renderCodeEmail', () => {
  it('names the store in the subject and body, with the code on its own line', () => {
    const mail = renderCodeEmail('en', 'Lumen & Loom', '012345')
    expect(mail.subject).toBe('Your sign-in code for Lumen & Loom')
    expect(mail.text).toContain('Use this code to sign in to Lumen & Loom:')
    expect(mail.text).toMatch(/^ {4}012345$/m)
    expect(mail.text).toContain('10 minutes')
    expect(mail.html).toContain('<html lang="en" dir="ltr">')
    expect(mail.html).toContain('Lumen &amp; Loom')
    expect(mail.html).toContain('>012345</p>')
  })

  it('escapes the store name in HTML and flattens it to one line everywhere', () => {
    const mail = renderCodeEmail('en', '<img src=x onerror=alert(1)>\r\nBcc: x@evil.test', '111111')
    expect(mail.subject).toBe('Your sign-in code for <img src=x onerror=alert(1)> Bcc: x@evil.test')
    expect(mail.subject).not.toMatch(/[\r\n]/)
    expect(mail.html).not.toContain('<img')
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('writes Arabic right to left but keeps the code left to right', () => {
    const mail = renderCodeEmail('ar', 'متجر', '123456')
    expect(mail.subject).toBe('رمز تسجيل الدخول إلى متجر')
    expect(mail.html).toContain('<html lang="ar" dir="rtl">')
    expect(mail.html).toContain('<p dir="ltr"')
  })

  it.each(['en', 'fr', 'es', 'de', 'ar'] as const)('%s: every text is filled in', (locale) => {
    const mail = renderCodeEmail(locale, 'Shop', '123456')
    expect(mail.subject + mail.text + mail.html).not.toMatch(/\{\w+\}/)
    expect(mail.subject).toContain('Shop')
  })
})

describe('renderCodeSms', () => {
  it('ends with the origin-bound line @host #code', () => {
    const sms = renderCodeSms('de', 'Waldladen', '654321', 'help.shop.example')
    const lines = sms.split('\n')
    expect(lines[0]).toBe(
      '654321 ist Ihr Anmeldecode für Waldladen. Er läuft in 10 Minuten ab. Geben Sie ihn nicht weiter.',
    )
    expect(lines.at(-1)).toBe('@help.shop.example #654321')
  })

  it('cannot be given another origin-bound line through the store name', () => {
    const sms = renderCodeSms('en', 'Shop\n@evil.example #000000\n', '654321', 'shop.example')
    expect(sms.split('\n').filter((l) => l.startsWith('@'))).toEqual(['@shop.example #654321'])
  })
})

describe('oneLine', () => {
  it('turns control characters and line separators into single spaces and trims', () => {
    expect(oneLine(' a\r\nb\u2028c\u0000d\te ')).toBe('a b c d e')
  })

  it('caps the length without splitting a character', () => {
    expect(oneLine('😀'.repeat(200), 3)).toBe('😀😀😀')
  })
})

import { describe, expect, it } from 'vitest'
import { contrastRatio, launcherLabelContrast } from './contrast.ts'
import { problemsOf, sectionSchemas } from './schema.ts'
import { readSection, sectionChanges, writeSection, type StoredSettings } from './stored.ts'

const stored = (settings: Record<string, unknown> = {}): StoredSettings => ({
  name: 'Lumen & Loom',
  allowedOrigins: ['https://shop.example'],
  settings,
})

const problems = (section: keyof typeof sectionSchemas, value: unknown) => {
  const parsed = sectionSchemas[section].safeParse(value)
  return parsed.success ? [] : problemsOf(parsed.error)
}

describe('label contrast', () => {
  it('measures WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    // Pure red takes white ink (YIQ), at 4.0:1: below AA.
    expect(launcherLabelContrast('#ff0000')).toBe(3.99)
    expect(launcherLabelContrast('#1f6feb')).toBeGreaterThanOrEqual(4.5)
  })

  it('refuses a launcher colour below 4.5:1 and says the ratio', () => {
    const refused = problems('widget', { color: '#ff0000', position: 'right', greeting: {} })
    expect(refused).toEqual([{ field: 'color', reason: expect.stringContaining('3.99:1') }])
    expect(problems('widget', { color: '#1F6FEB', position: 'left', greeting: {} })).toEqual([])
  })
})

describe('store section', () => {
  const valid = {
    name: 'Lumen & Loom',
    logo: null,
    allowedOrigins: ['https://shop.example'],
    defaultLocale: 'fr',
    locales: ['fr', 'en'],
    timezone: 'Europe/Paris',
  }

  it('checks websites as the CLI does, zones with Intl, languages among those offered', () => {
    expect(problems('store', valid)).toEqual([])
    expect(problems('store', { ...valid, allowedOrigins: ['http://shop.example'] })).toEqual([
      { field: 'allowedOrigins.0', reason: expect.stringContaining('https') },
    ])
    expect(problems('store', { ...valid, allowedOrigins: ['https://shop.example/path'] })).toEqual([
      { field: 'allowedOrigins.0', reason: expect.stringContaining('origin only') },
    ])
    expect(problems('store', { ...valid, timezone: 'Mars/Olympus' })[0]?.field).toBe('timezone')
    expect(problems('store', { ...valid, defaultLocale: 'de' })[0]?.field).toBe('defaultLocale')
    expect(problems('store', { ...valid, locales: ['xx'] })[0]?.field).toBe('locales.0')
    expect(problems('store', { ...valid, extra: 1 })[0]?.reason).toMatch(/extra/)
  })
})

describe('stored settings', () => {
  it('reads what was never set as the defaults, without problems', () => {
    const read = readSection('policies', stored())
    expect(read.problems).toEqual([])
    expect(read.values.return).toEqual({ enabled: true, windowDays: 30, from: 'delivery' })
    expect(read.values.finalSaleTags).toEqual(['final-sale'])
    expect(readSection('chat', stored()).values.revertHours).toBe(24)
  })

  it('reports broken fields and keeps the default for them only', () => {
    const read = readSection(
      'widget',
      stored({ theme: { color: 'red', position: 'left', greeting: { en: 'Hi' } } }),
    )
    expect(read.problems).toEqual([{ field: 'color', reason: expect.any(String) }])
    expect(read.values).toEqual({ color: '#1f6feb', position: 'left', greeting: { en: 'Hi' } })
  })

  it('writes each field where its readers look, keeping keys it does not own', () => {
    const before = stored({
      auth: { ipSendLimit: 9 },
      orderRules: { cancel: { excludedTags: ['x'] } },
    })
    const values = {
      ...readSection('policies', before).values,
      return: { enabled: true, windowDays: 14, from: 'fulfillment' as const },
      loopPortalUrl: 'https://returns.example',
    }
    const after = writeSection('policies', values, before)
    expect(after.settings['auth']).toEqual({ ipSendLimit: 9 })
    expect(after.settings['orderRules']).toMatchObject({
      cancel: { excludedTags: ['x'], enabled: true, window: null },
      return: { window: { amount: 14, unit: 'days', from: 'fulfillment' } },
    })
    expect(after.settings['returns']).toEqual({
      loopPortalUrl: 'https://returns.example',
      refundOn: 'receipt',
    })
    // And back again, unchanged.
    expect(readSection('policies', after)).toEqual({ values, problems: [] })
    expect(sectionChanges<'policies'>(readSection('policies', before).values, values)).toEqual([
      {
        field: 'return',
        old: { enabled: true, windowDays: 30, from: 'delivery' },
        new: values.return,
      },
      { field: 'loopPortalUrl', old: null, new: 'https://returns.example' },
    ])
  })

  it('keeps the zone an older store kept with its hours as the store zone', () => {
    const old = stored({
      chat: { businessHours: { timezone: 'Europe/Paris', weekly: { mon: [['09:00', '17:00']] } } },
    })
    expect(readSection('store', old).values.timezone).toBe('Europe/Paris')
    const chat = readSection('chat', old).values
    const afterChat = writeSection('chat', { ...chat, revertHours: 12 }, old)
    expect(afterChat.settings['timezone']).toBe('Europe/Paris')
    expect(afterChat.settings['chat']).toMatchObject({ businessHours: { weekly: chat.hours } })
    const store = readSection('store', old).values
    const afterStore = writeSection('store', { ...store, timezone: 'Asia/Tokyo' }, old)
    expect(afterStore.settings['timezone']).toBe('Asia/Tokyo')
    expect(afterStore.settings['chat']).toEqual({
      businessHours: { weekly: { mon: [['09:00', '17:00']] } },
    })
  })
})

describe('automation section', () => {
  it('reads as every rule off when never set, and a rule stored wrong as off, reported', () => {
    expect(readSection('automation', stored())).toEqual({
      values: {
        approveCancel: { enabled: false, withinHours: 2 },
        approveReturn: { enabled: false, lessThan: [] },
      },
      problems: [],
    })
    const broken = readSection(
      'automation',
      stored({
        automation: {
          approveCancel: { enabled: 'yes', withinHours: 4 },
          approveReturn: { enabled: true, lessThan: [{ currency: 'EUR', amount: 5000 }] },
        },
      }),
    )
    expect(broken.values.approveCancel.enabled).toBe(false)
    expect(broken.values.approveReturn.lessThan).toEqual([{ currency: 'EUR', amount: 5000 }])
    expect(broken.problems.map((p) => p.field)).toEqual(['approveCancel.enabled'])
  })

  it('writes under settings.automation, keeping what it does not know, and reads it back', () => {
    const before = stored({ automation: { later: { enabled: true } }, theme: { color: '#000000' } })
    const values = {
      approveCancel: { enabled: true, withinHours: 12 },
      approveReturn: { enabled: false, lessThan: [] },
    }
    const after = writeSection('automation', values, before)
    expect(after.settings['automation']).toEqual({ later: { enabled: true }, ...values })
    expect(after.settings['theme']).toEqual({ color: '#000000' })
    expect(readSection('automation', after)).toEqual({ values, problems: [] })
  })
})

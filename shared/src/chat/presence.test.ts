import { describe, expect, it } from 'vitest'
import { IDLE_AFTER_MS, PRESENCE_EXPIRY_MS } from '../api/presence.ts'
import { presenceState } from './presence.ts'

const now = 1_800_000_000_000

describe('presenceState', () => {
  it('is offline with no tab, or once every tab has stopped beating', () => {
    expect(presenceState({ awaySince: null, tabs: [] }, now)).toBe('offline')
    const tab = { seenAt: now - PRESENCE_EXPIRY_MS, lastInputAt: now - 1000 }
    expect(presenceState({ awaySince: null, tabs: [tab] }, now)).toBe('offline')
    expect(
      presenceState({ awaySince: null, tabs: [{ ...tab, seenAt: tab.seenAt + 1 }] }, now),
    ).toBe('available')
  })

  it('is away once no live tab saw input for the idle time, whichever tab had it', () => {
    const idle = { seenAt: now, lastInputAt: now - IDLE_AFTER_MS }
    expect(presenceState({ awaySince: null, tabs: [idle] }, now)).toBe('away')
    const busy = { seenAt: now, lastInputAt: now - IDLE_AFTER_MS + 1 }
    expect(presenceState({ awaySince: null, tabs: [idle, busy] }, now)).toBe('available')
    // Input in a tab that has since gone does not keep the agent available.
    const gone = { seenAt: now - PRESENCE_EXPIRY_MS - 1, lastInputAt: now }
    expect(presenceState({ awaySince: null, tabs: [idle, gone] }, now)).toBe('away')
  })

  it('is away when set away by hand, even while typing', () => {
    const busy = { seenAt: now, lastInputAt: now }
    expect(presenceState({ awaySince: now - 5, tabs: [busy] }, now)).toBe('away')
  })
})

import { en } from '@porchlight/shared/i18n/en'
import { createTranslator, loadChatWords } from '@porchlight/shared/i18n/index'
import { describe, expect, it } from 'vitest'
import { backAt, messageTime } from './message-time.ts'
import { initials } from './thread.tsx'

const t = createTranslator({ ...en, ...(await loadChatWords('en')) }, 'en')
const now = new Date(2026, 11, 4, 15, 30) // Friday 4 December 2026, 15:30 on the test's clock
const at = (...parts: [number, number, number, number, number]) => new Date(...parts).toISOString()

describe('when a chat message was sent', () => {
  it('shows the time alone today, and the day for any other', () => {
    expect(messageTime(at(2026, 11, 4, 9, 5), now, 'en-US', t)).toBe('9:05 AM')
    // Issue 20: yesterday's message showed only a time.
    expect(messageTime(at(2026, 11, 3, 23, 50), now, 'en-US', t)).toBe('Yesterday, 11:50 PM')
    expect(messageTime(at(2026, 11, 1, 14, 5), now, 'en-US', t)).toBe('Tuesday, 2:05 PM')
    expect(messageTime(at(2026, 10, 20, 14, 5), now, 'en-US', t)).toBe('Nov 20, 2:05 PM')
    expect(messageTime(at(2025, 10, 20, 14, 5), now, 'en-US', t)).toBe('Nov 20, 2025, 2:05 PM')
  })
})

describe('when the team is back', () => {
  it('says today, tomorrow or the day', () => {
    expect(backAt(at(2026, 11, 4, 17, 0), now, 'en-US', t)).toBe('Back today at 5:00 PM.')
    expect(backAt(at(2026, 11, 5, 9, 0), now, 'en-US', t)).toBe('Back tomorrow at 9:00 AM.')
    expect(backAt(at(2026, 11, 7, 9, 0), now, 'en-US', t)).toBe('Back on Monday at 9:00 AM.')
  })
})

describe('an agent’s initials', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initials('Maya Chen')).toBe('MC')
    expect(initials('  sam ')).toBe('S')
    expect(initials('Ana María de la Cruz')).toBe('AC')
    expect(initials('سارة أحمد')).toBe('سأ')
    expect(initials('Dana (demo agent)')).toBe('D')
  })
})

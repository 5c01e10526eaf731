import { describe, expect, it } from 'vitest'
import {
  DEFAULT_REVERT_HOURS,
  decideRevert,
  revertHoursFrom,
  type RevertMessage,
} from './revert.ts'

const t0 = new Date('2026-03-01T10:00:00Z')
const after = (ms: number) => new Date(t0.getTime() + ms)
const H = 3600_000
const shopper = (at: Date): RevertMessage => ({ authorKind: 'shopper', at })
const agent = (at: Date): RevertMessage => ({ authorKind: 'agent', at })
const system = (at: Date): RevertMessage => ({ authorKind: 'system', at })

describe('the 24-hour revert', () => {
  const thread = [shopper(after(-60_000)), agent(t0)]

  it('keeps the thread at 23:59:59 after the agent’s last word', () => {
    expect(decideRevert(thread, after(24 * H - 1000)).reverted).toBe(false)
    expect(decideRevert(thread, after(24 * H - 1000))).toEqual({
      reverted: false,
      at: after(24 * H),
    })
  })

  it('reverts at exactly 24:00:00', () => {
    expect(decideRevert(thread, after(24 * H))).toEqual({ reverted: true, since: after(24 * H) })
    expect(decideRevert(thread, after(24 * H + 1)).reverted).toBe(true)
  })

  it('never reverts once the shopper replied, even at 23:59 and long after', () => {
    const replied = [...thread, shopper(after(24 * H - 60_000))]
    expect(decideRevert(replied, after(24 * H)).reverted).toBe(false)
    expect(decideRevert(replied, after(1000 * H)).reverted).toBe(false)
    expect(decideRevert(replied, after(1000 * H))).toEqual({ reverted: false, at: null })
  })

  it('starts a new wait when the agent answers the shopper’s reply', () => {
    const again = [...thread, shopper(after(23 * H)), agent(after(25 * H))]
    expect(decideRevert(again, after(48 * H)).reverted).toBe(false)
    expect(decideRevert(again, after(49 * H)).reverted).toBe(true)
  })

  it('ignores system messages: they neither prolong nor end the wait', () => {
    const withStatus = [...thread, system(after(20 * H))]
    expect(decideRevert(withStatus, after(24 * H)).reverted).toBe(true)
    const onlySystem = [system(t0)]
    expect(decideRevert(onlySystem, after(1000 * H)).reverted).toBe(false)
  })

  it('does not revert a thread where the shopper waits for an answer', () => {
    expect(decideRevert([shopper(t0)], after(1000 * H)).reverted).toBe(false)
    expect(decideRevert([], after(1000 * H)).reverted).toBe(false)
  })

  it('reads the order from the times, not from the array', () => {
    const shuffled = [agent(t0), shopper(after(-60_000))]
    expect(decideRevert(shuffled, after(24 * H)).reverted).toBe(true)
    const replyFirst = [shopper(after(H)), agent(t0)]
    expect(decideRevert(replyFirst, after(100 * H)).reverted).toBe(false)
  })

  it('lets the shopper win a tie in the same millisecond', () => {
    expect(decideRevert([agent(t0), shopper(t0)], after(100 * H)).reverted).toBe(false)
    expect(decideRevert([shopper(t0), agent(t0)], after(100 * H)).reverted).toBe(false)
  })

  it('uses the store’s revert hours', () => {
    expect(decideRevert(thread, after(2 * H - 1), 2).reverted).toBe(false)
    expect(decideRevert(thread, after(2 * H), 2).reverted).toBe(true)
    expect(decideRevert(thread, after(0.5 * H), 0.5).reverted).toBe(true)
  })
})

describe('revertHoursFrom', () => {
  it('reads settings.chat.revertHours', () => {
    expect(revertHoursFrom({ chat: { revertHours: 48 } })).toBe(48)
    expect(revertHoursFrom({ chat: { revertHours: 1.5 } })).toBe(1.5)
  })

  it.each([
    [{}],
    [{ chat: null }],
    [{ chat: { revertHours: '48' } }],
    [{ chat: { revertHours: 0 } }],
    [{ chat: { revertHours: -3 } }],
    [{ chat: { revertHours: Number.POSITIVE_INFINITY } }],
    [{ chat: { revertHours: Number.NaN } }],
    [{ chat: { revertHours: 24 * 365 } }],
  ])('falls back to the default for %j', (settings) => {
    expect(revertHoursFrom(settings)).toBe(DEFAULT_REVERT_HOURS)
  })
})

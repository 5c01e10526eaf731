import { describe, expect, it } from 'vitest'
import { authLimits, defaultAuthLimits } from './auth-settings.ts'

describe('authLimits', () => {
  it('defaults to 30 s cooldown, 5 sends per identifier per 10 min, 50 per IP per hour', () => {
    expect(authLimits({})).toEqual({
      resendCooldownSeconds: 30,
      identifierSendLimit: 5,
      identifierWindowSeconds: 600,
      ipSendLimit: 50,
      ipWindowSeconds: 3600,
      failureLimit: 10,
      failureWindowSeconds: 3600,
    })
  })

  it('takes in-bounds whole numbers from settings.auth', () => {
    expect(authLimits({ auth: { identifierSendLimit: 3, ipSendLimit: 500 } })).toEqual({
      ...defaultAuthLimits,
      identifierSendLimit: 3,
      ipSendLimit: 500,
    })
  })

  it.each([
    [{ auth: { resendCooldownSeconds: 0 } }],
    [{ auth: { resendCooldownSeconds: 29 } }],
    [{ auth: { identifierSendLimit: 0 } }],
    [{ auth: { identifierSendLimit: 2.5 } }],
    [{ auth: { ipSendLimit: '1000' } }],
    [{ auth: { ipSendLimit: null } }],
    [{ auth: { ipWindowSeconds: 1e9 } }],
    [{ auth: { failureLimit: 1000 } }],
    [{ auth: { failureWindowSeconds: 1 } }],
    [{ auth: 'off' }],
    [{ auth: null }],
  ])('ignores values that would weaken or break a limit: %j', (settings) => {
    expect(authLimits(settings)).toEqual(defaultAuthLimits)
  })
})

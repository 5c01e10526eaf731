/** How long a code is valid after it is sent. Fixed: NIST SP 800-63B caps OOB codes at 10 min. */
export const CODE_TTL_MS = 10 * 60_000

/** Codes checked per challenge (wrong or right) before it is over. */
export const MAX_CODE_ATTEMPTS = 5

/** Send limits of one store; `settings.auth` may tighten or relax them within bounds. */
export interface AuthLimits {
  /** Seconds between two sends to the same identifier (never below 30). */
  resendCooldownSeconds: number
  identifierSendLimit: number
  identifierWindowSeconds: number
  ipSendLimit: number
  ipWindowSeconds: number
  /** Wrong codes per identifier, across all its challenges, before sign-in pauses. */
  failureLimit: number
  failureWindowSeconds: number
}

export const defaultAuthLimits: AuthLimits = {
  resendCooldownSeconds: 30,
  identifierSendLimit: 5,
  identifierWindowSeconds: 10 * 60,
  ipSendLimit: 50,
  ipWindowSeconds: 60 * 60,
  failureLimit: 10,
  failureWindowSeconds: 60 * 60,
}

const bounds: Record<keyof AuthLimits, [number, number]> = {
  resendCooldownSeconds: [30, 3600],
  identifierSendLimit: [1, 1000],
  identifierWindowSeconds: [60, 86_400],
  ipSendLimit: [1, 100_000],
  ipWindowSeconds: [60, 86_400],
  // Above 50 an hour the budget no longer bounds guessing in any useful way.
  failureLimit: [3, 50],
  failureWindowSeconds: [600, 86_400],
}

/**
 * The limits of a store: each whole number in `settings.auth` within its bounds replaces the
 * default; anything else is ignored, so a typo in settings cannot switch a limit off.
 */
export function authLimits(settings: Record<string, unknown>): AuthLimits {
  const raw = settings['auth']
  const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const limits = { ...defaultAuthLimits }
  for (const key of Object.keys(bounds) as (keyof AuthLimits)[]) {
    const value = given[key]
    const [min, max] = bounds[key]
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
      limits[key] = value
    }
  }
  return limits
}

export interface BackoffPolicy {
  baseMs: number
  maxMs: number
}

export const defaultBackoff: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000 }

/**
 * Delay before retry number `attempt` (1 after the first failure): doubling from `baseMs`, capped,
 * then scaled into [50%, 100%] so many failing messages do not retry in lockstep.
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling * (0.5 + random() / 2))
}

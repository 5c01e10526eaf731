/** Time comes in through this interface so rules and tests never read the wall clock directly. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock tests move by hand. */
export function createManualClock(start = new Date('2026-01-15T12:00:00Z')) {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    set: (d: Date) => {
      current = d.getTime()
    },
    advance: (ms: number) => {
      current += ms
    },
  }
}

/** Moves a clock by hand: the test clock of e2e runs (PORCHLIGHT_TEST_CLOCK). */
export interface ClockControl {
  advance(ms: number): void
}

/** Wall-clock time plus an offset that only ever grows: e2e runs jump hours ahead. */
export function createOffsetClock(base: Clock = systemClock): Clock & ClockControl {
  let offset = 0
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms: number) => {
      offset += ms
    },
  }
}

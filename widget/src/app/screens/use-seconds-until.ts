import { useEffect, useState } from 'preact/hooks'

/**
 * Whole seconds left until `deadline` (epoch ms), rounded up, ticking once a second and
 * stopping at zero. Computed from the clock on each tick rather than by counting ticks, so a
 * throttled background tab still shows the right number when it wakes.
 */
export function useSecondsUntil(deadline: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    setNow(Date.now())
    if (deadline <= Date.now()) return
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (t >= deadline) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [deadline])
  return Math.max(0, Math.ceil((deadline - now) / 1000))
}

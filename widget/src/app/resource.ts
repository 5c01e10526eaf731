import { useEffect, useRef, useState } from 'preact/hooks'
import { isSessionEnded, type ApiError, type Result } from './api-client.ts'
import { useI18n } from './locale.ts'
import { createStore, useStore } from './store.ts'

// The last order list and order pages, for this frame's life. Memory only: nothing personal is
// written to storage, and a sign-out forgets it all.
const cache = new Map<string, unknown>()

export const cached = <T>(key: string) => cache.get(key) as T | undefined

/** Forgets one entry (after a request changed the order), or everything (sign-out). */
export function forget(key?: string): void {
  if (key === undefined) cache.clear()
  else cache.delete(key)
}

/** What the screen reader hears through the panel's live region (see LiveRegion). */
export const announcement = createStore('')

/** Says `text` politely; the same words twice in a row are still read (a no-break space differs). */
export function announce(text: string): void {
  announcement.set(announcement.get() === text ? `${text}\u00a0` : text)
}

export function useAnnouncement(): string {
  return useStore(announcement)
}

const REFRESH_MS = 60_000

/**
 * Data from our server that shows at once when we have it: the cached copy renders without a
 * spinner while a fresh one loads in the background (on arrival, on a language change, and every
 * minute while the panel is visible). `onFresh` sees the old and new value, to announce changes.
 * An error keeps the data already shown; a dead session is handled by the API client.
 */
export function useResource<T>(
  key: string,
  load: () => Promise<Result<T>>,
  onFresh?: (before: T | undefined, after: T) => void,
) {
  const { locale } = useI18n()
  const [data, setData] = useState(() => cached<T>(key))
  const [error, setError] = useState<ApiError | null>(null)
  const latest = useRef({ load, onFresh, run: 0 })
  latest.current.load = load
  latest.current.onFresh = onFresh

  async function refresh() {
    const run = ++latest.current.run
    const result = await latest.current.load()
    // A newer load (the language changed meanwhile) or an unmounted screen: drop this answer.
    if (run !== latest.current.run) return
    if (!result.ok) {
      if (!isSessionEnded(result.error)) setError(result.error)
      return
    }
    const before = cached<T>(key)
    cache.set(key, result.value)
    setError(null)
    setData(result.value)
    latest.current.onFresh?.(before, result.value)
  }

  useEffect(() => {
    void refresh()
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh()
    }, REFRESH_MS)
    return () => {
      clearInterval(timer)
      latest.current.run++
    }
  }, [key, locale])

  const replace = (value: T) => {
    latest.current.run++
    cache.set(key, value)
    setData(value)
  }
  return { data, error, refresh, replace }
}

import { useEffect, useState } from 'preact/hooks'
import type { ConsoleApi } from '../api.ts'
import { errorMessage } from '../messages.ts'

/**
 * A settings answer read from the agent API when the page appears (`null` until it arrives),
 * the error to show in the page's words, `setData` to put a saved item in place, and `load`
 * to read it again.
 */
export function useResource<T>(api: ConsoleApi, path: string) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | undefined>()
  const load = () =>
    api.request<T>('GET', path).then(setData, (err: unknown) => setError(errorMessage(err)))
  useEffect(() => {
    void load()
  }, [api, path])
  return { data, setData, error, setError, load }
}

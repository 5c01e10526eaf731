import { useEffect, useState } from 'preact/hooks'
import type { ConsoleApi } from './api.ts'
import { errorMessage } from './messages.ts'

/**
 * A settings list read from the agent API when the section appears (`null` until it arrives),
 * the error to show in the section's words, and `load` to read it again after a change.
 */
export function useList<T>(api: ConsoleApi, path: string, pick: (body: never) => T[]) {
  const [items, setItems] = useState<T[] | null>(null)
  const [error, setError] = useState<string | undefined>()
  const load = () =>
    api.request<never>('GET', path).then(
      (body) => setItems(pick(body)),
      (err: unknown) => setError(errorMessage(err)),
    )
  useEffect(() => {
    void load()
  }, [api])
  return { items, error, setError, load }
}

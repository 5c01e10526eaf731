import { useEffect, useState } from 'preact/hooks'
import type { ConsoleApi } from './api.ts'
import { errorMessage } from './messages.ts'

/**
 * A read about one ticket (its return, what its lines have left), again whenever the ticket's
 * version moves; an answer that arrives after the next read started is dropped.
 */
export function useTicketRead<T>(api: ConsoleApi, path: string, version: number) {
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    let live = true
    api
      .request<T>('GET', path)
      .then((v) => {
        if (live) (setValue(v), setError(undefined))
      })
      .catch((err: unknown) => {
        if (live) setError(errorMessage(err))
      })
    return () => {
      live = false
    }
  }, [api, path, version])
  return { value, error, setError }
}

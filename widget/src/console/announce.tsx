import { createContext, type ComponentChildren } from 'preact'
import { useCallback, useContext, useState } from 'preact/hooks'

export type Announce = (text: string, kind?: 'status' | 'error') => void

const AnnounceContext = createContext<Announce>(() => {})

/** Announces a save or an error to screen readers, and shows it to everyone. */
export const useAnnounce = () => useContext(AnnounceContext)

/**
 * Two live regions that exist from the first render (screen readers ignore regions that appear
 * together with their text): a polite one for saves, an assertive one for errors. A message
 * stays until the next one or until dismissed.
 */
export function Announcer({ children }: { children: ComponentChildren }) {
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')
  const announce = useCallback<Announce>((text, kind = 'status') => {
    if (kind === 'error') {
      setStatus('')
      setError(text)
    } else {
      setError('')
      setStatus(text)
    }
  }, [])
  return (
    <AnnounceContext.Provider value={announce}>
      <div class="announcer">
        <div role="status" class={status ? 'note note-ok' : 'sr-empty'}>
          {status}
        </div>
        <div class={error ? 'note note-error' : 'sr-empty'}>
          <div role="alert">{error}</div>
          {error && (
            <button type="button" class="link-button" onClick={() => setError('')}>
              Dismiss
            </button>
          )}
        </div>
      </div>
      {children}
    </AnnounceContext.Provider>
  )
}

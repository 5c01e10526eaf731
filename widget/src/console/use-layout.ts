import { useEffect, useState } from 'preact/hooks'

/**
 * How much of the ticket page fits: `wide` (1200px and up) shows the inbox list, the thread and
 * the shopper with the order side by side; `medium` drops the list; `narrow` (under 800px)
 * shows one pane at a time.
 */
export type Layout = 'wide' | 'medium' | 'narrow'

const WIDE = '(min-width: 1200px)'
const MEDIUM = '(min-width: 800px)'

function current(): Layout {
  // No media queries (an old engine, a test without them): the full layout.
  if (typeof matchMedia !== 'function') return 'wide'
  if (matchMedia(WIDE).matches) return 'wide'
  return matchMedia(MEDIUM).matches ? 'medium' : 'narrow'
}

/** The layout for the window's width now, following it as the window is resized. */
export function useLayout(): Layout {
  const [layout, setLayout] = useState(current)
  useEffect(() => {
    if (typeof matchMedia !== 'function') return
    const queries = [matchMedia(WIDE), matchMedia(MEDIUM)]
    const onChange = () => setLayout(current())
    for (const q of queries) q.addEventListener('change', onChange)
    return () => {
      for (const q of queries) q.removeEventListener('change', onChange)
    }
  }, [])
  return layout
}

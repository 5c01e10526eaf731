import { useEffect, useRef, useState } from 'preact/hooks'

/** Every shortcut, for the help dialog; elements that act on one carry `data-shortcut`. */
export const SHORTCUTS: ReadonlyArray<[string, string]> = [
  ['j / k', 'Next / previous ticket in the list'],
  ['Enter', 'Open the ticket'],
  ['r', 'Reply to the shopper (the composer’s Reply tab)'],
  ['n', 'Write an internal note (the composer’s Internal note tab)'],
  ['a', 'Assign the ticket to me'],
  ['e', 'Resolve the ticket'],
  ['/', 'Search'],
  ['?', 'Show these shortcuts'],
]

/** Typing in a field, a list or an editor: no letter there is a shortcut. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
}

function moveInList(step: number): boolean {
  const links = [...document.querySelectorAll<HTMLElement>('a.row-link')]
  if (links.length === 0) return false
  const at = links.indexOf(document.activeElement as HTMLElement)
  const next = at === -1 ? 0 : Math.min(links.length - 1, Math.max(0, at + step))
  links[next]?.focus()
  return true
}

/** A field takes the focus; a button is pressed (when it is there and enabled). */
function act(key: string): boolean {
  const el = document.querySelector<HTMLElement>(`[data-shortcut="${CSS.escape(key)}"]`)
  if (el === null || (el as HTMLButtonElement).disabled) return false
  if (el instanceof HTMLButtonElement) el.click()
  else el.focus()
  return true
}

/**
 * The console's keyboard: j/k move in the list, r and n go to the reply and the note, a assigns
 * to me, e resolves, / searches, ? lists them. A key typed into a field is always just text.
 */
export function useShortcuts(openHelp: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return
      let used: boolean
      if (e.key === 'j') used = moveInList(1)
      else if (e.key === 'k') used = moveInList(-1)
      else if (e.key === '?') {
        openHelp()
        used = true
      } else if (['r', 'n', 'a', 'e', '/'].includes(e.key)) used = act(e.key)
      else used = false
      // Only a key that did something is kept from the page: "/" still finds in page elsewhere.
      if (used) e.preventDefault()
    }
    addEventListener('keydown', onKey)
    return () => removeEventListener('keydown', onKey)
  }, [openHelp])
}

/** The list of shortcuts, as a modal dialog: Escape or the button closes it, focus returns. */
export function ShortcutHelp(props: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null)
  const [back] = useState(() => document.activeElement as HTMLElement | null)
  useEffect(() => {
    ref.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') props.onClose()
    }
    addEventListener('keydown', onKey)
    return () => {
      removeEventListener('keydown', onKey)
      back?.focus()
    }
  }, [])
  return (
    <div class="dialog-backdrop">
      <div
        class="dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        tabIndex={-1}
        ref={ref}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl class="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </div>
  )
}

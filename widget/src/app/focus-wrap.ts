/**
 * Keeps Tab inside the open floating panel: from its last control Tab goes to its first, and
 * Shift+Tab from the first to the last. Without it, Tab walks out of the frame into the host
 * page while the panel still covers part of it. Escape is the way out (host.ts closes the panel
 * and the loader gives focus back to the launcher). Inline embeds are part of the page: no wrap.
 */
const TABBABLE =
  'a[href],button:not([disabled]),input:not([disabled]):not([type=hidden]),select:not([disabled]),textarea:not([disabled]),[tabindex]'

/** The controls Tab reaches, in order: not hidden, not inert, not taken out with tabindex -1. */
export function tabbables(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !el.closest('[hidden],[inert],[aria-hidden="true"]') &&
      // A radio group is one stop: only its checked radio (or its first, if none is) takes focus.
      !(el instanceof HTMLInputElement && el.type === 'radio' && !isGroupStop(el)),
  )
}

function isGroupStop(radio: HTMLInputElement): boolean {
  if (radio.checked || radio.name === '') return true
  const group = [...document.querySelectorAll<HTMLInputElement>('input[type=radio]')].filter(
    (r) => r.name === radio.name && r.form === radio.form,
  )
  return !group.some((r) => r.checked) && group[0] === radio
}

/** Call on keydown: wraps Tab at the ends of the panel. Returns whether it moved focus. */
export function wrapTab(event: KeyboardEvent): boolean {
  if (event.key !== 'Tab' || event.defaultPrevented) return false
  const stops = tabbables()
  const first = stops[0]
  const last = stops.at(-1)
  if (first === undefined || last === undefined) return false
  const active = document.activeElement
  const outside =
    active === null || active === document.body || !stops.includes(active as HTMLElement)
  const target = event.shiftKey
    ? active === first || outside
      ? last
      : undefined
    : active === last
      ? first
      : undefined
  if (target === undefined) return false
  event.preventDefault()
  target.focus()
  return true
}

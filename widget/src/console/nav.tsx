import { createContext, type ComponentChildren } from 'preact'
import { useContext, useEffect, useRef } from 'preact/hooks'

export type Navigate = (href: string) => void

export const NavContext = createContext<Navigate>((href) => location.assign(href))
export const useNavigate = () => useContext(NavContext)

/**
 * An ordinary link (open in a new tab, copy, middle-click all work) that moves within the
 * console without a reload on a plain click.
 */
export function Link(props: {
  href: string
  class?: string
  /** The link to the page shown now (aria-current). */
  current?: boolean
  children: ComponentChildren
}) {
  const navigate = useNavigate()
  return (
    <a
      href={props.href}
      class={props.class}
      aria-current={props.current ? 'page' : undefined}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
        e.preventDefault()
        navigate(props.href)
      }}
    >
      {props.children}
    </a>
  )
}

/** A view's main heading, focused when the view opens so screen readers hear where they are. */
export function PageHeading(props: { id?: string; children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <h1 id={props.id} tabIndex={-1} ref={ref}>
      {props.children}
    </h1>
  )
}

import { safeHttpUrl } from '@porchlight/shared/url/safe-url'
import type { ComponentChildren } from 'preact'
import { useI18n } from '../locale.ts'

/** A titled part of a screen. */
export function Part({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="part">
      <h3>{title}</h3>
      {children}
    </section>
  )
}

/**
 * A link to another site, in a new tab that cannot reach back into the panel. Only an http(s)
 * href becomes a link (callers check too, to leave the whole control out); anything else from
 * the store, such as `javascript:`, is shown as plain text.
 */
export function External(props: { href: string; class?: string; children: ComponentChildren }) {
  const { t } = useI18n()
  const href = safeHttpUrl(props.href)
  if (href === null) return <span class={props.class}>{props.children}</span>
  return (
    <a href={href} class={props.class} target="_blank" rel="noopener noreferrer">
      {props.children}
      <span class="sr-only"> {t('common.new_tab')}</span>
    </a>
  )
}

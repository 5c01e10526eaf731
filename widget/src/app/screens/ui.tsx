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

/** A link to another site, in a new tab that cannot reach back into the panel. */
export function External(props: { href: string; class?: string; children: ComponentChildren }) {
  const { t } = useI18n()
  return (
    <a href={props.href} class={props.class} target="_blank" rel="noopener noreferrer">
      {props.children}
      <span class="sr-only"> {t('common.new_tab')}</span>
    </a>
  )
}

import type { ComponentChildren } from 'preact'
import { useEffect, useId, useRef } from 'preact/hooks'
import { useI18n } from '../locale.ts'

interface Props {
  title: string
  /** Move focus to the heading on mount: true after a navigation, false on first paint. */
  focus: boolean
  onBack?: () => void
  children: ComponentChildren
}

/**
 * One screen: a section named by its heading. After a navigation the heading takes focus so
 * a screen reader reads where the shopper landed and Tab starts from the top of the screen.
 * Not on first paint: in an inline embed that would scroll the host page to the widget.
 */
export function ScreenView({ title, focus, onBack, children }: Props) {
  const { t } = useI18n()
  const heading = useRef<HTMLHeadingElement>(null)
  const id = useId()
  useEffect(() => {
    if (focus) heading.current?.focus()
  }, [])
  return (
    <section class="screen" aria-labelledby={id}>
      {onBack && (
        <button type="button" class="back" onClick={onBack}>
          <svg viewBox="0 0 16 16" aria-hidden="true" class="back-icon">
            <path d="M10 3 5 8l5 5" />
          </svg>
          {t('common.back')}
        </button>
      )}
      <h2 id={id} tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {children}
    </section>
  )
}

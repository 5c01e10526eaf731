import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'

export type ComposerTab = 'reply' | 'note'

const TABS: ReadonlyArray<{ tab: ComposerTab; name: string; shortcut: string }> = [
  { tab: 'reply', name: 'Reply', shortcut: 'r' },
  { tab: 'note', name: 'Internal note', shortcut: 'n' },
]

/**
 * The one box at the foot of the thread, with two tabs: Reply (to the shopper) and Internal
 * note (agents only, on its own background so nobody mistakes one for the other). Both panels
 * stay mounted, so a draft survives a look at the other tab. Choosing a tab, by click or by its
 * shortcut (r, n), puts the cursor in its field; the arrow keys move between the tabs.
 */
export function Composer(props: {
  reply: ComponentChildren
  note: ComponentChildren
  /** Brings the composer's pane into view first (a phone showing the order instead). */
  onShow?: () => void
}) {
  const [tab, setTab] = useState<ComposerTab>('reply')
  // Bumped by a click: the field is focused after the render that shows its panel.
  const [focusAsk, setFocusAsk] = useState(0)
  const panels = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focusAsk === 0) return
    panels.current
      ?.querySelector<HTMLElement>(`#composer-${tab} textarea, #composer-${tab} button`)
      ?.focus()
  }, [focusAsk])

  function onTabKey(e: KeyboardEvent) {
    const step = ({ ArrowRight: 1, ArrowLeft: -1 } as Record<string, number>)[e.key]
    if (step === undefined) return
    e.preventDefault()
    const at = TABS.findIndex((t) => t.tab === tab)
    const next = TABS[(at + step + TABS.length) % TABS.length]!
    setTab(next.tab)
    document.getElementById(`composer-tab-${next.tab}`)?.focus()
  }

  return (
    <section
      class={`card composer composer-on-${tab}`}
      aria-label="Write to the shopper or the team"
    >
      <div role="tablist" aria-label="Reply or note" class="composer-tabs" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.tab}
            type="button"
            role="tab"
            id={`composer-tab-${t.tab}`}
            aria-selected={tab === t.tab}
            aria-controls={`composer-${t.tab}`}
            tabIndex={tab === t.tab ? 0 : -1}
            data-shortcut={t.shortcut}
            onClick={() => {
              props.onShow?.()
              setTab(t.tab)
              setFocusAsk((n) => n + 1)
            }}
          >
            {t.name}
          </button>
        ))}
      </div>
      <div ref={panels}>
        {TABS.map((t) => (
          <div
            key={t.tab}
            role="tabpanel"
            id={`composer-${t.tab}`}
            class={`composer-panel composer-panel-${t.tab}`}
            aria-labelledby={`composer-tab-${t.tab}`}
            hidden={tab !== t.tab}
          >
            {t.tab === 'reply' ? props.reply : props.note}
          </div>
        ))}
      </div>
    </section>
  )
}

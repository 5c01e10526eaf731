import { LAUNCHER_SIDES } from '@porchlight/shared/settings/schema'
import {
  MIN_LABEL_CONTRAST,
  isHexColour,
  launcherLabelContrast,
} from '@porchlight/shared/settings/contrast'
import type { ConsoleApi } from '../api.ts'
import { errorOf, Field, PerLanguageText, SectionFormShell } from './fields.tsx'
import { useSection } from './use-section.ts'
import { WidgetPreview } from './widget-preview.tsx'

const SIDE_WORDS = { right: 'Bottom right', left: 'Bottom left' } as const

/** The launcher's colour (with its label's contrast), side, and the greeting; a live preview. */
export function WidgetSettings(props: { api: ConsoleApi }) {
  const form = useSection(props.api, 'widget')
  const d = form.draft
  const e = form.errors
  const ratio = d && isHexColour(d.color) ? launcherLabelContrast(d.color) : null
  return (
    <SectionFormShell
      form={form}
      title="Widget"
      aside={d && <WidgetPreview draft={d} storeName="Your store" />}
    >
      {d && (
        <>
          <Field
            id="wg-color"
            label="Launcher colour"
            hint="A colour like #1f6feb. The label must stay readable on it (WCAG AA, 4.5:1)."
            error={errorOf(e, 'color')}
          >
            {(aria) => (
              <>
                <input
                  {...aria}
                  class="inline-input"
                  maxLength={7}
                  spellcheck={false}
                  value={d.color}
                  onInput={(ev) => form.set({ color: ev.currentTarget.value.trim() })}
                />{' '}
                <input
                  type="color"
                  class="inline-input"
                  aria-label="Pick the launcher colour"
                  value={isHexColour(d.color) ? d.color : '#1f6feb'}
                  onInput={(ev) => form.set({ color: ev.currentTarget.value })}
                />
              </>
            )}
          </Field>
          {ratio !== null && (
            <p
              data-testid="contrast"
              class={ratio >= MIN_LABEL_CONTRAST ? 'contrast-ok' : 'contrast-bad'}
            >
              Label contrast {ratio.toFixed(2)}:1{' '}
              {ratio >= MIN_LABEL_CONTRAST ? '(readable)' : `(below ${MIN_LABEL_CONTRAST}:1)`}
            </p>
          )}
          <fieldset>
            <legend>Launcher side</legend>
            {LAUNCHER_SIDES.map((side) => (
              <label key={side} class="choice">
                <input
                  type="radio"
                  name="wg-side"
                  checked={d.position === side}
                  onChange={() => form.set({ position: side })}
                />
                {SIDE_WORDS[side]}
              </label>
            ))}
          </fieldset>
          <PerLanguageText
            id="wg-greeting"
            legend="Greeting (optional, per language)"
            field="greeting"
            value={d.greeting}
            max={200}
            errors={e}
            onChange={(greeting) => form.set({ greeting })}
          />
        </>
      )}
    </SectionFormShell>
  )
}

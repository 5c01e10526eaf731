import { loadCatalog } from '@porchlight/shared/i18n/catalogs'
import { launcherWords } from '@porchlight/shared/i18n/launcher'
import { dir, locales, type Locale } from '@porchlight/shared/i18n/locales'
import { createTranslator } from '@porchlight/shared/i18n/translate'
import type { CoreCatalog } from '@porchlight/shared/i18n/types'
import type { WidgetSection } from '@porchlight/shared/settings/schema'
import { isHexColour, launcherInk } from '@porchlight/shared/settings/contrast'
import { useEffect, useState } from 'preact/hooks'
import { LANGUAGE_NAMES } from './languages.ts'

/**
 * What shoppers will see with the draft: the launcher (colour, ink, side) and the panel's first
 * screen in the chosen language, mirrored for right-to-left ones. Drawn here from the same
 * catalogs and launcher words the widget uses (the console may not import the panel itself).
 */
export function WidgetPreview(props: { draft: WidgetSection; storeName: string }) {
  const [locale, setLocale] = useState<Locale>('en')
  const [catalog, setCatalog] = useState<CoreCatalog | null>(null)
  useEffect(() => {
    let live = true
    loadCatalog(locale).then((c) => live && setCatalog(c))
    return () => {
      live = false
    }
  }, [locale])
  const colour = isHexColour(props.draft.color) ? props.draft.color : '#1f6feb'
  const t = catalog && createTranslator(catalog, locale)
  const greeting = props.draft.greeting[locale]
  return (
    <aside class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">Preview</h3>
      <label for="pv-locale">Language of the preview</label>
      <select
        id="pv-locale"
        value={locale}
        onChange={(e) => setLocale(e.currentTarget.value as Locale)}
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <div
        class="preview-panel"
        lang={locale}
        dir={dir(locale)}
        data-testid="preview-panel"
        aria-label="The panel as shoppers see it"
        role="group"
      >
        {t && (
          <>
            <p class="muted">{props.storeName}</p>
            {greeting && <p data-testid="preview-greeting">{greeting}</p>}
            <h4>{t('auth.choose.heading')}</h4>
            <p>{t('auth.choose.intro')}</p>
            <p>
              <span class="badge">{t('auth.choose.email')}</span>
            </p>
          </>
        )}
      </div>
      <div class={`preview-launcher-row ${props.draft.position}`}>
        <div
          class="preview-launcher"
          data-testid="preview-launcher"
          style={{ background: colour, color: launcherInk(colour) }}
          lang={locale}
          dir={dir(locale)}
          role="img"
          aria-label={`Launcher: ${launcherWords[locale].label}`}
        >
          ?
        </div>
      </div>
    </aside>
  )
}

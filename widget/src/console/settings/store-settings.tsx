import type { LogoUploaded } from '@porchlight/shared/api/store-settings'
import { locales, type Locale } from '@porchlight/shared/i18n/locales'
import { useState } from 'preact/hooks'
import type { ConsoleApi } from '../api.ts'
import { errorMessage } from '../messages.ts'
import { errorOf, Field, SectionFormShell } from './fields.tsx'
import { LANGUAGE_NAMES } from './languages.ts'
import { useSection } from './use-section.ts'

const zones = (): string[] => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] }
  return intl.supportedValuesOf?.('timeZone') ?? []
}

/** The store's name, logo, allowed websites, languages and time zone. */
export function StoreSettings(props: { api: ConsoleApi }) {
  const form = useSection(props.api, 'store')
  const [originsText, setOriginsText] = useState<string | null>(null)
  const [logoUrl, setLogoUrl] = useState<string | null>(null)
  const [logoError, setLogoError] = useState<string | undefined>()
  const d = form.draft
  const e = form.errors

  async function upload(file: File | undefined) {
    if (file === undefined) return
    setLogoError(undefined)
    try {
      const up = await props.api.request<LogoUploaded>(
        'POST',
        '/v1/agent/settings/store/logo',
        file,
      )
      setLogoUrl(up.url)
      form.set({ logo: up.logo })
    } catch (err) {
      setLogoError(errorMessage(err))
    }
  }

  const shownLogo = logoUrl ?? (d?.logo ? `/logos/${d.logo}` : null)
  return (
    <SectionFormShell form={form} title="Store">
      {d && (
        <>
          <Field id="st-name" label="Store name" error={errorOf(e, 'name')}>
            {(aria) => (
              <input
                {...aria}
                required
                maxLength={100}
                value={d.name}
                onInput={(ev) => form.set({ name: ev.currentTarget.value })}
              />
            )}
          </Field>
          <Field
            id="st-logo"
            label="Logo"
            hint="PNG, JPEG, WebP or GIF, up to 512 KB. Shown in the panel's header."
            error={logoError ?? errorOf(e, 'logo')}
          >
            {(aria) => (
              <input
                {...aria}
                type="file"
                accept="image/png,image/jpeg,image/webp,image/gif"
                onChange={(ev) => void upload(ev.currentTarget.files?.[0])}
              />
            )}
          </Field>
          {shownLogo && (
            <p>
              <img class="preview-logo" src={shownLogo} alt="The store's logo" />{' '}
              <button type="button" class="link-button" onClick={() => form.set({ logo: null })}>
                Remove the logo
              </button>
            </p>
          )}
          <Field
            id="st-origins"
            label="Allowed websites"
            hint="One per line, like https://shop.example (http only for localhost). The widget works only on these pages."
            error={errorOf(e, 'allowedOrigins')}
          >
            {(aria) => (
              <textarea
                {...aria}
                value={originsText ?? d.allowedOrigins.join('\n')}
                onInput={(ev) => {
                  const text = ev.currentTarget.value
                  setOriginsText(text)
                  form.set({
                    allowedOrigins: text
                      .split('\n')
                      .map((l) => l.trim())
                      .filter((l) => l !== ''),
                  })
                }}
              />
            )}
          </Field>
          <fieldset aria-describedby={errorOf(e, 'locales') ? 'st-locales-error' : undefined}>
            <legend>Languages offered</legend>
            {locales.map((l) => (
              <label key={l} class="choice">
                <input
                  type="checkbox"
                  checked={d.locales.includes(l)}
                  onChange={(ev) =>
                    form.set({
                      locales: ev.currentTarget.checked
                        ? [...d.locales, l]
                        : d.locales.filter((x) => x !== l),
                    })
                  }
                />
                <span lang={l}>{LANGUAGE_NAMES[l]}</span>
              </label>
            ))}
            {errorOf(e, 'locales') && (
              <p id="st-locales-error" class="field-error">
                {errorOf(e, 'locales')}
              </p>
            )}
          </fieldset>
          <Field
            id="st-default-locale"
            label="Default language"
            error={errorOf(e, 'defaultLocale')}
          >
            {(aria) => (
              <select
                {...aria}
                value={d.defaultLocale}
                onChange={(ev) => form.set({ defaultLocale: ev.currentTarget.value as Locale })}
              >
                {locales.map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="st-timezone"
            label="Time zone"
            hint="Business hours and closed days are counted in it, like Europe/Paris."
            error={errorOf(e, 'timezone')}
          >
            {(aria) => (
              <>
                <input
                  {...aria}
                  list="st-zones"
                  autocomplete="off"
                  spellcheck={false}
                  value={d.timezone}
                  onInput={(ev) => form.set({ timezone: ev.currentTarget.value.trim() })}
                />
                <datalist id="st-zones">
                  {zones().map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </>
      )}
    </SectionFormShell>
  )
}

import { useEffect, useState } from 'preact/hooks'
import { fetchConfig, storeKeyFromPath, type WidgetConfig } from './api.ts'
import { useHostBridge } from './host.ts'
import { adoptStoreLanguages, setLocale, useI18n } from './locale.ts'
import { Portal } from './portal.tsx'
import { announcement, useAnnouncement } from './resource.ts'
import { applyTheme } from './theme.ts'

type Load = { state: 'loading' } | { state: 'ready'; config: WidgetConfig } | { state: 'failed' }

/** `config`: the store's config, already on its way (main.tsx starts it with the words). */
export function App({ config: early }: { config?: Promise<WidgetConfig> } = {}) {
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const { t, locale } = useI18n()
  const key = storeKeyFromPath(location.pathname)

  useEffect(() => {
    ;(early ?? fetchConfig(key)).then(
      (config) => {
        applyTheme(config.theme.color)
        void adoptStoreLanguages(config.locales, config.defaultLocale)
        setLoad({ state: 'ready', config })
      },
      () => setLoad({ state: 'failed' }),
    )
  }, [key, early])

  const host = useHostBridge(load.state === 'ready' ? load.config.embedOrigins : undefined)
  const said = useAnnouncement()
  // A line read out before the shopper changed language is stale, and in the wrong language.
  useEffect(() => announcement.set(''), [locale])
  // The host page's choice (`data-locale`, `<html lang>`, `Porchlight('setLocale')`) wins.
  useEffect(() => {
    if (host.locale !== undefined) void setLocale(host.locale)
  }, [host.locale])

  return (
    <div class="panel" role="dialog" aria-labelledby="pl-title">
      <header class="panel-header">
        {/* The name is the heading; the logo beside it says nothing more (empty alt). */}
        {load.state === 'ready' && load.config.theme.logoUrl !== null && (
          <img class="panel-logo" src={load.config.theme.logoUrl} alt="" />
        )}
        <h1 id="pl-title">{load.state === 'ready' ? load.config.store.name : 'Porchlight'}</h1>
        {/* Inline embeds are part of the page: nothing to close. */}
        {host.mode === 'floating' && (
          <button
            type="button"
            class="close"
            aria-label={t('common.close')}
            onClick={() => host.post({ type: 'porchlight:close' })}
          >
            ×
          </button>
        )}
      </header>
      <main class="panel-body">
        {load.state === 'loading' && (
          <p role="status" class="status" aria-busy="true">
            {t('common.loading')}
          </p>
        )}
        {load.state === 'failed' && <p role="alert">{t('panel.unavailable')}</p>}
        {load.state === 'ready' && load.config.greeting?.[locale] !== undefined && (
          <p class="greeting">{load.config.greeting[locale]}</p>
        )}
        {load.state === 'ready' && (
          <Portal
            storeKey={key}
            mode={host.mode}
            loopUrl={load.config.returns?.loopPortalUrl ?? null}
            identityToken={host.identityToken}
            identityGrant={host.identityGrant}
            onSignedIn={() => host.emit('signed-in', {})}
            onTicket={(filed) =>
              host.emit('ticket:created', { reference: filed.reference, type: filed.type })
            }
            onUnread={(count) => host.post({ type: 'porchlight:unread', count })}
          />
        )}
      </main>
      {/* Status changes found in the background, read out without moving focus. */}
      <div class="sr-only" aria-live="polite">
        {said}
      </div>
    </div>
  )
}

import type { Locale } from './locales.ts'

/**
 * The launcher button's words, which the loader (a few KB, no catalogs) receives with the store's
 * configuration in the language the page asked for. `unread` takes the count for `{count}`.
 */
export interface LauncherWords {
  label: string
  unread: string
}

export const launcherWords: Record<Locale, LauncherWords> = {
  en: { label: 'Open help chat', unread: '{count} unread' },
  fr: { label: 'Ouvrir le chat d’aide', unread: '{count} non lus' },
  es: { label: 'Abrir el chat de ayuda', unread: '{count} sin leer' },
  de: { label: 'Hilfe-Chat öffnen', unread: '{count} ungelesen' },
  ar: { label: 'فتح محادثة المساعدة', unread: '{count} غير مقروءة' },
}

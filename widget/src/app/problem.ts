import { formatWait, isMessageKey, translate, type MessageKey } from '@porchlight/shared/i18n/index'
import type { ApiError } from './api-client.ts'
import { localeStore, type LocaleState } from './locale.ts'

/**
 * Something to tell the shopper, kept as a message key (not as text) so a language change
 * re-renders it in the new language like every other string.
 */
export interface Problem {
  key: MessageKey
  /** Seconds to wait, for rate limits ("try again in 5 minutes"). */
  waitSeconds?: number
}

const waits = new Set(['rate_limited', 'resend_too_soon'])

/** The plain-language message for an error the server (or the network) gave. */
export function problemFor(error: ApiError): Problem {
  if (waits.has(error.code)) {
    return { key: `error.${error.code}` as MessageKey, waitSeconds: error.retryAfterSeconds ?? 60 }
  }
  const key = `error.${error.code}`
  // Catalogs share their keys, so the words loaded answer "do we have words for this code?".
  // The forms' own errors (a wrong code, a request no longer offered) come with the forms'
  // words, in the later part of the language; a screen of the first view meets none of them.
  if (isMessageKey(localeStore.get().catalog, key)) return { key }
  return { key: error.status === 0 ? 'error.network' : 'error.unknown' }
}

/** The problem in the current language. */
export function problemText(problem: Problem | null, i18n: LocaleState): string {
  if (problem === null) return ''
  const when = problem.waitSeconds === undefined ? '' : formatWait(problem.waitSeconds, i18n.locale)
  return translate(
    i18n.catalog,
    i18n.locale,
    problem.key,
    { when },
    { isolate: i18n.dir === 'rtl' },
  )
}

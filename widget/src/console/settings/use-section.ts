import { useEffect, useState } from 'preact/hooks'
import type { SectionAnswer } from '@porchlight/shared/api/store-settings'
import {
  problemsOf,
  sectionSchemas,
  type SectionValues,
  type SettingsSection,
} from '@porchlight/shared/settings/schema'
import { ApiError, type ConsoleApi } from '../api.ts'
import { errorMessage } from '../messages.ts'

/** Errors by field path under the section (`color`, `allowedOrigins.1`, `issueReasons.shipped`). */
export type FieldErrors = Record<string, string>

export type Outcome = { ok: true; text: string } | { ok: false; text: string } | undefined

export interface SectionForm<S extends SettingsSection> {
  answer: SectionAnswer<S> | null
  loadError: string | undefined
  draft: SectionValues[S] | null
  set(change: Partial<SectionValues[S]>): void
  errors: FieldErrors
  outcome: Outcome
  busy: boolean
  save(): Promise<void>
}

const fieldsOf = (issues: Array<{ path: string; message: string }>, prefix = ''): FieldErrors => {
  const out: FieldErrors = {}
  for (const i of issues) {
    const field = i.path.startsWith(prefix) ? i.path.slice(prefix.length) : i.path
    out[field] ??= i.message
  }
  return out
}

/**
 * One settings section: loads it, keeps the owner's draft, checks it with the same schema the
 * server uses (errors next to the field before anything is sent), saves it at the version read,
 * and on a conflict shows the fresh values with a notice instead of overwriting them.
 */
export function useSection<S extends SettingsSection>(api: ConsoleApi, section: S): SectionForm<S> {
  const path = `/v1/agent/settings/${section}`
  const [answer, setAnswer] = useState<SectionAnswer<S> | null>(null)
  const [draft, setDraft] = useState<SectionValues[S] | null>(null)
  const [loadError, setLoadError] = useState<string | undefined>()
  const [errors, setErrors] = useState<FieldErrors>({})
  const [outcome, setOutcome] = useState<Outcome>()
  const [busy, setBusy] = useState(false)

  const show = (a: SectionAnswer<S>) => {
    setAnswer(a)
    setDraft(a.values)
  }

  useEffect(() => {
    api
      .request<SectionAnswer<S>>('GET', path)
      .then(show, (err: unknown) => setLoadError(errorMessage(err)))
  }, [api, path])

  async function save() {
    if (answer === null || draft === null) return
    const checked = sectionSchemas[section].safeParse(draft)
    if (!checked.success) {
      const found = problemsOf(checked.error)
      setErrors(fieldsOf(found.map((p) => ({ path: p.field, message: p.reason }))))
      setOutcome({ ok: false, text: 'Not saved: fix the fields marked below.' })
      return
    }
    setBusy(true)
    setErrors({})
    try {
      show(
        await api.request<SectionAnswer<S>>('PUT', path, {
          version: answer.version,
          values: checked.data,
        }),
      )
      setOutcome({ ok: true, text: 'Saved. Shoppers see it now.' })
    } catch (err) {
      if (err instanceof ApiError && err.code === 'settings_stale') {
        show((err.details as { current: SectionAnswer<S> }).current)
        setOutcome({
          ok: false,
          text: 'Not saved: someone else saved these settings meanwhile. Here they are now; make your change again.',
        })
      } else if (err instanceof ApiError && err.code === 'validation_failed') {
        setErrors(fieldsOf(err.details as Array<{ path: string; message: string }>, 'values.'))
        setOutcome({ ok: false, text: 'Not saved: fix the fields marked below.' })
      } else {
        setOutcome({ ok: false, text: `Not saved. ${errorMessage(err)}` })
      }
    }
    setBusy(false)
  }

  return {
    answer,
    loadError,
    draft,
    set: (change) => {
      setDraft((d) => (d === null ? d : { ...d, ...change }))
      setOutcome(undefined)
    },
    errors,
    outcome,
    busy,
    save,
  }
}

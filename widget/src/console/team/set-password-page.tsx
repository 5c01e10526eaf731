import { useState } from 'preact/hooks'
import type { PasswordSet } from '@porchlight/shared/api/team'
import { ApiError, type ConsoleApi } from '../api.ts'
import { errorMessage } from '../messages.ts'
import { BASE } from '../route.ts'
import { PageHeading } from '../nav.tsx'
import { describedBy, NO_ERRORS, type FormErrors } from './field-errors.ts'
import { FieldError, FormError } from './field-error.tsx'

/** The link's token, from the fragment (which never reaches a server log), read once. */
function takeToken(): string {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? ''
  // Out of the address bar and the history: a shoulder or a shared screen should not see it.
  if (token !== '') history.replaceState(null, '', location.pathname)
  return token
}

/**
 * Where an invitation's or a reset's link lands: the agent chooses a password (the server's
 * policy decides; its reason is shown next to the field), then signs in as usual.
 */
export function SetPasswordPage(props: { api: ConsoleApi; onDone: (email: string) => void }) {
  const [token] = useState(takeToken)
  const [password, setPassword] = useState('')
  const [again, setAgain] = useState('')
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<PasswordSet | undefined>()

  async function save(e: Event) {
    e.preventDefault()
    if (password !== again) {
      setErrors({ fields: { again: 'The two passwords differ.' }, form: undefined })
      return
    }
    setBusy(true)
    setErrors(NO_ERRORS)
    try {
      setDone(
        await props.api.request<PasswordSet>('POST', '/v1/agent/password', { token, password }),
      )
    } catch (err) {
      setErrors(
        err instanceof ApiError && err.code === 'weak_password'
          ? { fields: { password: err.message }, form: undefined }
          : { fields: {}, form: errorMessage(err) },
      )
    }
    setBusy(false)
  }

  if (done !== undefined) {
    return (
      <main id="main" class="sign-in">
        <PageHeading>Password set</PageHeading>
        <p role="status">
          Your password for {done.store.name} is set. Sign in with {done.email}.
        </p>
        <p>
          <a
            href={BASE}
            onClick={(e) => {
              e.preventDefault()
              props.onDone(done.email)
            }}
          >
            Sign in
          </a>
        </p>
      </main>
    )
  }
  return (
    <main id="main" class="sign-in">
      <PageHeading>Set your password</PageHeading>
      {token === '' ? (
        <p class="note note-error" role="alert">
          This page needs the link from your email. Ask an owner of the store to send a new one.
        </p>
      ) : (
        <form onSubmit={(e) => void save(e)} noValidate>
          <p class="muted">At least 12 characters; a few unrelated words work well.</p>
          <FormError errors={errors} />
          <label for="new-password">New password</label>
          <input
            id="new-password"
            type="password"
            autocomplete="new-password"
            required
            minLength={12}
            value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
            {...describedBy('new-password', errors, 'password')}
          />
          <FieldError id="new-password" errors={errors} field="password" />
          <label for="new-password-again">The same password again</label>
          <input
            id="new-password-again"
            type="password"
            autocomplete="new-password"
            required
            value={again}
            onInput={(e) => setAgain((e.target as HTMLInputElement).value)}
            {...describedBy('new-password-again', errors, 'again')}
          />
          <FieldError id="new-password-again" errors={errors} field="again" />
          <button type="submit" class="primary" disabled={busy}>
            Set password
          </button>
        </form>
      )}
    </main>
  )
}

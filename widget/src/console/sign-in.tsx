import { useEffect, useRef, useState } from 'preact/hooks'
import type { AgentLoginResponse } from '@porchlight/shared/api/agent'
import type { ConsoleApi } from './api.ts'
import { errorMessage } from './messages.ts'

/** Email and password; `notice` explains why the agent is here again (e.g. the session ended). */
export function SignIn(props: {
  api: ConsoleApi
  notice: string | undefined
  /** The address to start with (after setting a password from a link). */
  email?: string | undefined
  onSignedIn: (login: AgentLoginResponse) => void
}) {
  const [email, setEmail] = useState(props.email ?? '')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const emailRef = useRef<HTMLInputElement>(null)
  const errorRef = useRef<HTMLParagraphElement>(null)

  useEffect(() => {
    emailRef.current?.focus()
  }, [])

  async function submit(e: Event) {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      props.onSignedIn(await props.api.login(email, password))
    } catch (err) {
      setPassword('')
      setError(errorMessage(err))
      setBusy(false)
      queueMicrotask(() => errorRef.current?.focus())
    }
  }

  return (
    <main id="main" class="sign-in">
      <h1>Sign in to the console</h1>
      {props.notice && !error && (
        <p class="note note-info" role="status">
          {props.notice}
        </p>
      )}
      <p role="alert" tabIndex={-1} ref={errorRef} class={error ? 'note note-error' : 'sr-empty'}>
        {error}
      </p>
      <form onSubmit={submit} aria-busy={busy}>
        <label for="si-email">Email</label>
        <input
          id="si-email"
          ref={emailRef}
          type="email"
          autocomplete="username"
          required
          maxLength={254}
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label for="si-password">Password</label>
        <input
          id="si-password"
          type="password"
          autocomplete="current-password"
          required
          maxLength={1024}
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  )
}

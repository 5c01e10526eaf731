import type { SettingsHistoryItem } from '@porchlight/shared/api/store-settings'
import { useEffect, useState } from 'preact/hooks'
import type { ConsoleApi } from '../api.ts'
import { errorMessage } from '../messages.ts'

const shown = (value: unknown) =>
  value === null || value === undefined ? '(none)' : JSON.stringify(value)

/** Every settings change: who, when, which fields, old and new (secrets only as changed). */
export function SettingsHistory(props: { api: ConsoleApi }) {
  const [entries, setEntries] = useState<SettingsHistoryItem[] | null>(null)
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    props.api
      .request<{ entries: SettingsHistoryItem[] }>('GET', '/v1/agent/settings/history?limit=100')
      .then(
        (r) => setEntries(r.entries),
        (err: unknown) => setError(errorMessage(err)),
      )
  }, [props.api])
  return (
    <>
      <h2>History</h2>
      {error !== undefined && <p class="note note-error">{error}</p>}
      {entries === null ? (
        error === undefined && <p class="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p class="empty">No settings have been changed yet.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Settings changes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Section</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
                  </td>
                  <td>
                    {e.actor.kind === 'cli' ? `${e.actor.name} (command line)` : e.actor.name}
                  </td>
                  <td>{e.section}</td>
                  <td>
                    <ul class="history-changes">
                      {e.changes.map((c) => (
                        <li key={c.field}>
                          <strong>{c.field}</strong>:{' '}
                          {c.secret ? (
                            'changed'
                          ) : (
                            <>
                              <code>{shown(c.old)}</code> → <code>{shown(c.new)}</code>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

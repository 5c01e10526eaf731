import type { PresenceResponse } from '@porchlight/shared/api/presence'
import { useState } from 'preact/hooks'
import { notificationsAvailable, setSoundOn, soundOn } from './alerts.ts'

const STATE_WORDS = { available: 'Available', away: 'Away', offline: 'Offline' } as const

/**
 * The agent's presence (what shoppers' chat follows) with the switch to step away, and how new
 * chats reach them: the chime's mute and, once, the desktop notification permission.
 */
export function StatusBar(props: {
  presence: PresenceResponse | null
  onAway: (away: boolean) => void
}) {
  const { presence } = props
  const [sound, setSound] = useState(soundOn)
  const [permission, setPermission] = useState(() =>
    notificationsAvailable() ? Notification.permission : 'denied',
  )
  const state = presence?.state ?? 'offline'
  return (
    <span class="status-bar">
      <span class={`presence presence-${state}`} role="status">
        {STATE_WORDS[state]}
        {state === 'away' && presence?.away === false && ' (idle)'}
      </span>
      <button
        type="button"
        aria-pressed={presence?.away === true}
        onClick={() => props.onAway(presence?.away !== true)}
      >
        {presence?.away === true ? 'Set me available' : 'Set me away'}
      </button>
      <button
        type="button"
        aria-pressed={!sound}
        onClick={() => {
          setSoundOn(!sound)
          setSound(!sound)
        }}
      >
        {sound ? 'Mute new-chat sound' : 'Unmute new-chat sound'}
      </button>
      {permission === 'default' && (
        <button
          type="button"
          onClick={() => void Notification.requestPermission().then(setPermission, () => {})}
        >
          Notify me of new chats
        </button>
      )}
    </span>
  )
}

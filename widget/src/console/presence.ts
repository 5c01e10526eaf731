import { PRESENCE_HEARTBEAT_MS, type PresenceResponse } from '@porchlight/shared/api/presence'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { ConsoleApi } from './api.ts'

const PATH = '/v1/agent/presence'
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const

/** This tab's id: random, made once per page load; the stream ticket names it too. */
export function newTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return `tab_${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * Keeps this tab counted: a heartbeat every 10 s with the time since the last input here, one
 * at once when input comes back after a quiet spell (so "away" turns back quickly), and a
 * goodbye as the page goes (so closing the last tab is offline at once, not in 30 s).
 */
export function startPresence(
  api: ConsoleApi,
  tabId: string,
  onChange: (presence: PresenceResponse) => void,
  now: () => number = Date.now,
) {
  let lastInput = now()
  let stopped = false
  const send = () => {
    if (stopped) return
    api
      .request<PresenceResponse>('PUT', PATH, { tabId, idleMs: Math.max(0, now() - lastInput) })
      .then(
        (p) => {
          if (!stopped && p !== undefined) onChange(p)
        },
        // A missed beat is made up by the next; the server lets a tab miss two.
        () => {},
      )
  }
  const onInput = () => {
    const t = now()
    const wasQuiet = t - lastInput >= PRESENCE_HEARTBEAT_MS
    lastInput = t
    if (wasQuiet) send()
  }
  const onHide = () => {
    api.request('DELETE', `${PATH}/tabs/${tabId}`, undefined, { keepalive: true }).catch(() => {})
  }
  for (const name of INPUT_EVENTS) addEventListener(name, onInput, { passive: true, capture: true })
  addEventListener('pagehide', onHide)
  const timer = setInterval(send, PRESENCE_HEARTBEAT_MS)
  send()
  return {
    setAway(away: boolean) {
      return api.request<PresenceResponse>('PUT', `${PATH}/away`, { away }).then((p) => {
        if (!stopped) onChange(p)
      })
    },
    stop() {
      stopped = true
      clearInterval(timer)
      for (const name of INPUT_EVENTS) removeEventListener(name, onInput, { capture: true })
      removeEventListener('pagehide', onHide)
    },
  }
}

/** The signed-in agent's presence, kept up by this tab while the console shows. */
export function usePresence(api: ConsoleApi, tabId: string, signedIn: boolean) {
  const [presence, setPresence] = useState<PresenceResponse | null>(null)
  const handle = useRef<ReturnType<typeof startPresence> | null>(null)
  useEffect(() => {
    if (!signedIn) return
    const h = startPresence(api, tabId, setPresence)
    handle.current = h
    return () => {
      h.stop()
      handle.current = null
    }
  }, [api, tabId, signedIn])
  return {
    presence,
    setAway: (away: boolean) => handle.current?.setAway(away).catch(() => {}),
  }
}

/**
 * How a new chat gets the agent's attention: a short chime (on by default, muted by the agent,
 * remembered in this browser), a desktop notification once the agent allowed them, and the
 * count in the tab's title.
 */

const SOUND_KEY = 'porchlight.console.sound'
export const BASE_TITLE = 'Porchlight console'

export function soundOn(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) !== 'off'
  } catch {
    return true
  }
}

export function setSoundOn(on: boolean): void {
  try {
    if (on) localStorage.removeItem(SOUND_KEY)
    else localStorage.setItem(SOUND_KEY, 'off')
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

let audio: AudioContext | undefined

/** Two short tones, made on the spot: no sound file to download or to be blocked by a CSP. */
export function chime(): boolean {
  if (!soundOn()) return false
  try {
    audio ??= new AudioContext()
    const start = audio.currentTime
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = audio.createOscillator()
      const gain = audio.createGain()
      osc.frequency.value = freq
      gain.gain.setValueAtTime(0.15, start + i * 0.15)
      gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.15 + 0.14)
      osc.connect(gain).connect(audio.destination)
      osc.start(start + i * 0.15)
      osc.stop(start + i * 0.15 + 0.15)
    }
    return true
  } catch {
    // No audio (no device, or the browser wants a click first): the title and list still say it.
    return false
  }
}

export const notificationsAvailable = () => typeof Notification !== 'undefined'

/** A desktop notification, only once the agent allowed them; a click brings the console up. */
export function notify(title: string, body: string, onClick: () => void): void {
  if (!notificationsAvailable() || Notification.permission !== 'granted') return
  try {
    const n = new Notification(title, { body, tag: 'porchlight-chat' })
    n.onclick = () => {
      window.focus()
      onClick()
      n.close()
    }
  } catch {
    // Some browsers only show notifications from a service worker: the chime and title remain.
  }
}

/** The tab title with the unread count, so a console in a background tab still shows it. */
export function titleWithCount(unread: number): string {
  return unread > 0 ? `(${unread}) ${BASE_TITLE}` : BASE_TITLE
}

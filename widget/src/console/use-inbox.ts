import type { ChatStreamEvents } from '@porchlight/shared/api/chat'
import type { InboxResponse } from '@porchlight/shared/api/inbox'
import { useEffect, useState } from 'preact/hooks'
import type { ConsoleApi } from './api.ts'
import { chime, notify, titleWithCount } from './alerts.ts'
import type { LiveFeed } from './live-feed.ts'

/** Events arrive in bursts (a chat starts with its first message): read the inbox once per burst. */
const SETTLE_MS = 150

/**
 * The inbox's counts, kept live by the console stream: any new ticket, chat or message reads
 * them again and bumps `changes` (the list reloads on it); a new chat rings and notifies.
 */
export function useInbox(
  api: ConsoleApi,
  feed: LiveFeed | null,
  signedIn: boolean,
  showChats: () => void,
) {
  const [inbox, setInbox] = useState<InboxResponse | null>(null)
  const [changes, setChanges] = useState(0)

  useEffect(() => {
    if (!signedIn) {
      setInbox(null)
      return
    }
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () =>
      api.request<InboxResponse>('GET', '/v1/agent/inbox').then(
        // Only a real inbox answer replaces the counts (a proxy's page or an old server's is not).
        (box) => live && Array.isArray(box?.waiting) && setInbox(box),
        () => {},
      )
    void load()
    if (feed === null) return
    const off = feed.subscribe((name, data) => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        void load()
        setChanges((n) => n + 1)
      }, SETTLE_MS)
      if (name !== 'conversation') return
      const c = data as ChatStreamEvents['conversation']
      if (c.change !== 'started') return
      chime()
      notify('New chat', `Chat #${c.ticketNumber} is waiting for an answer.`, showChats)
    })
    return () => {
      live = false
      off()
      clearTimeout(timer)
    }
  }, [api, feed, signedIn])

  const unread = inbox?.views.open.unread ?? 0
  useEffect(() => {
    document.title = titleWithCount(unread)
  }, [unread])

  return { inbox, changes }
}

import type { BusNotice, EphemeralEvent } from '../../adapters/realtime/event-bus.ts'
import { eventLogPosition, readChatEvents } from '../../db/chat-events.repository.ts'
import { liveSessionIds } from '../../db/chat-visitors.repository.ts'
import { touchTabs } from '../../db/presence.repository.ts'
import type { ChatEventRow } from '../../db/conversations.table.ts'
import { logTaskFailure } from '../../db/storage-health.ts'
import type { ChatDeps } from './chat-writes.ts'
import { ownerOf } from './participants.ts'
import { openSse, type SseConnection } from './sse-connection.ts'
import { HEARTBEAT_MS, REPLAY_MAX } from './stream-limits.ts'
import type { StreamPrincipal } from './stream-tickets.ts'

interface Stream {
  principal: StreamPrincipal
  sse: SseConnection
  /** Highest event number written to this client. */
  lastSent: number
  /** While the stream replays, live events wait here (and are deduplicated by number). */
  pending: ChatEventRow[] | undefined
}

/** A store with open streams in this process, and how far this process has read its log. */
interface Feed {
  storeId: string
  cursor: number
  ready: boolean
  reading: boolean
  dirty: boolean
  streams: Set<Stream>
}

export interface ChatHubOptions extends ChatDeps {
  shutdownSignal: AbortSignal
}

/**
 * This process's side of live chat. Bus notices say "store X's log grew"; the hub reads the new
 * events from the database once per store (not once per stream) and fans them out, in order,
 * to the streams open here. Reading from the log rather than trusting notices means a lost,
 * late or duplicated notice changes nothing but latency.
 */
export function createChatHub(options: ChatHubOptions) {
  const { db, clock, logger } = options
  const feeds = new Map<string, Feed>()
  let heartbeat: NodeJS.Timeout | undefined

  const visible = (
    stream: Stream,
    row: Pick<ChatEventRow, 'audience' | 'visitor_id' | 'identity_kind' | 'identity_value'>,
  ) => {
    if (stream.principal.audience === 'agent') return true
    if (row.audience !== 'all') return false
    const { visitorId, identity } = ownerOf(stream.principal.participant)
    return (
      (visitorId !== null && row.visitor_id === visitorId) ||
      (identity !== null &&
        row.identity_kind === identity.kind &&
        row.identity_value === identity.value)
    )
  }

  const write = (stream: Stream, row: ChatEventRow) => {
    if (row.seq <= stream.lastSent) return
    stream.lastSent = row.seq
    stream.sse.send({ id: row.seq, event: row.kind, data: JSON.parse(row.data) })
  }

  const deliver = (feed: Feed, row: ChatEventRow) => {
    for (const stream of feed.streams) {
      if (!visible(stream, row)) continue
      if (stream.pending !== undefined) stream.pending.push(row)
      else write(stream, row)
    }
  }

  const read = async (feed: Feed): Promise<void> => {
    if (!feed.ready || feed.reading) {
      feed.dirty = true
      return
    }
    feed.reading = true
    try {
      let more = true
      while (more && feeds.get(feed.storeId) === feed) {
        feed.dirty = false
        const rows = await readChatEvents(db, feed.storeId, feed.cursor, 500)
        for (const row of rows) {
          feed.cursor = row.seq
          deliver(feed, row)
        }
        more = feed.dirty || rows.length === 500
      }
    } catch (err) {
      logTaskFailure({ db, logger }, 'reading chat events failed', err, { storeId: feed.storeId })
    } finally {
      feed.reading = false
    }
  }

  const poke = (storeId: string) => {
    const feed = feeds.get(storeId)
    if (feed !== undefined) void read(feed)
  }

  const ephemeral = (storeId: string, event: EphemeralEvent) => {
    const feed = feeds.get(storeId)
    if (feed === undefined) return
    const row = {
      audience: 'all' as const,
      visitor_id: event.owner.visitorId,
      identity_kind: event.owner.identityKind,
      identity_value: event.owner.identityValue,
    }
    for (const stream of feed.streams) {
      const side = stream.principal.audience === 'agent' ? 'agents' : 'shopper'
      if (event.to !== side || stream.pending !== undefined || !visible(stream, row)) continue
      stream.sse.send({ event: event.kind, data: event.data })
    }
  }

  const unsubscribe = options.bus.subscribe((notice: BusNotice) => {
    if (notice.type === 'appended') poke(notice.storeId)
    else if (notice.type === 'ephemeral') ephemeral(notice.storeId, notice.event)
    else for (const storeId of feeds.keys()) poke(storeId)
  })

  const feedFor = (storeId: string): Feed => {
    const existing = feeds.get(storeId)
    if (existing !== undefined) return existing
    // Created before any await, so a notice arriving while the cursor loads is remembered.
    const feed: Feed = {
      storeId,
      cursor: 0,
      ready: false,
      reading: false,
      dirty: false,
      streams: new Set(),
    }
    feeds.set(storeId, feed)
    void eventLogPosition(db, storeId).then(
      ({ lastSeq }) => {
        feed.cursor = lastSeq
        feed.ready = true
        if (feed.dirty) void read(feed)
      },
      (err: Error) => logger.error('chat feed failed to start', { storeId, error: err.message }),
    )
    return feed
  }

  const all = () => [...feeds.values()].flatMap((f) => [...f.streams])

  const remove = (stream: Stream) => {
    const feed = feeds.get(stream.principal.storeId)
    if (feed === undefined) return
    feed.streams.delete(stream)
    if (feed.streams.size === 0) feeds.delete(feed.storeId)
    if (feeds.size === 0 && heartbeat !== undefined) {
      clearInterval(heartbeat)
      heartbeat = undefined
    }
  }

  /**
   * Every 25 s: keep connections alive, keep the presence of console tabs whose stream is open
   * (browsers slow a background tab's timers to one a minute, its stream stays), and drop
   * streams of ended sessions.
   */
  const beat = async () => {
    const streams = all()
    for (const s of streams) s.sse.comment('heartbeat')
    const now = clock.now().getTime()
    const tabs = []
    for (const s of streams) {
      const p = s.principal
      if (p.audience === 'agent' && p.tabId !== undefined) {
        tabs.push({ agentId: p.agent.agentId, tabId: p.tabId })
      }
    }
    await touchTabs(db, tabs, now)
    const refs = { visitors: [] as string[], shoppers: [] as string[], agents: [] as string[] }
    for (const s of streams) {
      const p = s.principal
      if (p.audience === 'agent') refs.agents.push(p.agent.sessionId)
      else if (p.participant.kind === 'visitor') refs.visitors.push(p.participant.ref)
      else refs.shoppers.push(p.participant.ref)
    }
    const live = await liveSessionIds(db, refs, now)
    for (const s of streams) {
      const ref =
        s.principal.audience === 'agent' ? s.principal.agent.sessionId : s.principal.participant.ref
      if (!live.has(ref)) s.sse.close()
    }
    // A safety net under the bus: catch up with anything a lost notice did not announce.
    for (const storeId of feeds.keys()) poke(storeId)
  }

  const closeAll = () => {
    for (const s of all()) s.sse.close()
  }
  options.shutdownSignal.addEventListener('abort', closeAll, { once: true })

  /** Replays what the client missed, then switches the stream to live events. */
  const start = async (stream: Stream, lastEventId: number | null) => {
    const { storeId } = stream.principal
    const owner =
      stream.principal.audience === 'shopper' ? ownerOf(stream.principal.participant) : undefined
    const pos = await eventLogPosition(db, storeId)
    let from = lastEventId ?? pos.lastSeq
    let resync: 'too_far_behind' | 'unknown_cursor' | undefined
    if (lastEventId !== null && lastEventId > pos.lastSeq) resync = 'unknown_cursor'
    else if (lastEventId !== null && lastEventId < pos.prunedThrough) resync = 'too_far_behind'
    let rows: ChatEventRow[] = []
    if (resync === undefined) {
      rows = await readChatEvents(db, storeId, from, REPLAY_MAX + 1, owner)
      if (rows.length > REPLAY_MAX) resync = 'too_far_behind'
    }
    if (resync !== undefined) {
      from = (await eventLogPosition(db, storeId)).lastSeq
      rows = await readChatEvents(db, storeId, from, REPLAY_MAX, owner)
      stream.sse.send({ id: from, event: 'resync', data: { reason: resync } })
    } else {
      stream.sse.send({ id: from, event: 'ready', data: { cursor: from } })
    }
    stream.lastSent = from
    for (const row of rows) write(stream, row)
    const waiting = stream.pending ?? []
    stream.pending = undefined
    for (const row of waiting) write(stream, row)
  }

  return {
    /** Opens a stream for an authenticated principal, resuming after `lastEventId` if given. */
    open(principal: StreamPrincipal, lastEventId: number | null): Response {
      const stream: Stream = {
        principal,
        sse: openSse(() => remove(stream)),
        lastSent: 0,
        pending: [],
      }
      feedFor(principal.storeId).streams.add(stream)
      heartbeat ??= setInterval(() => {
        beat().catch((err: unknown) =>
          logTaskFailure({ db, logger }, 'heartbeat failed', err, {}, 'warn'),
        )
      }, HEARTBEAT_MS)
      heartbeat.unref()
      if (options.shutdownSignal.aborted) stream.sse.close()
      else {
        start(stream, lastEventId).catch((err: Error) => {
          logger.error('stream failed to start', { error: err.message })
          stream.sse.close()
        })
      }
      return stream.sse.response
    },
    /** Open streams in this process (for tests and metrics). */
    size: () => all().length,
    /** Runs one heartbeat now (tests drive it instead of waiting 25 s). */
    beat,
    close() {
      unsubscribe()
      closeAll()
    },
  }
}

export type ChatHub = ReturnType<typeof createChatHub>

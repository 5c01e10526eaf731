/**
 * Streams send a comment this often so proxies and browsers keep the connection open. The same
 * beat refreshes a console tab's presence, so it must stay under PRESENCE_EXPIRY_MS (30 s).
 */
export const HEARTBEAT_MS = 25_000

/** Events are kept this long for replay after Last-Event-ID; a client away longer resyncs. */
export const REPLAY_WINDOW_MS = 60 * 60_000

/** At most this many events are replayed; a client further behind resyncs instead. */
export const REPLAY_MAX = 500

/** Stream tickets are short-lived and single-use: they stand in for a secret in the URL. */
export const STREAM_TICKET_TTL_MS = 60_000

/** A client this far behind (queued chunks) is dropped; it reconnects and replays. */
export const MAX_QUEUED_CHUNKS = 1000

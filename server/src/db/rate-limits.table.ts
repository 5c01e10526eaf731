/** A rate-limit bucket; its row is updated to lock the bucket while its hits are counted. */
export interface RateLimitBucketsTable {
  key: string
  touched_at: number
}

/** One counted event of a bucket (a code sent to an identifier, from an address, ...). */
export interface RateLimitHitsTable {
  key: string
  at: number
}

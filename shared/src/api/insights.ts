/**
 * The insights page's contract (agents read; every figure is of the agent's store only).
 *
 *   GET /v1/agent/insights?days=7|30|90            -> InsightsResponse (the period ends now)
 *   GET /v1/agent/insights?from=ISO&to=ISO          -> InsightsResponse (custom, at most 366 days)
 *       400 validation_failed for anything else (both forms, to before from, a longer span)
 *
 *   POST /v1/tickets/:id/rating   (shopper session)  RatingRequest -> 201 { rating: RatingJson }
 *   GET  /rate/:token?score=1-5   the resolution email's signed link: a form (HTML, no script)
 *   POST /rate/:token             score=1-5&comment= (form) -> 201 page; 400 bad link, 410 expired
 *   POST /v1/conversations/:id/rating (chat participant, X-Porchlight-Key) RatingRequest -> 201
 *       409 already_rated: a ticket is rated once; the first rating stands
 *       409 not_rateable: the ticket is not resolved or closed yet
 *       404 ticket_not_found / conversation_not_found (not the caller's)
 */

/** Stable error codes of ratings (in `{ error: { code } }`), beside the edge's. */
export const RATING_ERROR_CODES = [
  'already_rated', // 409: a ticket is rated once; the first rating stands
  'not_rateable', // 409: the ticket is not resolved or closed yet
] as const
export type RatingErrorCode = (typeof RATING_ERROR_CODES)[number]

/** The periods the page offers besides a custom one. */
export const INSIGHT_PERIOD_DAYS = [7, 30, 90] as const
export type InsightPeriodDays = (typeof INSIGHT_PERIOD_DAYS)[number]

/** The longest custom period, in days. */
export const MAX_INSIGHT_DAYS = 366

/** How long after viewing an order a ticket still counts against self-service. */
export const SELF_SERVICE_WINDOW_HOURS = 24

export interface CountBy<K extends string = string> {
  key: K
  count: number
}

export interface RatingSummary {
  count: number
  /** Mean score, null without ratings. */
  average: number | null
  /** How many ratings gave 1, 2, 3, 4 and 5 (index 0 is score 1). */
  distribution: [number, number, number, number, number]
}

export interface InsightsResponse {
  period: { from: string; to: string }
  shoppers: {
    /** Distinct shoppers (verified email or phone) who signed in during the period. */
    signedIn: number
    /**
     * Of them, those who viewed an order or its tracking in the period and filed no ticket
     * within SELF_SERVICE_WINDOW_HOURS of their first view.
     */
    selfServed: number
    /** selfServed / signedIn, null when nobody signed in. */
    selfServiceRate: number | null
  }
  tickets: {
    total: number
    byType: CountBy[]
    /** Requests by type and reason: key is `type:reason`. */
    byReason: CountBy[]
  }
  /** Decisions on requests the ticket history records: by the system or by an agent. */
  decisions: { automatic: number; agent: number }
  /** Medians in milliseconds; null when nothing in the period has one. */
  times: { medianFirstResponseMs: number | null; medianResolutionMs: number | null }
  chats: { answered: number; missed: number }
  /** Products in the period's issue reports and returns, most mentioned first (at most 10). */
  topProducts: Array<{ title: string; issues: number; returns: number }>
  satisfaction: RatingSummary
}

export const RATING_SOURCES = ['panel', 'email'] as const
export type RatingSource = (typeof RATING_SOURCES)[number]

export interface RatingRequest {
  /** 1 to 5. */
  score: number
  comment?: string
}

export interface RatingJson {
  score: number
  comment: string | null
  source: RatingSource
  createdAt: string
}

import type { RatingJson } from '@porchlight/shared/api/insights'
import { Bidi } from './bidi.tsx'
import { formatDateTime } from './format.ts'

const SOURCES: Record<RatingJson['source'], string> = {
  panel: 'in the panel',
  email: 'from the email',
}

/** The shopper's rating of the ticket, in numbers and words (stars alone would be colour). */
export function TicketRating(props: { rating: RatingJson | null | undefined }) {
  const r = props.rating
  if (r === undefined || r === null) return null
  return (
    <section class="card" aria-labelledby="rating-title">
      <h2 id="rating-title">Shopper’s rating</h2>
      <p class="rating-score">
        <span aria-hidden="true" class="rating-stars">
          {'★'.repeat(r.score)}
          {'☆'.repeat(5 - r.score)}
        </span>{' '}
        <strong>{r.score} out of 5</strong>{' '}
        <span class="muted">
          {SOURCES[r.source]}, {formatDateTime(r.createdAt)}
        </span>
      </p>
      {r.comment !== null && (
        <blockquote class="shopper-text">
          <Bidi>{r.comment}</Bidi>
        </blockquote>
      )}
    </section>
  )
}

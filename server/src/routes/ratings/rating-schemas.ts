import { z } from 'zod'
import { MAX_RATING_COMMENT } from '../../services/ratings/ratings.ts'

/** A rating as the panel sends it (RatingRequest in shared/src/api/insights.ts). */
export const ratingBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().max(MAX_RATING_COMMENT).optional(),
})

/** The same from the email's form (application/x-www-form-urlencoded: every value a string). */
export const ratingForm = z.strictObject({
  score: z.enum(['1', '2', '3', '4', '5']).transform(Number),
  comment: z.string().max(MAX_RATING_COMMENT).optional(),
})

export const ratingToken = z
  .string()
  .min(10)
  .max(200)
  .regex(/^[A-Za-z0-9_.-]+$/)

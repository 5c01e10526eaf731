/**
 * The Automation section of a store's settings: rules that decide a shopper's request without
 * an agent. Each rule is off until an owner turns it on. What a rule decides for a given order
 * is `automaticDecision` in automation/decide.ts.
 */
import { z } from 'zod'

/** Longest age, in hours, an order may have for its cancellation to be approved by the rule. */
export const MAX_AUTO_CANCEL_HOURS = 24 * 30

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, like EUR.')

/** A ceiling in one currency, in minor units (cents), so it compares exactly with the order's. */
const ceiling = z.strictObject({
  currency,
  amount: z
    .number()
    .int('Use whole cents.')
    .min(1, 'Give an amount above zero.')
    .max(100_000_000, 'At most 1,000,000.00.'),
})

export const automationSectionSchema = z.strictObject({
  /** Cancellations of orders nothing of which is fulfilled, younger than `withinHours`. */
  approveCancel: z.strictObject({
    enabled: z.boolean(),
    withinHours: z
      .number()
      .int('Use whole hours.')
      .min(1, 'At least one hour.')
      .max(MAX_AUTO_CANCEL_HOURS, `At most ${MAX_AUTO_CANCEL_HOURS} hours (30 days).`),
  }),
  /**
   * Returns the store's policies offer (inside the window) whose items are worth less than the
   * ceiling of the order's currency; an order in a currency with no ceiling waits for an agent.
   */
  approveReturn: z
    .strictObject({
      enabled: z.boolean(),
      lessThan: z.array(ceiling).max(20, 'At most 20 currencies.'),
    })
    .superRefine((rule, ctx) => {
      const seen = new Set<string>()
      rule.lessThan.forEach((c, i) => {
        if (seen.has(c.currency)) {
          ctx.addIssue({
            code: 'custom',
            path: ['lessThan', i, 'currency'],
            message: `${c.currency} is listed twice.`,
          })
        }
        seen.add(c.currency)
      })
      if (rule.enabled && rule.lessThan.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['lessThan'],
          message: 'Give the amount returns must stay under, in at least one currency.',
        })
      }
    }),
})

export type AutomationSection = z.output<typeof automationSectionSchema>

/** Every rule off: nothing is decided without an agent until an owner says so. */
export const AUTOMATION_DEFAULTS: AutomationSection = {
  approveCancel: { enabled: false, withinHours: 2 },
  approveReturn: { enabled: false, lessThan: [] },
}

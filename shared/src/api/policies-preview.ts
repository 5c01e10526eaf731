/**
 * The Policies page's preview: a few of the store's real orders (those of its latest tickets)
 * with what each would offer under the draft policies, and why not.
 *
 *   POST /v1/agent/settings/policies/preview  { values } -> 200 PoliciesPreview (any agent)
 *
 * Nothing is saved; the values are checked with the policies schema (400 naming the field).
 */
import type { IneligibleReason } from '../orders/eligibility.ts'
import type { IssueScenarioCode } from '../orders/issue-scenarios.ts'

/** Offered (until when, null: no time limit), or not and why (the panel's own reason codes). */
export type PreviewOffer =
  { offered: true; until: string | null } | { offered: false; reason: IneligibleReason }

export interface PreviewOrder {
  id: string
  name: string
  cancel: PreviewOffer
  return: PreviewOffer
  /** The "report an issue" situation of the order and the reason codes it would list. */
  issue: { scenario: IssueScenarioCode; reasons: string[] }
}

export interface PoliciesPreview {
  orders: PreviewOrder[]
}

/**
 * Per-store order rules: when Cancel and Return are offered, which "report an issue" reasons
 * each scenario lists, and the store's own return and cancel reasons if it replaced them.
 * Stored as JSON in the store's settings (`settings.orderRules`); read with normalizeOrderRules
 * so a wrong field falls back to its default instead of breaking a shopper's order page.
 */
import {
  FINANCIAL_STATUSES,
  FULFILLMENT_STATUSES,
  ORDER_STATUSES,
  type FinancialStatus,
  type FulfillmentStatus,
  type OrderStatus,
} from './model.ts'
import {
  ISSUE_SCENARIO_CODES,
  isBuiltinIssueReason,
  type IssueScenarioCode,
} from './issue-scenarios.ts'
import { isBuiltinRequestReason } from './request-reasons.ts'

export const ACTION_WINDOW_ANCHORS = ['order', 'fulfillment', 'delivery'] as const

/** The moment a window is counted from. 'delivery' falls back to fulfilment, then to the order. */
export type WindowAnchor = (typeof ACTION_WINDOW_ANCHORS)[number]

/** A time limit on an action: `amount` days or hours counted from `from`. */
export interface ActionWindow {
  amount: number
  unit: 'days' | 'hours'
  from: WindowAnchor
}

export interface ActionRules {
  enabled: boolean
  /** null: no time limit. */
  window: ActionWindow | null
  /** The action is offered only for orders in these statuses (each list must match). */
  orderStatuses: OrderStatus[]
  financialStatuses: FinancialStatus[]
  fulfillmentStatuses: FulfillmentStatus[]
  /** Orders carrying any of these tags (case-insensitive) are not offered the action. */
  excludedTags: string[]
}

/** One "report an issue" reason: a built-in code, or a store's own with labels per locale. */
export interface IssueReasonSetting {
  code: string
  /** Labels by BCP 47 language ('en', 'fr', 'pt-BR'); required for codes we do not know. */
  labels?: Record<string, string>
  /** Kept in the store's list (the console shows it) but not offered to shoppers. */
  hidden?: boolean
}

export interface ReturnRules extends ActionRules {
  /**
   * Offer a return only for units whose parcel arrived (carrier said delivered, the store says
   * delivered, or the parcel has no tracking at all). Off: any fulfilled unit may be returned.
   */
  requireDelivery: boolean
}

export interface OrderRules {
  cancel: ActionRules
  return: ReturnRules
  /** Replaces the default reasons of the scenarios it names. */
  issueReasons: Partial<Record<IssueScenarioCode, IssueReasonSetting[]>>
  /** Replaces the default return reasons (request-reasons.ts) when set. */
  returnReasons?: IssueReasonSetting[]
  /** Replaces the default cancel reasons (request-reasons.ts) when set. */
  cancelReasons?: IssueReasonSetting[]
}

/** The defaults of DESIGN.md: cancel while nothing is fulfilled; return within 30 days. */
export const DEFAULT_ORDER_RULES: OrderRules = {
  cancel: {
    enabled: true,
    window: null,
    orderStatuses: ['open'],
    financialStatuses: [
      'pending',
      'authorized',
      'in_progress',
      'partially_paid',
      'paid',
      'partially_refunded',
    ],
    fulfillmentStatuses: ['unfulfilled', 'on_hold'],
    excludedTags: [],
  },
  return: {
    enabled: true,
    window: { amount: 30, unit: 'days', from: 'delivery' },
    // Platforms archive orders once paid and fulfilled, so archived orders stay returnable.
    orderStatuses: ['open', 'archived'],
    financialStatuses: ['paid', 'partially_refunded'],
    fulfillmentStatuses: [
      'fulfilled',
      'partially_fulfilled',
      'delivered',
      'picked_up',
      'partially_returned',
    ],
    excludedTags: ['final-sale'],
    requireDelivery: true,
  },
  issueReasons: {},
}

const MAX_WINDOW_HOURS = 3650 * 24
const reasonCode = /^[a-z][a-z0-9_]{0,47}$/
const localeTag = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

export interface NormalizedOrderRules {
  rules: OrderRules
  /** One line per field that was wrong and fell back to its default (empty when all valid). */
  problems: string[]
}

/** Reads stored order rules, keeping valid fields and defaulting (and reporting) the rest. */
export function normalizeOrderRules(raw: unknown): NormalizedOrderRules {
  const problems: string[] = []
  if (raw === undefined || raw === null) return { rules: DEFAULT_ORDER_RULES, problems }
  if (!isRecord(raw)) {
    return { rules: DEFAULT_ORDER_RULES, problems: ['orderRules: expected an object'] }
  }
  return {
    rules: {
      cancel: actionRules(raw['cancel'], DEFAULT_ORDER_RULES.cancel, 'cancel', problems),
      return: returnRules(raw['return'], problems),
      issueReasons: issueReasons(raw['issueReasons'], problems),
      ...requestReasons(raw, 'returnReasons', problems),
      ...requestReasons(raw, 'cancelReasons', problems),
    },
    problems,
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function actionRules(
  raw: unknown,
  fallback: ActionRules,
  path: string,
  problems: string[],
): ActionRules {
  if (raw === undefined) return fallback
  if (!isRecord(raw)) {
    problems.push(`${path}: expected an object`)
    return fallback
  }
  const pick = <T>(key: string, read: (v: unknown) => T | undefined, def: T): T => {
    if (raw[key] === undefined) return def
    const value = read(raw[key])
    if (value !== undefined) return value
    problems.push(`${path}.${key}: invalid value`)
    return def
  }
  return {
    enabled: pick('enabled', (v) => (typeof v === 'boolean' ? v : undefined), fallback.enabled),
    window: pick('window', readWindow, fallback.window),
    orderStatuses: pick('orderStatuses', listOf(ORDER_STATUSES), fallback.orderStatuses),
    financialStatuses: pick(
      'financialStatuses',
      listOf(FINANCIAL_STATUSES),
      fallback.financialStatuses,
    ),
    fulfillmentStatuses: pick(
      'fulfillmentStatuses',
      listOf(FULFILLMENT_STATUSES),
      fallback.fulfillmentStatuses,
    ),
    excludedTags: pick('excludedTags', readTags, fallback.excludedTags),
  }
}

function returnRules(raw: unknown, problems: string[]): ReturnRules {
  const fallback = DEFAULT_ORDER_RULES.return
  const base = actionRules(raw, fallback, 'return', problems)
  const value = isRecord(raw) ? raw['requireDelivery'] : undefined
  if (value !== undefined && typeof value !== 'boolean') {
    problems.push('return.requireDelivery: invalid value')
  }
  return {
    ...base,
    requireDelivery: typeof value === 'boolean' ? value : fallback.requireDelivery,
  }
}

function readWindow(v: unknown): ActionWindow | null | undefined {
  if (v === null) return null
  if (!isRecord(v)) return undefined
  const { amount, unit, from } = v
  if (unit !== 'days' && unit !== 'hours') return undefined
  if (!(ACTION_WINDOW_ANCHORS as readonly unknown[]).includes(from)) return undefined
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0) return undefined
  if (amount * (unit === 'days' ? 24 : 1) > MAX_WINDOW_HOURS) return undefined
  return { amount, unit, from: from as WindowAnchor }
}

function listOf<T extends string>(allowed: readonly T[]) {
  return (v: unknown): T[] | undefined =>
    Array.isArray(v) && v.every((x) => (allowed as readonly unknown[]).includes(x))
      ? [...new Set(v as T[])]
      : undefined
}

function readTags(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length > 100) return undefined
  if (!v.every((t) => typeof t === 'string' && t.trim() !== '' && t.length <= 100)) return undefined
  return [...new Set((v as string[]).map((t) => t.trim().toLowerCase()))]
}

function issueReasons(raw: unknown, problems: string[]): OrderRules['issueReasons'] {
  if (raw === undefined) return {}
  if (!isRecord(raw)) {
    problems.push('issueReasons: expected an object')
    return {}
  }
  const out: OrderRules['issueReasons'] = {}
  for (const [scenario, list] of Object.entries(raw)) {
    if (!(ISSUE_SCENARIO_CODES as readonly string[]).includes(scenario)) {
      problems.push(`issueReasons.${scenario}: unknown scenario`)
      continue
    }
    const reasons = Array.isArray(list) ? list.map(readReason) : [undefined]
    if (reasons.length === 0 || reasons.length > 30 || reasons.some((r) => r === undefined)) {
      problems.push(`issueReasons.${scenario}: expected 1 to 30 reasons of { code, labels? }`)
      continue
    }
    const unlabelled = (reasons as IssueReasonSetting[]).find(
      (r) =>
        r.hidden !== true &&
        !isBuiltinIssueReason(r.code) &&
        Object.keys(r.labels ?? {}).length === 0,
    )
    if (unlabelled !== undefined) {
      problems.push(
        `issueReasons.${scenario}: the store's own reason ${unlabelled.code} needs labels`,
      )
      continue
    }
    out[scenario as IssueScenarioCode] = shown(reasons as IssueReasonSetting[])
  }
  return out
}

// Return and cancel reasons: one list each, absent (the defaults) unless the store set a valid one.
function requestReasons(
  raw: Record<string, unknown>,
  key: 'returnReasons' | 'cancelReasons',
  problems: string[],
): Partial<Pick<OrderRules, 'returnReasons' | 'cancelReasons'>> {
  const list = raw[key]
  if (list === undefined) return {}
  const reasons = Array.isArray(list) ? list.map(readReason) : [undefined]
  if (reasons.length === 0 || reasons.length > 30 || reasons.some((r) => r === undefined)) {
    problems.push(`${key}: expected 1 to 30 reasons of { code, labels? }`)
    return {}
  }
  const unlabelled = (reasons as IssueReasonSetting[]).find(
    (r) =>
      r.hidden !== true &&
      !isBuiltinRequestReason(r.code) &&
      Object.keys(r.labels ?? {}).length === 0,
  )
  if (unlabelled !== undefined) {
    problems.push(`${key}: the store's own reason ${unlabelled.code} needs labels`)
    return {}
  }
  return { [key]: shown(reasons as IssueReasonSetting[]) }
}

// What shoppers are offered: the reasons the store did not hide, without the flag.
function shown(reasons: IssueReasonSetting[]): IssueReasonSetting[] {
  return reasons.filter((r) => r.hidden !== true)
}

function readReason(v: unknown): IssueReasonSetting | undefined {
  if (!isRecord(v) || typeof v['code'] !== 'string' || !reasonCode.test(v['code'])) return undefined
  if (v['hidden'] !== undefined && typeof v['hidden'] !== 'boolean') return undefined
  if (v['hidden'] === true) return { code: v['code'], hidden: true }
  if (v['labels'] === undefined) return { code: v['code'] }
  if (!isRecord(v['labels'])) return undefined
  const labels: Record<string, string> = {}
  for (const [locale, label] of Object.entries(v['labels'])) {
    if (!localeTag.test(locale) || typeof label !== 'string') return undefined
    if (label.trim() === '' || label.length > 200) return undefined
    labels[locale] = label.trim()
  }
  return { code: v['code'], labels }
}

/** Length of a window in milliseconds. */
export function windowMs(window: ActionWindow): number {
  return window.amount * (window.unit === 'days' ? 86_400_000 : 3_600_000)
}

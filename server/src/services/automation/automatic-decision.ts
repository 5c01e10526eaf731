/**
 * The store's automation rules applied to a request just filed. An approval goes through
 * `decideRequest`, the path of an agent's approval (the same claim, store call, idempotency
 * key, history entry, email and webhooks), with the rule as the decider. Nothing here can
 * fail the filing: the request is filed either way, and what the rule could not do is left
 * to an agent, with the store's answer in the history.
 */
import { AUTOMATION_RULE_NAMES, automaticDecision } from '@porchlight/shared/automation/decide'
import type { Order } from '@porchlight/shared/orders/model'
import { normalizeOrderRules } from '@porchlight/shared/orders/settings'
import { readSection } from '@porchlight/shared/settings/stored'
import type { Store } from '../../db/stores.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import { decideRequest, type DecisionDeps } from '../tickets/decisions.ts'

/** The store's automation section as stored (rules stored wrong read as off). */
export function automationOf(store: Store) {
  return readSection('automation', {
    name: store.name,
    allowedOrigins: store.allowedOrigins,
    settings: store.settings,
  }).values
}

/**
 * Approves the request when one of the store's rules says so; returns the ticket as it is
 * afterwards (unchanged when no rule approved it or the approval did not go through).
 */
export async function decideAutomatically(
  deps: DecisionDeps,
  store: Store,
  ticket: Ticket,
  order: Order,
): Promise<Ticket> {
  if (ticket.request_status !== 'requested') return ticket
  const decision = automaticDecision({
    request: { type: ticket.type, lines: ticket.lines },
    order,
    automation: automationOf(store),
    rules: normalizeOrderRules(store.settings['orderRules']).rules,
    askedAt: new Date(ticket.created_at),
  })
  if (!decision.approve) {
    if (decision.rule !== null && decision.hold.code !== 'rule_off') {
      deps.logger.debug('automation left the request to an agent', {
        ticketId: ticket.id,
        rule: decision.rule,
        hold: decision.hold,
      })
    }
    return ticket
  }
  try {
    const decided = await decideRequest(deps, store, {
      ticketId: ticket.id,
      version: ticket.version,
      decision: 'approve',
      rule: { code: decision.rule, name: AUTOMATION_RULE_NAMES[decision.rule], why: decision.why },
    })
    return decided.ticket
  } catch (err) {
    // An agent came first (version conflict, action in progress), or the store said no or did
    // not answer (recorded in the history as approval_failed): the request waits for an agent.
    const fields = { ticketId: ticket.id, rule: decision.rule }
    if (err instanceof AppError) {
      deps.logger.info('automatic approval did not go through', { ...fields, code: err.code })
    } else {
      deps.logger.error('automatic approval failed', { ...fields, error: String(err) })
    }
    return ticket
  }
}

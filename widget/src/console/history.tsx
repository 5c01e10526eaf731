import { Fragment, type ComponentChildren } from 'preact'
import type { TicketEventJson, TicketJson } from '@porchlight/shared/api/agent'
import { AUTOMATION_RULES, AUTOMATION_RULE_NAMES } from '@porchlight/shared/automation/decide'
import type { Me } from './app.tsx'
import { formatMoney, label } from './format.ts'
import { Bidi } from './bidi.tsx'
import { agentName } from './ticket-summary.tsx'

// Event data is shaped by whoever wrote the event (and may carry shopper text): read it
// field by field, and only ever render it as text.
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** Who wrote a history entry: an agent's name, the shopper's, or Porchlight. */
export function actorName(e: TicketEventJson, t: TicketJson, me: Me): ComponentChildren {
  // An entry an agent wrote with no id (imported history, an API token's): not "Nobody".
  if (e.actor.kind === 'agent') {
    return e.actor.id === null ? 'An agent' : <Bidi>{agentName(me, e.actor.id)}</Bidi>
  }
  if (e.actor.kind === 'shopper') {
    const name = t.shopper.name ?? t.shopper.email ?? t.shopper.identity?.value
    return name === undefined || name === null ? 'The shopper' : <Bidi>{name}</Bidi>
  }
  // An automation rule acts as Porchlight under the rule's code (approvals, failed approvals).
  const rule = AUTOMATION_RULES.find((r) => r === e.actor.id)
  return rule === undefined ? 'Porchlight' : `Automation rule “${AUTOMATION_RULE_NAMES[rule]}”`
}

// Values inside the sentence are isolated one by one, so a bidi control in a tag cannot
// reorder the words after it.
function changeWords(data: Record<string, unknown>, me: Me): ComponentChildren {
  const parts: ComponentChildren[] = []
  if (typeof data['status'] === 'string') {
    parts.push(
      <>
        set the status to <Bidi>{label(data['status'])}</Bidi>
      </>,
    )
  }
  if ('assigneeId' in data) {
    const id = data['assigneeId']
    parts.push(
      typeof id === 'string' ? (
        <>
          assigned it to <Bidi>{agentName(me, id)}</Bidi>
        </>
      ) : (
        'unassigned it'
      ),
    )
  }
  if (Array.isArray(data['tags'])) {
    const tags = data['tags'].filter((x): x is string => typeof x === 'string')
    parts.push(
      tags.length ? (
        <>
          set the tags to{' '}
          {tags.map((tag, i) => (
            <Fragment key={i}>
              {i > 0 && ', '}
              <Bidi>{tag}</Bidi>
            </Fragment>
          ))}
        </>
      ) : (
        'removed all tags'
      ),
    )
  }
  if (parts.length === 0) return 'updated the ticket'
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && '; '}
      {part}
    </Fragment>
  ))
}

function amountWords(v: unknown): string | null {
  const m = v as { amount?: unknown; currency?: unknown } | null
  return typeof m?.amount === 'number' && typeof m.currency === 'string'
    ? formatMoney(m.amount, m.currency)
    : null
}

/** What happened, in words, plus the free text that came with it (a note, a reason, ...). */
export function describe(
  e: TicketEventJson,
  me: Me,
): { what: ComponentChildren; body: string | null } {
  const d = e.data
  switch (e.kind) {
    case 'created':
      return { what: 'created the ticket', body: text(d['comment']) }
    case 'updated':
      return { what: changeWords(d, me), body: null }
    case 'note':
      return { what: 'added an internal note', body: text(d['body']) }
    case 'reply':
      return { what: 'replied to the shopper', body: text(d['body']) }
    case 'approved':
      return { what: 'approved the request', body: text(d['reason']) }
    case 'declined':
      return { what: 'declined the request', body: text(d['reason']) }
    case 'refunded': {
      const amount = amountWords(d['amount'])
      return {
        what: amount ? (
          <>
            refunded <Bidi>{amount}</Bidi>
          </>
        ) : (
          'refunded'
        ),
        body: text(d['note']),
      }
    }
    case 'message':
      return {
        what: d['channel'] === 'email' ? 'replied by email' : 'wrote',
        body: text(d['body']) ?? text(d['text']),
      }
    // After a return's approval and appeasements (api/returns.ts); `storeCall` names the store action.
    case 'return_label_added':
      return {
        what: `sent the return label (${text(d['source']) ?? 'link'})`,
        body: text(d['url']),
      }
    case 'return_received': {
      const units = Array.isArray(d['lines'])
        ? (d['lines'] as Array<{ quantity?: unknown }>).reduce(
            (n, l) => n + (typeof l.quantity === 'number' ? l.quantity : 0),
            0,
          )
        : 0
      const amount = amountWords(d['refunded'])
      return {
        what: `marked ${units} unit(s) received${amount ? `, refunded ${amount}` : ''} (${text(d['storeCall']) ?? 'store'})`,
        body: text(d['note']),
      }
    }
    case 'appeased': {
      const amount = amountWords(d['amount']) ?? ''
      return {
        what: `refunded ${amount} on ${text(d['title']) ?? 'a line'} (${label(text(d['reason']))})`,
        body: text(d['comment']),
      }
    }
    default:
      return {
        what: <Bidi>{label(e.kind)}</Bidi>,
        body: text(d['body']) ?? text(d['message']) ?? text(d['reason']) ?? text(d['comment']),
      }
  }
}

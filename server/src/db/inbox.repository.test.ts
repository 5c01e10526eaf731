import { INBOX_VIEWS, viewFilter, type InboxView } from '@porchlight/shared/api/inbox'
import { describe, expect, it } from 'vitest'
import { DEMO_STORE_ID } from '../seed/demo-store.ts'
import { addStore } from '../test/chat-support.ts'
import { createTestApp, testDialect } from '../test/harness.ts'
import { inboxCounts } from './inbox.repository.ts'
import type { Database } from './schema.ts'
import { listQueue } from './ticket-queue.repository.ts'
import type { Insertable, Kysely } from 'kysely'
import type { ConversationsTable } from './conversations.table.ts'
import type { TicketEventsTable, TicketsTable } from './tickets.table.ts'

const ME = 'ag_me'
const OTHER_STORE = 'st_inbox_other'

/**
 * Ticket i of the mix: every combination of status, channel, assignee, decision and what the
 * agents have done about it (answered, read, or nothing), so each view's sums meet each case.
 */
function spec(i: number) {
  const chat = i % 2 === 0
  return {
    id: `tk_mix_${i}`,
    open: i % 5 !== 4,
    chat,
    assignee: [ME, null, 'ag_colleague'][i % 3] ?? null,
    requested: !chat && i % 7 < 3,
    // Chats: 0 the shopper's last word unread, 1 read, 2 the agent's word, 3 closed while
    // unread. Other tickets: an agent acted (an agent's event) or not.
    chatState: Math.floor(i / 2) % 4,
    agentActed: i % 4 === 1 || i % 4 === 3,
  }
}
type Spec = ReturnType<typeof spec>

const unread = (s: Spec) => (s.chat ? s.chatState === 0 : !s.agentActed)

async function seedMix(db: Kysely<Database>, count: number) {
  await addStore({ db }, OTHER_STORE, 'pk_inbox_other')
  const tickets: Insertable<TicketsTable>[] = []
  const events: Insertable<TicketEventsTable>[] = []
  const conversations: Insertable<ConversationsTable>[] = []
  for (let i = 0; i < count; i++) {
    const s = spec(i)
    // Every fifth ticket has a twin in the other store, open and unread in every view.
    for (const store of i % 5 === 0 ? [DEMO_STORE_ID, OTHER_STORE] : [DEMO_STORE_ID]) {
      const id = store === DEMO_STORE_ID ? s.id : `${s.id}_other`
      tickets.push({
        id,
        store_id: store,
        number: 2000 + i,
        type: s.chat ? 'chat' : s.requested ? 'return' : 'contact',
        status: s.open || store === OTHER_STORE ? 'open' : 'resolved',
        request_status: s.requested ? 'requested' : null,
        channel: s.chat ? 'chat' : 'contact-form',
        locale: 'en',
        lines: '[]',
        tags: '[]',
        assignee_id: store === OTHER_STORE ? ME : s.assignee,
        version: 1,
        created_at: 1000 + i,
        updated_at: 1000 + i,
      })
      events.push({
        id: `te_${id}`,
        ticket_id: id,
        store_id: store,
        kind: 'message',
        actor_kind: s.agentActed && !s.chat && store === DEMO_STORE_ID ? 'agent' : 'shopper',
        actor_id: null,
        data: '{}',
        created_at: 1000 + i,
      })
      if (!s.chat) continue
      const state = store === OTHER_STORE ? 0 : s.chatState
      conversations.push({
        id: `cv_${id}`,
        store_id: store,
        ticket_id: id,
        status: state === 3 ? 'closed' : 'open',
        locale: 'en',
        last_author_kind: state === 2 ? 'agent' : 'shopper',
        last_message_at: 1000 + i,
        last_seq: 5,
        shopper_read_seq: 5,
        agent_read_seq: state === 1 || state === 2 ? 5 : 4,
        created_at: 1000 + i,
        updated_at: 1000 + i,
      })
    }
  }
  await db.insertInto('tickets').values(tickets).execute()
  await db.insertInto('ticket_events').values(events).execute()
  await db.insertInto('conversations').values(conversations).execute()
}

describe(`inbox counts (${testDialect})`, () => {
  it('agrees with the queue of each view and with what the agents have read', async () => {
    const { db } = await createTestApp()
    const count = 72
    await seedMix(db, count)
    const specs = Array.from({ length: count }, (_, i) => spec(i)).filter((s) => s.open)
    const inView: Record<InboxView, (s: Spec) => boolean> = {
      mine: (s) => s.assignee === ME,
      unassigned: (s) => s.assignee === null,
      open: () => true,
      chats: (s) => s.chat,
      decisions: (s) => s.requested,
    }

    const counts = await inboxCounts(db, DEMO_STORE_ID, ME)
    for (const view of INBOX_VIEWS) {
      const of = specs.filter(inView[view])
      expect({ view, total: counts[view], unread: counts[`${view}_unread`] }).toEqual({
        view,
        total: of.length,
        unread: of.filter(unread).length,
      })
      // The count beside a view is the total of the list the view opens.
      const f = viewFilter(view, ME)
      const { total } = await listQueue(
        db,
        {
          storeId: DEMO_STORE_ID,
          status: [f.status],
          ...(f.channel ? { channel: [f.channel] } : {}),
          ...(f.assigneeId !== undefined ? { assigneeId: f.assigneeId } : {}),
          ...(f.requestStatus ? { requestStatus: [f.requestStatus] } : {}),
        },
        { size: 10, number: 1 },
      )
      expect({ view, total }).toEqual({ view, total: counts[view] })
    }
    // Every case is met at least once, or the sums above would prove little.
    expect(counts.mine_unread).toBeGreaterThan(0)
    expect(counts.chats_unread).toBeLessThan(counts.chats)
    expect(counts.decisions_unread).toBeLessThan(counts.decisions)
  })

  it('counts nothing for a store without open tickets', async () => {
    const { db } = await createTestApp()
    expect(await inboxCounts(db, DEMO_STORE_ID, ME)).toEqual({
      mine: 0,
      mine_unread: 0,
      unassigned: 0,
      unassigned_unread: 0,
      open: 0,
      open_unread: 0,
      chats: 0,
      chats_unread: 0,
      decisions: 0,
      decisions_unread: 0,
    })
  })
})

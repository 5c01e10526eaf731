import { ticketNumberIn } from '@porchlight/shared/tickets/reference'
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { RequestStatus, TicketChannel, TicketStatus, TicketType } from './tickets.table.ts'
import { toTicket, type Ticket } from './tickets.repository.ts'

export interface QueueFilter {
  storeId: string
  type?: TicketType[]
  status?: TicketStatus[]
  channel?: TicketChannel[]
  /** Epoch ms, inclusive from, exclusive to. */
  from?: number
  to?: number
  /** Order number, email, phone, name or ticket number. */
  search?: string
  /** An agent's id; null: tickets nobody has taken. */
  assigneeId?: string | null
  requestStatus?: RequestStatus[]
}

// LIKE wildcards typed by an agent are matched literally.
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`)

/** One page of a store's queue, newest first, with the total for the pager. */
export async function listQueue(
  db: Kysely<Database>,
  filter: QueueFilter,
  page: { size: number; number: number },
): Promise<{ tickets: Ticket[]; total: number }> {
  let query = db.selectFrom('tickets').where('store_id', '=', filter.storeId)
  if (filter.type?.length) query = query.where('type', 'in', filter.type)
  if (filter.status?.length) query = query.where('status', 'in', filter.status)
  if (filter.channel?.length) query = query.where('channel', 'in', filter.channel)
  if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from)
  if (filter.to !== undefined) query = query.where('created_at', '<', filter.to)
  if (filter.assigneeId === null) query = query.where('assignee_id', 'is', null)
  else if (filter.assigneeId !== undefined) {
    query = query.where('assignee_id', '=', filter.assigneeId)
  }
  if (filter.requestStatus?.length) {
    query = query.where('request_status', 'in', filter.requestStatus)
  }
  const search = filter.search?.trim()
  if (search) {
    const pattern = `%${escapeLike(search.toLowerCase().replace(/^#/, ''))}%`
    // "T-1002", "#1002" (the old form) and "1002" all find ticket 1002.
    const digits = ticketNumberIn(search)
    // An explicit ESCAPE clause: SQLite has no default LIKE escape character, PostgreSQL does.
    const like = (column: string) =>
      sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`
    query = query.where((eb) =>
      eb.or([
        like('order_name'),
        like('identity_value'),
        like('contact_email'),
        like('contact_name'),
        ...(digits !== undefined ? [eb('number', '=', digits)] : []),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.size)
      .offset((page.number - 1) * page.size)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { tickets: rows.map(toTicket), total: Number(count.n) }
}

import type { SettingsHistoryItem } from '@porchlight/shared/api/store-settings'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { listSettingsHistory } from '../../db/settings-history.repository.ts'
import { readQuery } from '../../http/query.ts'
import { requireAgent } from '../../middleware/agent-session.ts'

export const SETTINGS_HISTORY_PATH = '/v1/agent/settings/history'

export const settingsHistoryQuery = z.strictObject({
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
})

/** Every settings change of the store, newest first (any agent reads it). */
export const settingsHistoryRoutes = new Hono<AppEnv>()
  .use(SETTINGS_HISTORY_PATH, requireAgent)
  .get(SETTINGS_HISTORY_PATH, async (c) => {
    const query = readQuery(c, settingsHistoryQuery)
    const rows = await listSettingsHistory(c.get('deps').db, c.get('store').id, {
      limit: query.limit ?? 50,
      ...(query.before !== undefined ? { before: Date.parse(query.before) } : {}),
    })
    const entries: SettingsHistoryItem[] = rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actor: { kind: r.actor.kind, name: r.actor.name },
      section: r.section,
      changes: r.changes,
    }))
    return c.json({ entries })
  })

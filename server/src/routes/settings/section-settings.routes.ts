import { Hono, type Context } from 'hono'
import { z } from 'zod'
import {
  SETTINGS_SECTIONS,
  sectionSchemas,
  type SectionValues,
  type SettingsSection,
} from '@porchlight/shared/settings/schema'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { assertOwner } from '../../middleware/owner-only.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { sectionAnswer, saveSection } from '../../services/settings/section-settings.ts'
import type { SettingsActor } from '../../db/settings-history.repository.ts'

export const settingsPath = (section: SettingsSection) => `/v1/agent/settings/${section}`

/** PUT's body: the section's values, and the version they were read at. */
export const sectionSaveBody = <S extends SettingsSection>(section: S) =>
  z.strictObject({
    version: z.number().int().min(0),
    values: sectionSchemas[section] as unknown as z.ZodType<SectionValues[S]>,
  })

/** Only an owner changes settings; any agent of the store may read them. */
export function requireOwner(c: Context<AppEnv>, what = 'its settings'): void {
  assertOwner(c.get('agent'), `change ${what}`)
}

/** Who the history names for a save made through this request. */
export function agentActor(c: Context<AppEnv>): SettingsActor {
  const agent = c.get('agent')
  return { kind: 'agent', id: agent.agentId, name: agent.name || agent.email }
}

function sectionRoutes<S extends SettingsSection>(section: S) {
  const path = settingsPath(section)
  const body = sectionSaveBody(section)
  return new Hono<AppEnv>()
    .use(path, requireAgent)
    .get(path, (c) =>
      c.json(sectionAnswer(c.get('store'), section, c.get('agent').role === 'owner')),
    )
    .put(path, async (c) => {
      requireOwner(c)
      const { version, values } = await readJson(c, body)
      const result = await saveSection(c.get('deps'), {
        storeId: c.get('store').id,
        actor: agentActor(c),
        section,
        version,
        values,
      })
      if (result.ok) return c.json(result.answer)
      switch (result.code) {
        case 'settings_stale':
          throw new AppError(
            'settings_stale',
            'Someone saved these settings after you opened them: here they are now.',
            { current: result.current },
          )
        case 'logo_not_found':
          throw new AppError('logo_not_found', 'Upload the logo before naming it.')
        case 'store_not_found':
          throw new AppError('store_not_found', 'This store no longer exists.')
      }
    })
}

/** GET (any agent) and PUT (owners) of each settings section. */
export const sectionSettingsRoutes = SETTINGS_SECTIONS.reduce(
  (app, section) => app.route('/', sectionRoutes(section)),
  new Hono<AppEnv>(),
)

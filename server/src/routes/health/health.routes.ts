import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { isReachable } from '../../db/database.ts'
import { errorBody } from '../../errors.ts'

/** Liveness says the process answers; readiness says it can reach its database too. */
export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => c.json({ status: 'ok' }))
  .get('/readyz', async (c) => {
    const deps = c.get('deps')
    if (deps.isShuttingDown()) {
      return c.json(errorBody('shutting_down', 'The server is shutting down.'), 503)
    }
    if (!(await isReachable(deps.db))) {
      return c.json(errorBody('database_unreachable', 'The database does not answer.'), 503)
    }
    return c.json({ status: 'ready', database: deps.dialect })
  })

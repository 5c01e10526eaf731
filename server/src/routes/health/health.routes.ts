import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { storageFaultResponse } from '../../http/error-handler.ts'
import { storageReadiness } from './readiness.ts'

/** Liveness says the process answers; readiness says its storage takes writes too. */
export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => c.json({ status: 'ok' }))
  .get('/readyz', async (c) => {
    const deps = c.get('deps')
    if (deps.isShuttingDown()) {
      throw new AppError('shutting_down', 'The server is shutting down.')
    }
    const fault = await storageReadiness(deps)
    if (fault !== undefined) {
      const since = 'since' in fault ? new Date(fault.since).toISOString() : undefined
      return storageFaultResponse(c, fault, { cause: fault.cause, ...(since ? { since } : {}) })
    }
    return c.json({ status: 'ready', database: deps.dialect })
  })

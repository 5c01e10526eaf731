import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env.ts'
import { AppError } from '../errors.ts'

/**
 * After requireAgent: only an owner of the store gets past (`what` completes "Only an owner
 * of the store can ..."). Agents read these settings; owners change them.
 */
export const ownersOnly = (what: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (c.get('agent').role !== 'owner') {
      throw new AppError('owner_required', `Only an owner of the store can ${what}.`)
    }
    await next()
  })

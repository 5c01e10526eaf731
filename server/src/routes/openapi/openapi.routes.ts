import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { openApiDocument } from './openapi.ts'

export const openApiRoutes = new Hono<AppEnv>().get('/v1/openapi.json', (c) =>
  c.json(openApiDocument(c.get('deps').config.publicUrl)),
)

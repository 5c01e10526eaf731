import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { findReturnLabel } from '../../db/ticket-returns.repository.ts'
import { AppError } from '../../errors.ts'

/**
 * An uploaded return label, at the unguessable address the shopper got in the panel and by
 * email (192 random bits): whoever has the link has the label, like a carrier's own link.
 */
export const returnLabelRoutes = new Hono<AppEnv>().get('/v1/return-labels/:token', async (c) => {
  const token = c.req.param('token')
  const found = /^[A-Za-z0-9_-]{32}$/.test(token)
    ? await findReturnLabel(c.get('deps').db, token)
    : undefined
  if (found?.label_pdf == null) throw new AppError('not_found', 'No such label.')
  const name = found.reference.replace(/[^A-Za-z0-9-]/g, '') || 'return'
  return c.body(Buffer.from(found.label_pdf, 'base64'), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="label-${name}.pdf"`,
    'Cache-Control': 'private, no-store',
    'Referrer-Policy': 'no-referrer',
  })
})

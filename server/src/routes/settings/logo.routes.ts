import { MAX_LOGO_BYTES, type LogoUploaded } from '@porchlight/shared/api/store-settings'
import { LOGO_ID } from '@porchlight/shared/settings/schema'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../app-env.ts'
import { findStoreLogo } from '../../db/store-logos.repository.ts'
import { AppError } from '../../errors.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { logoPath, uploadLogo } from '../../services/settings/logos.ts'
import { requireOwner } from './section-settings.routes.ts'

export const LOGO_UPLOAD_PATH = '/v1/agent/settings/store/logo'

/** Owners upload a logo as the request body (any image content type; the bytes decide). */
export const logoRoutes = new Hono<AppEnv>()
  .post(
    LOGO_UPLOAD_PATH,
    requireAgent,
    bodyLimit({
      // The app-wide limit skips this path; a little room over the logo's own limit, so a
      // logo just too large is told so in words rather than cut off.
      maxSize: MAX_LOGO_BYTES + 1024,
      onError: () => {
        throw new AppError('logo_too_large', 'The logo is over 512 KB.')
      },
    }),
    async (c) => {
      requireOwner(c, 'its logo')
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      const result = await uploadLogo(c.get('deps'), c.get('store').id, bytes)
      if (!result.ok) {
        throw result.code === 'logo_too_large'
          ? new AppError('logo_too_large', 'The logo is over 512 KB.')
          : new AppError('logo_invalid', 'Upload a PNG, JPEG, WebP or GIF image (not SVG).')
      }
      const answer: LogoUploaded = {
        logo: result.id,
        url: new URL(logoPath(result.id), c.get('deps').config.publicUrl).toString(),
      }
      return c.json(answer, 201)
    },
  )
  .get('/logos/:id', async (c) => {
    const id = c.req.param('id')
    const logo = LOGO_ID.test(id) ? await findStoreLogo(c.get('deps').db, id) : undefined
    if (logo === undefined) throw new AppError('not_found', 'No such logo.')
    return c.body(new Uint8Array(logo.bytes), 200, {
      'Content-Type': logo.contentType,
      // The id changes with the bytes (a new upload is a new id), so the answer never changes.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    })
  })

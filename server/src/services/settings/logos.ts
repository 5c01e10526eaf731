import { LOGO_TYPES, MAX_LOGO_BYTES, type LogoType } from '@porchlight/shared/api/store-settings'
import { insertStoreLogo } from '../../db/store-logos.repository.ts'
import { newId } from '../../ids.ts'
import type { SettingsDeps } from './section-settings.ts'

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b)
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0))

/**
 * The image type of an upload, read from its first bytes (never the name or the declared type,
 * which the uploader chooses). SVG is not among them: it can carry script, and a logo does not
 * need to be a vector.
 */
export function sniffLogoType(bytes: Uint8Array): LogoType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  return undefined
}

export type LogoUpload =
  | { ok: true; id: string; contentType: LogoType }
  | { ok: false; code: 'logo_invalid' | 'logo_too_large' }

/** Keeps an uploaded logo for the store; it shows once the store section names it. */
export async function uploadLogo(
  deps: SettingsDeps,
  storeId: string,
  bytes: Uint8Array,
): Promise<LogoUpload> {
  if (bytes.byteLength > MAX_LOGO_BYTES) return { ok: false, code: 'logo_too_large' }
  const contentType = sniffLogoType(bytes)
  if (contentType === undefined || !LOGO_TYPES.includes(contentType)) {
    return { ok: false, code: 'logo_invalid' }
  }
  const id = newId('lg')
  await insertStoreLogo(deps.db, {
    id,
    storeId,
    contentType,
    bytes: Buffer.from(bytes),
    createdAt: deps.clock.now().getTime(),
  })
  return { ok: true, id, contentType }
}

/** Where a logo is served from (public: the widget shows it to shoppers). */
export const logoPath = (id: string) => `/logos/${id}`

import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'

/** One built file, kept in memory with its compressed forms: the widget is small, so this is cheap. */
export interface Asset {
  path: string
  type: string
  raw: Buffer
  gzip: Buffer
  br: Buffer
  etag: string
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
}

// The build writes each file's compressed forms beside it (widget/scripts/precompress.ts).
const compressedForm = /\.(gz|br)$/

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return walk(full)
    return compressedForm.test(name) ? [] : [full]
  })
}

/**
 * The build's compressed form of a file when it is there and not older than the file; else the
 * file compressed now (a build from before precompression, or a folder a test wrote). Brotli at
 * its default quality (11) is what made compressing at every start cost over a second.
 */
function compressed(file: string, raw: Buffer, encoding: 'gz' | 'br'): Buffer {
  const sibling = `${file}.${encoding}`
  if (existsSync(sibling) && statSync(sibling).mtimeMs >= statSync(file).mtimeMs) {
    return readFileSync(sibling)
  }
  return encoding === 'gz' ? gzipSync(raw, { level: 9 }) : brotliCompressSync(raw)
}

/** Loads every file of a build folder; an absent folder gives an empty set (checked at start). */
export function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>()
  if (!existsSync(dir)) return assets
  for (const file of walk(dir)) {
    const raw = readFileSync(file)
    const path = '/' + relative(dir, file).split('\\').join('/')
    assets.set(path, {
      path,
      type: types[extname(file)] ?? 'application/octet-stream',
      raw,
      gzip: compressed(file, raw, 'gz'),
      br: compressed(file, raw, 'br'),
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
    })
  }
  return assets
}

/** Builds the response for an asset, honouring the client's encodings and If-None-Match. */
export function assetResponse(
  asset: Asset,
  req: { acceptEncoding: string | undefined; ifNoneMatch: string | undefined },
  headers: Record<string, string>,
): Response {
  const common: Record<string, string> = {
    'Content-Type': asset.type,
    ETag: asset.etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  }
  if (req.ifNoneMatch === asset.etag) return new Response(null, { status: 304, headers: common })
  const accept = req.acceptEncoding ?? ''
  if (/\bbr\b/.test(accept)) {
    return new Response(new Uint8Array(asset.br), {
      headers: { ...common, 'Content-Encoding': 'br' },
    })
  }
  if (/\bgzip\b/.test(accept)) {
    return new Response(new Uint8Array(asset.gzip), {
      headers: { ...common, 'Content-Encoding': 'gzip' },
    })
  }
  return new Response(new Uint8Array(asset.raw), { headers: common })
}

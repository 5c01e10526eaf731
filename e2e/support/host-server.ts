import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const hostsDir = fileURLToPath(new URL('../hosts', import.meta.url))

/** The host pages, by path, with what makes each one different. */
export const HOST_PAGES = {
  plain: '/plain',
  noLang: '/no-lang',
  hostileCss: '/hostile-css',
  strictCsp: '/strict-csp',
  helpCenter: '/help-center',
  contact: '/contact',
  spa: '/spa',
} as const

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
}

export interface HostServer {
  url: string
  close(): Promise<void>
}

/**
 * Serves e2e/hosts on its own origin (`http://localhost:<port>`, while the Porchlight server is
 * `http://127.0.0.1:<port>`): a different site, so the panel is as cross-origin as on a real
 * storefront. Pages are templates: `{{server}}`, `{{key}}`, a fresh `{{nonce}}` per response on
 * the strict page (removed elsewhere), and a `data-locale` from the `?data-locale=` query. The strict page gets its CSP as a header.
 */
export async function startHostServer(options: {
  port: number
  serverUrl: string
  widgetKey: string
}): Promise<HostServer> {
  const { serverUrl, widgetKey } = options
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    if (path === '/favicon.ico') return void res.writeHead(204).end()
    const file = path.startsWith('/spa') && !extname(path) ? 'spa.html' : fileFor(path)
    let body: string
    try {
      body = readFileSync(join(hostsDir, file), 'utf8')
    } catch {
      return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
    }
    const headers: Record<string, string> = {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    }
    if (file.endsWith('.html')) {
      const strict = file === 'strict-csp.html'
      const nonce = randomBytes(16).toString('base64')
      const locale = url.searchParams.get('data-locale')
      const localeAttr =
        locale !== null && /^[\w-]{1,20}$/.test(locale) ? ` data-locale="${locale}"` : ''
      body = body
        // Only the strict page uses nonces; elsewhere the tags are as plain as merchants paste.
        .replaceAll(strict ? '{{nonce}}' : ' nonce="{{nonce}}"', strict ? nonce : '')
        .replaceAll('{{server}}', serverUrl)
        .replaceAll('data-store="{{key}}"', `data-store="${widgetKey}"${localeAttr}`)
      if (strict) headers['Content-Security-Policy'] = strictCsp(nonce, serverUrl)
    }
    send(res, headers, body)
  })
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve))
  return {
    url: `http://localhost:${options.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function fileFor(path: string): string {
  const name = path === '/' ? 'plain' : path.slice(1)
  if (!/^[a-z-]+(\.(css|js))?$/.test(name)) return '.missing'
  return extname(name) ? name : `${name}.html`
}

/**
 * What a security-minded merchant sends: scripts only by nonce (and what they load), styles
 * only from the page's own origin (no inline style at all), frames and fetches only from the
 * Porchlight server, and Trusted Types, so any innerHTML-style sink throws.
 */
export function strictCsp(nonce: string, serverUrl: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    `frame-src ${serverUrl}`,
    `connect-src 'self' ${serverUrl}`,
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ')
}

function send(res: ServerResponse, headers: Record<string, string>, body: string) {
  res.writeHead(200, headers).end(body)
}

import { isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env.ts'

/** Honoured only under NODE_ENV=test and only when there is no socket (app.request in tests). */
export const TEST_CLIENT_IP_HEADER = 'x-porchlight-test-client-ip'

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address
  } catch {
    // No Node socket behind this request (app.request() in tests, or another runtime).
    return undefined
  }
}

/**
 * The client address used for rate limits. With TRUST_PROXY=n, the n-th X-Forwarded-For entry
 * from the right (the address the outermost trusted proxy saw); entries further left were
 * written by the client and are ignored. Otherwise the socket's address. With neither, one
 * shared bucket named 'unknown': limits then bite sooner, never later.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const { config } = c.get('deps')
  if (config.trustProxy > 0) {
    const entries = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '')
    const entry = entries[entries.length - config.trustProxy]
    if (entry !== undefined && isIP(entry) !== 0) return rateLimitAddress(entry)
  }
  const socket = socketAddress(c)
  if (socket !== undefined && isIP(socket) !== 0) return rateLimitAddress(socket)
  if (socket === undefined && config.env === 'test') {
    const given = c.req.header(TEST_CLIENT_IP_HEADER)
    if (given !== undefined && isIP(given) !== 0) return rateLimitAddress(given)
  }
  return 'unknown'
}

/**
 * IPv4 as it is; IPv6 reduced to its /64, since one subscriber usually holds a whole /64 and
 * could otherwise take a fresh address for every request.
 */
export function rateLimitAddress(address: string): string {
  const plain = address.replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)
  if (mapped?.[1] !== undefined) return mapped[1]
  if (isIP(plain) !== 6) return plain
  return `${expandIpv6(plain).slice(0, 4).join(':')}::/64`
}

function expandIpv6(address: string): string[] {
  let text = address.toLowerCase()
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (v4 !== null) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number]
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0')
  return [...left, ...fill, ...right].map((h) => (parseInt(h, 16) || 0).toString(16))
}

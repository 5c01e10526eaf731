import type { Config } from '../../config.ts'
import { isIP } from 'node:net'

/**
 * Whether a webhook URL may be used. In production only https, and never a host that names
 * this machine or a private network by itself (localhost, 10.x, 192.168.x, fc00::, ...): an
 * owner must not be able to aim the server's signed POSTs at internal services. Development
 * and tests may post to local receivers over http. Host names that resolve to private
 * addresses are not caught here; a network egress policy is the place for that.
 */
export function webhookUrlProblem(raw: string, env: Config['env']) {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'expected an absolute URL'
  }
  if (url.username !== '' || url.password !== '') return 'credentials do not belong in the URL'
  if (url.hash !== '') return 'a URL fragment is never sent; remove it'
  if (env !== 'production') {
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'expected http(s)'
  }
  if (url.protocol !== 'https:') return 'expected an https URL'
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal'))
    return 'expected a public host'
  if (isIP(host) !== 0 && isPrivateAddress(host)) return 'expected a public address'
  return null
}

function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number)
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    )
  }
  const v6 = ip.toLowerCase()
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7)) || !v6.includes('.')
  return (
    v6 === '::' ||
    v6 === '::1' ||
    v6.startsWith('fc') ||
    v6.startsWith('fd') ||
    v6.startsWith('fe8') ||
    v6.startsWith('fe9') ||
    v6.startsWith('fea') ||
    v6.startsWith('feb') ||
    v6.startsWith('ff')
  )
}

import { lookup } from 'node:dns/promises'
import ipaddr from 'ipaddr.js'

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/** Every address a host name resolves to; throws when it resolves to none. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>

/** The operating system's resolver (what a plain connect would use), all addresses at once. */
export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, order: 'verbatim' })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }))

/** Where signed webhook POSTs may go, decided once per check. */
export interface WebhookTargetPolicy {
  resolve: Resolver
  /**
   * Test-only: lets the suite deliver to its receivers on 127.0.0.1. Only the test harness sets
   * it; createApp refuses it in production.
   */
  allowPrivate: boolean
}

export const defaultTargetPolicy: WebhookTargetPolicy = {
  resolve: systemResolver,
  allowPrivate: false,
}

/**
 * Why an address is no place for our signed POSTs, or null when it is public. Only global
 * unicast passes: ipaddr.js names the special ranges (loopback, private, link-local, CGNAT,
 * multicast, unspecified, broadcast, reserved, IPv4-mapped, NAT64 64:ff9b::/96, 6to4, Teredo,
 * ...), and IPv6 must also sit in 2000::/3, which is where ipaddr.js's "unicast" leaves the
 * deprecated IPv4-compatible form `::127.0.0.1` that some stacks still route to loopback.
 */
export function addressProblem(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6
  try {
    ip = ipaddr.parse(address)
  } catch {
    return `${address} is not an IP address`
  }
  const range = ip.range()
  if (range !== 'unicast') return `${address} is ${range}`
  if (ip.kind() === 'ipv6' && !ip.match(ipaddr.IPv6.parse('2000::'), 3)) {
    return `${address} is not global unicast`
  }
  return null
}

export type TargetCheck =
  | { ok: true; host: string; address: ResolvedAddress }
  | { ok: false; code: 'target_unresolved' | 'target_refused'; message: string }

const localNames = /(^|\.)(localhost|local|internal|home\.arpa)$/i

/**
 * Resolves the URL's host once and checks every address it gave. The caller must connect to the
 * returned address (not look the name up again), or a name could answer public here and
 * loopback a moment later.
 */
export async function checkWebhookTarget(
  url: URL,
  policy: WebhookTargetPolicy,
): Promise<TargetCheck> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const refused = (message: string): TargetCheck => ({ ok: false, code: 'target_refused', message })
  let addresses: ResolvedAddress[]
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }]
  } else {
    if (localNames.test(host) && !policy.allowPrivate) return refused(`${host} is a local name`)
    try {
      addresses = await policy.resolve(host)
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err)
      return { ok: false, code: 'target_unresolved', message: `${host} does not resolve: ${why}` }
    }
  }
  const first = addresses[0]
  if (first === undefined) {
    return { ok: false, code: 'target_unresolved', message: `${host} does not resolve` }
  }
  if (!policy.allowPrivate) {
    // Every address, not just the first: a connect could be steered to any of them.
    for (const a of addresses) {
      const problem = addressProblem(a.address)
      if (problem !== null) return refused(problem)
    }
  }
  return { ok: true, host, address: first }
}

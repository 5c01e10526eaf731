/**
 * How long a real agent's console sign-in takes while 100 bad logins are in flight.
 *
 *   node server/scripts/bench-agent-login.ts [rounds=5]
 *
 * Starts the server as operators do (SQLite, the demo agent, TRUST_PROXY=1 so each request
 * can name its client address), then in each round fires 100 wrong-password logins without
 * waiting, and 50 ms later times one right login. Three floods: from one address, from 100
 * addresses with the agent's browser holding a device cookie, and from 100 addresses without.
 * Prints the median and the statuses seen. Absolute times depend on the machine's load.
 */
import { DEMO_AGENT } from '../src/seed/demo-store.ts'
import { spawnServer } from '../src/test/spawn-server.ts'

const rounds = Number(process.argv[2] ?? 5)
const server = await spawnServer({ TRUST_PROXY: '1', LOG_LEVEL: 'error' })

function login(email: string, password: string, ip: string, cookie?: string) {
  return fetch(`${server.url}/v1/agent/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': ip,
      ...(cookie !== undefined ? { cookie } : {}),
    },
    body: JSON.stringify({ email, password }),
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const tally = (xs: number[]) =>
  Object.entries(
    xs.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {}),
  )
    .map(([s, n]) => `${s}x${n}`)
    .join(' ')

// The agent's browser signs in once, out of any flood, to hold a device cookie (if the server
// hands one out).
const first = await login(DEMO_AGENT.email, DEMO_AGENT.password, '198.51.100.1')
const device = (first.headers.getSetCookie() ?? [])
  .map((c) => c.split(';')[0] ?? '')
  .find((c) => c.startsWith('pl_agent_device='))

let floodNo = 0
async function scenario(name: string, floodIp: (i: number) => string, cookie?: string) {
  const times: number[] = []
  const real: number[] = []
  const bad: number[] = []
  for (let r = 0; r < rounds; r++) {
    floodNo++
    const flood = Array.from({ length: 100 }, (_, i) =>
      login(`stranger-${floodNo}-${i}@example.com`, 'wrong-password', floodIp(i + floodNo * 100))
        .then((res) => res.status)
        .catch(() => 0),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    const t0 = performance.now()
    const status = await login(DEMO_AGENT.email, DEMO_AGENT.password, `198.51.100.${2 + r}`, cookie)
      .then((res) => res.status)
      .catch(() => 0)
    times.push(performance.now() - t0)
    real.push(status)
    bad.push(...(await Promise.all(flood)))
  }
  console.log(
    `${name.padEnd(44)} median ${median(times).toFixed(0).padStart(5)} ms` +
      `  (each: ${times.map((t) => t.toFixed(0)).join(', ')})  real: ${tally(real)}  flood: ${tally(bad)}`,
  )
}

const alone: number[] = []
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now()
  await login(DEMO_AGENT.email, DEMO_AGENT.password, '198.51.100.200')
  alone.push(performance.now() - t0)
}
console.log(`${'no flood'.padEnd(44)} median ${median(alone).toFixed(0).padStart(5)} ms`)
await scenario('100 bad from one address', () => '203.0.113.7')
await scenario(
  '100 bad from 100 addresses, device cookie',
  (i) => `10.${(i >> 8) & 255}.${i & 255}.9`,
  device,
)
await scenario(
  '100 bad from 100 addresses, no device cookie',
  (i) => `10.${(i >> 8) & 255}.${i & 255}.8`,
)
await server.stop()

import { createServer, connect, type Server, type Socket } from 'node:net'

/**
 * A local TCP proxy in front of a server (PostgreSQL), so a test can cut the connection of one
 * pool and refuse new ones, the way a network partition or a database restart does, without
 * touching the server other tests share.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const pairs = new Set<{ client: Socket; upstream: Socket }>()
  let server: Server | undefined
  let port = 0

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(target.port, target.host)
        const pair = { client, upstream }
        pairs.add(pair)
        const drop = () => {
          pairs.delete(pair)
          client.destroy()
          upstream.destroy()
        }
        client.on('error', drop).on('close', drop)
        upstream.on('error', drop).on('close', drop)
        client.pipe(upstream)
        upstream.pipe(client)
      })
      s.once('error', reject)
      s.listen(port, '127.0.0.1', () => {
        const address = s.address()
        if (typeof address === 'object' && address !== null) port = address.port
        server = s
        resolve()
      })
    })
  await listen()

  return {
    get port() {
      return port
    },
    /** The local ports of the proxy's connections to the server (pg_stat_activity.client_port). */
    upstreamPorts: () => [...pairs].map((p) => p.upstream.localPort).filter((p) => p !== undefined),
    /** Cuts every connection and refuses new ones (the port is closed) until restore(). */
    async cut() {
      const closing = server
      server = undefined
      // close() calls back once the last connection is gone, so cut them after asking.
      const closed =
        closing === undefined ? undefined : new Promise<void>((r) => closing.close(() => r()))
      for (const pair of pairs) {
        pair.client.destroy()
        pair.upstream.destroy()
      }
      pairs.clear()
      await closed
    },
    /** Accepts again, on the same port. */
    async restore() {
      if (server === undefined) await listen()
    },
    async close() {
      await this.cut()
    },
  }
}

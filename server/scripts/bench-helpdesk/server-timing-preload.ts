// Loaded into the benchmarked server only (`--import`): every answer gets a `Server-Timing:
// app;dur=<ms>` header, the time from Node handing the parsed request to the server to the
// answer's head being written. That is the server's own time (routing, auth, queries, JSON),
// without the loopback, the client or the benchmark's own event loop; production code is left
// as it is. `cpu;dur=` is the process's CPU time over the same span: on a loaded machine the
// first mostly measures waiting for a core, the second the work (requests come one at a time).
import http from 'node:http'

const started = new WeakMap<http.ServerResponse, { at: number; cpu: NodeJS.CpuUsage }>()
const emit = http.Server.prototype.emit
http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
  if (event === 'request')
    started.set(args[1] as http.ServerResponse, { at: performance.now(), cpu: process.cpuUsage() })
  return emit.call(this, event, ...args)
} as typeof emit
const writeHead = http.ServerResponse.prototype.writeHead
http.ServerResponse.prototype.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
  const start = started.get(this)
  if (start !== undefined) {
    const cpu = process.cpuUsage(start.cpu)
    const app = (performance.now() - start.at).toFixed(3)
    this.setHeader(
      'server-timing',
      `app;dur=${app}, cpu;dur=${((cpu.user + cpu.system) / 1000).toFixed(3)}`,
    )
  }
  return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args)
} as typeof writeHead

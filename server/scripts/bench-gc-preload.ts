// Loaded into the benchmarked server only (`--import`): on SIGUSR2 it collects garbage and
// prints its memory, so the benchmark measures what open streams keep, not what GC has not
// reclaimed yet. Needs --expose-gc.
const collect = (globalThis as { gc?: () => void }).gc
process.on('SIGUSR2', () => {
  collect?.()
  collect?.()
  process.stderr.write(`BENCH_MEMORY ${JSON.stringify(process.memoryUsage())}\n`)
})

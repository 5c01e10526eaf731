import type { Readable } from 'node:stream'

/** Longer than any password or token anyone pipes in; a bound on what is read. */
const MAX_LINE_BYTES = 4096

/**
 * The first line of `input` (without its line break), read only as far as that line: a pipe
 * that stays open after it (a script's `exec 3<...`, a CI step's stdin) never holds the
 * command up. Stops reading, so nothing keeps the process alive afterwards.
 */
export async function readFirstLine(input: Readable): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of input) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    const end = buf.indexOf(0x0a)
    chunks.push(end === -1 ? buf : buf.subarray(0, end))
    size += buf.length
    if (end !== -1 || size >= MAX_LINE_BYTES) break
  }
  // Leaving the loop early destroys the stream; nothing more is read from the pipe.
  return Buffer.concat(chunks).subarray(0, MAX_LINE_BYTES).toString('utf8').replace(/\r$/, '')
}

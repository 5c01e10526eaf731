/**
 * Writes each built file's gzip and brotli forms beside it (`x.js.gz`, `x.js.br`), at the
 * strongest settings. The server sends these as they are: compressing the widget when the server
 * starts cost it more than a second of its launch (brotli at quality 11 is slow), on every start.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const dist = fileURLToPath(new URL('../dist', import.meta.url))
const compressed = /\.(gz|br)$/

function builtFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return builtFiles(full)
    return compressed.test(name) ? [] : [full]
  })
}

for (const file of builtFiles(dist)) {
  const raw = readFileSync(file)
  writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }))
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  )
}

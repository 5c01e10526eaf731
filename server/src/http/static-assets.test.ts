import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { loadAssets } from './static-assets.ts'

function buildFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'pl-static-'))
  mkdirSync(join(dir, 'assets'))
  return dir
}

describe('loadAssets', () => {
  it("sends the build's compressed forms as they are, and never serves them as files", () => {
    const dir = buildFolder()
    const file = join(dir, 'assets', 'app.js')
    writeFileSync(file, 'console.log("app")')
    // Level 1, unlike the level 9 the server would use: tells the file apart from a fresh run.
    const built = gzipSync('console.log("app")', { level: 1 })
    writeFileSync(`${file}.gz`, built)
    writeFileSync(`${file}.br`, Buffer.from('not brotli, but the build said so'))
    const assets = loadAssets(dir)
    expect([...assets.keys()]).toEqual(['/assets/app.js'])
    const asset = assets.get('/assets/app.js')!
    expect(asset.gzip.equals(built)).toBe(true)
    expect(asset.br.toString()).toBe('not brotli, but the build said so')
  })

  it('compresses a file itself when its compressed form is missing or older than it', () => {
    const dir = buildFolder()
    const file = join(dir, 'assets', 'app.js')
    writeFileSync(file, 'console.log("new")')
    writeFileSync(`${file}.gz`, gzipSync('console.log("old")'))
    const past = new Date(Date.now() - 60_000)
    utimesSync(`${file}.gz`, past, past)
    const asset = loadAssets(dir).get('/assets/app.js')!
    expect(gunzipSync(asset.gzip).toString()).toBe('console.log("new")')
    expect(brotliDecompressSync(asset.br).toString()).toBe('console.log("new")')
  })
})

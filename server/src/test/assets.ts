import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { loadAssets } from '../http/static-assets.ts'

/** Writes a small fake widget build to a temp folder and loads it the way the server does. */
export function loadAssetsFromStrings(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'pl-assets-'))
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  }
  return loadAssets(dir)
}

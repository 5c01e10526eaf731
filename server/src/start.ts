import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// `pnpm start` builds the widget only when its sources are newer than the build, so a fresh
// clone works with one command and a restart stays fast.
const root = fileURLToPath(new URL('../..', import.meta.url))
const stamp = join(root, 'widget/dist/porchlight.js')

function newest(dir: string): number {
  let latest = 0
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue
    const full = join(dir, name)
    const st = statSync(full)
    latest = Math.max(latest, st.isDirectory() ? newest(full) : st.mtimeMs)
  }
  return latest
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0
const sources = Math.max(
  newest(join(root, 'widget/src')),
  newest(join(root, 'shared/src')),
  statSync(join(root, 'vite.config.ts')).mtimeMs,
)
if (built < sources) {
  console.log('Building the widget...')
  const result = spawnSync('pnpm', ['--filter', '@porchlight/widget', 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

// Importing main.ts starts the server.
await import('./main.ts')

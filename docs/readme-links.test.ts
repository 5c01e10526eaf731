import { existsSync, readFileSync } from 'node:fs'
import { join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = normalize(join(import.meta.dirname, '..'))

/** Every link and image of a Markdown file: `[text](target)`, `src="..."` and `href="..."`. */
function targets(markdown: string): string[] {
  const links = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!)
  const tags = [...markdown.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
  return [...links, ...tags]
}

describe('the README', () => {
  it('links only to files inside the repository, each of which exists', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    // Example addresses in code blocks are not links.
    const prose = readme.replace(/```[\s\S]*?```/g, '')
    const found = targets(prose).filter((t) => !t.startsWith('#'))
    expect(found.length).toBeGreaterThan(0)
    for (const target of found) {
      expect([target, /^[a-z]+:|^\/\/|^\/|\.\.\//i.test(target)]).toEqual([target, false])
      expect([target, existsSync(join(root, target.split('#')[0]!))]).toEqual([target, true])
    }
  })

  it('is next to the LICENSE that package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string }
    expect(pkg.license).toBe('MIT')
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/)
  })
})

import { existsSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { builtinModules } from 'node:module'
import { dirname, join, normalize } from 'node:path'

/**
 * The import rules of docs/architecture.md as data, and the walk that checks them. Paths are
 * repository-relative; a bare package is `pkg:<name>`, a Node built-in `node:<name>`.
 */

export interface SourceFile {
  file: string
  imports: string[]
}

export interface Rule {
  name: string
  /** True when an import from `from` to `to` breaks the rule. */
  breaks(from: string, to: string): boolean
  /** A wrong import the rule must catch: proves the rule can fail. */
  example: { from: string; to: string }
}

export interface Violation {
  rule: string
  from: string
  to: string
}

const root = normalize(join(import.meta.dirname, '..'))
const roots = ['shared/src', 'server/src', 'server/scripts', 'widget/src', 'widget/scripts', 'e2e']

/** Tests, their kits and fakes, the test entry, and the benchmark scripts: never shipped. */
const isTestFile = (f: string) =>
  /\.(test|e2e)\.tsx?$/.test(f) ||
  /-test-kit\.tsx?$/.test(f) ||
  /^(server|widget)\/scripts\//.test(f) ||
  /(^|\/)(test|testing|test-support)(\/|$)/.test(f) ||
  /test-support\.tsx?$/.test(f) ||
  f.startsWith('e2e/') ||
  f.startsWith('server/src/routes/test/') ||
  f.startsWith('server/src/routes/test-clock/')

const under = (f: string, ...dirs: string[]) => dirs.some((d) => f === d || f.startsWith(`${d}/`))
const isPackage = (to: string, ...names: string[]) =>
  names.some((n) => to === `pkg:${n}` || to.startsWith(`pkg:${n}/`))

/** I/O and frameworks that the domain never touches. */
const IO_PACKAGES = ['hono', '@hono', 'kysely', 'pg', 'better-sqlite3', 'nodemailer', 'twilio']

/** The one module of the app that the loader may import: the host-to-frame message contract. */
export const LOADER_CONTRACT = 'shared/src/api/embed-messages.ts'

const SERVER_EDGE = [
  'server/src/routes',
  'server/src/middleware',
  'server/src/http',
  'server/src/app.ts',
  'server/src/app-env.ts',
  'server/src/server.ts',
  'server/src/main.ts',
  'server/src/compose.ts',
]

export const RULES: Rule[] = [
  {
    name: 'shared imports nothing of ours and does no I/O',
    breaks: (from, to) =>
      under(from, 'shared/src') &&
      !isTestFile(from) &&
      !under(to, 'shared/src') &&
      (!to.startsWith('pkg:') ||
        isPackage(to, ...IO_PACKAGES, 'preact') ||
        (to === 'pkg:zod' && !under(from, 'shared/src/settings'))),
    example: { from: 'shared/src/orders/timeline.ts', to: 'pkg:kysely' },
  },
  {
    name: 'shared reads no clock, file or network of its own',
    breaks: (from, to) => under(from, 'shared/src') && !isTestFile(from) && to.startsWith('node:'),
    example: { from: 'shared/src/chat/revert.ts', to: 'node:fs' },
  },
  {
    name: 'browser code never imports server code',
    breaks: (from, to) =>
      under(from, 'widget/src') && (under(to, 'server') || to.startsWith('node:')),
    example: { from: 'widget/src/app/portal.tsx', to: 'server/src/db/schema.ts' },
  },
  {
    name: 'the loader imports nothing of the app but the message contract',
    breaks: (from, to) =>
      under(from, 'widget/src/loader') &&
      !isTestFile(from) &&
      !under(to, 'widget/src/loader') &&
      to !== LOADER_CONTRACT,
    example: { from: 'widget/src/loader/loader.ts', to: 'pkg:preact' },
  },
  {
    name: 'the panel and the console share code only through shared',
    breaks: (from, to) =>
      (under(from, 'widget/src/console') && under(to, 'widget/src/app')) ||
      (under(from, 'widget/src/app') && under(to, 'widget/src/console')),
    example: { from: 'widget/src/console/main.tsx', to: 'widget/src/app/chat/event-stream.ts' },
  },
  {
    name: 'db and adapters know no HTTP layer',
    breaks: (from, to) =>
      under(from, 'server/src/db', 'server/src/adapters') &&
      !isTestFile(from) &&
      (under(to, ...SERVER_EDGE) || isPackage(to, 'hono', '@hono')),
    example: { from: 'server/src/db/stores.repository.ts', to: 'server/src/middleware/store.ts' },
  },
  {
    name: 'db knows no service or adapter',
    breaks: (from, to) =>
      under(from, 'server/src/db') &&
      !isTestFile(from) &&
      under(to, 'server/src/services', 'server/src/adapters'),
    example: {
      from: 'server/src/db/tickets.repository.ts',
      to: 'server/src/services/tickets/decisions.ts',
    },
  },
  {
    name: 'services import no route, middleware or composition root',
    breaks: (from, to) =>
      under(from, 'server/src/services') && !isTestFile(from) && under(to, ...SERVER_EDGE),
    example: { from: 'server/src/services/tickets/decisions.ts', to: 'server/src/app.ts' },
  },
  {
    name: 'production code imports no test code',
    breaks: (from, to) => !isTestFile(from) && !to.includes(':') && isTestFile(to),
    example: { from: 'server/src/app.ts', to: 'server/src/routes/test/test-seed.routes.ts' },
  },
]

/**
 * Imports that break a rule today and are to be removed (issue 14). The list only shrinks: the
 * check fails on a new violation and on an entry that no longer happens.
 */
export const KNOWN_VIOLATIONS = new Set<string>([])

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function resolve(from: string, spec: string): string {
  if (spec.startsWith('.')) return normalize(join(dirname(from), spec))
  if (spec.startsWith('node:')) return spec
  if (builtinModules.includes(spec.split('/')[0]!)) return `node:${spec}`
  if (spec === '@porchlight/shared') return 'shared/src/index.ts'
  if (spec.startsWith('@porchlight/shared/')) return `shared/src/${spec.slice(19)}.ts`
  if (spec.startsWith('@porchlight/server/')) return `server/src/${spec.slice(19)}`
  if (spec.startsWith('@porchlight/widget/')) return `widget/src/${spec.slice(19)}`
  return `pkg:${spec}`
}

/** Every TypeScript file of the workspace (tracked or new, not ignored), repository-relative. */
function workspaceFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...roots], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && existsSync(join(root, f)))
}

/** Every TypeScript file of the workspace with what it imports (static, re-export, dynamic). */
export function importGraph(): SourceFile[] {
  return workspaceFiles().map((file) => {
    const text = readFileSync(join(root, file), 'utf8')
    const imports = [...text.matchAll(IMPORT_RE)].map((m) => resolve(file, (m[1] ?? m[2])!))
    return { file, imports: [...new Set(imports)] }
  })
}

export function findViolations(graph: SourceFile[]): Violation[] {
  return graph.flatMap(({ file, imports }) =>
    imports.flatMap((to) =>
      RULES.filter((r) => r.breaks(file, to)).map((r) => ({ rule: r.name, from: file, to })),
    ),
  )
}

/**
 * Kysely's query builders and its raw `sql` tag. A call of one outside `db/` (and the adapters,
 * which own their caches) is a query that belongs in a repository.
 */
const RAW_QUERY_RE =
  /\.(?:selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\s*\(|\bsql\s*(?:<[^>]*>)?\s*`|\bsql\.(?:raw|ref|table|id|lit|join|val)\s*\(/g

export const RAW_QUERY_RULE = {
  name: 'services and the HTTP edge query only through db/ repositories',
  /** Where a query builder may not be called: use cases and the HTTP edge, tests aside. */
  applies: (f: string) =>
    under(
      f,
      'server/src/services',
      'server/src/routes',
      'server/src/middleware',
      'server/src/http',
    ) && !isTestFile(f),
  /** Wrong calls the rule must catch: proves it can fail. */
  examples: [
    {
      file: 'server/src/services/tickets/decisions.ts',
      text: "const rows = await deps.db.selectFrom('tickets').selectAll().execute()",
    },
    {
      file: 'server/src/routes/agent/tickets.routes.ts',
      text: 'await sql`update tickets set version = version + 1`.execute(db)',
    },
  ],
}

export interface RawQuery {
  file: string
  line: number
  call: string
}

/** Query-builder calls in files where RAW_QUERY_RULE forbids them (default: the workspace's). */
export function rawQueries(
  sources: Array<{ file: string; text: string }> = workspaceFiles().map((file) => ({
    file,
    text: readFileSync(join(root, file), 'utf8'),
  })),
): RawQuery[] {
  return sources
    .filter(({ file }) => RAW_QUERY_RULE.applies(file))
    .flatMap(({ file, text }) =>
      [...text.matchAll(RAW_QUERY_RE)].map((m) => ({
        file,
        line: text.slice(0, m.index).split('\n').length,
        call: m[0],
      })),
    )
}

export interface Enumeration {
  /** The values, sorted and joined: the same set written twice has the same key. */
  key: string
  files: string[]
}

const UNION_RE = /'[a-z_-]+'(?:\s*\|\s*'[a-z_-]+'){2,}/g
const LIST_RE = /\[\s*'[a-z_-]+'(?:\s*,\s*'[a-z_-]+'){2,}\s*,?\s*\]/g
// Key lists of Pick<>/Omit<> name fields, not values of the domain.
const KEY_PICK_RE = /(?:Pick|Omit)<[\w.[\]']+,\s*$/

/**
 * String enumerations of three or more values (a union type or a literal list) written in
 * more than one production file of the browser, shared and server code: each should be one
 * `as const` list with its type, imported where it is needed.
 */
export function repeatedEnumerations(): Enumeration[] {
  const seen = new Map<string, Set<string>>()
  for (const { file } of importGraph()) {
    // Migrations are frozen in time: they keep their own copy of what they create.
    if (isTestFile(file) || under(file, 'server/src/db/migrations')) continue
    if (!under(file, 'shared/src', 'server/src', 'widget/src')) continue
    const text = readFileSync(join(root, file), 'utf8')
    for (const re of [UNION_RE, LIST_RE]) {
      for (const m of text.matchAll(re)) {
        if (KEY_PICK_RE.test(text.slice(Math.max(0, m.index - 80), m.index))) continue
        const key = [...new Set(m[0].match(/'[a-z_-]+'/g))].sort().join(',')
        seen.set(key, (seen.get(key) ?? new Set()).add(file))
      }
    }
  }
  return [...seen]
    .filter(([, files]) => files.size > 1)
    .map(([key, files]) => ({ key, files: [...files].sort() }))
}

/**
 * Prints the gzip and brotli size of every widget bundle and fails when one is over its budget
 * (DESIGN.md: loader <= 3 KB, app <= 30 KB, compressed). A bundle is everything its page loads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const dist = fileURLToPath(new URL('../dist', import.meta.url))
const KB = 1024

interface Bundle {
  name: string
  files: string[]
  budget: number | undefined
}

/** Static imports of a built module (`import{a}from"./x.js"`, `import"./x.js"`), not `import()`. */
function staticImports(file: string): string[] {
  const code = readFileSync(join(dist, file), 'utf8')
  const refs = [...code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)]
  return refs.map((m) => `/assets/${m[1] as string}`)
}

/** Everything a page downloads before it runs: its HTML references and their static imports. */
function pageFiles(page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8')
  const files = new Set(
    [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string),
  )
  for (const file of files) {
    if (file.endsWith('.js')) for (const dep of staticImports(file)) files.add(dep)
  }
  return [...files]
}

function sizes(files: string[]) {
  const raw = Buffer.concat(files.map((f) => readFileSync(join(dist, f))))
  // Compressed per file and summed: that is what the browser downloads.
  let gzip = 0
  let br = 0
  for (const f of files) {
    const content = readFileSync(join(dist, f))
    gzip += gzipSync(content, { level: 9 }).length
    br += brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
  }
  return { raw: raw.length, gzip, br }
}

if (!existsSync(join(dist, 'porchlight.js'))) {
  console.error('widget/dist is missing: run `pnpm build` first')
  process.exit(1)
}

const appFiles = pageFiles('app/index.html')
// Non-English catalogs are chunks the app imports on demand: a shopper reading French
// downloads the app plus that one chunk, so the budget holds for the largest of them too.
const localeChunks = readdirSync(join(dist, 'assets'))
  .filter((f) => /^(fr|es|de|ar)-[\w-]+\.js$/.test(f))
  .map((f) => `/assets/${f}`)
const worst = (f: string) => Math.max(sizes([f]).gzip, sizes([f]).br)
const largestLocale = localeChunks.sort((a, b) => worst(b) - worst(a))[0]

// The screens the first view leaves out (chat, request and contact forms) come as chunks with
// the later part of the language's words: a view is the first view plus its chunk, the chunks
// it imports, its styles and the largest words chunk of the later screens (English included).
// Shown for the record, without a budget yet: DESIGN.md budgets the first view (the app).
const assets = readdirSync(join(dist, 'assets'))
const laterWords = assets
  .filter((f) => /^(en|fr|es|de|ar)-later-[\w-]+\.js$/.test(f))
  .map((f) => `/assets/${f}`)
  .sort((a, b) => worst(b) - worst(a))[0]
function chunkClosure(file: string): string[] {
  const files = new Set([file])
  for (const f of files) for (const dep of staticImports(f)) files.add(dep)
  return [...files]
}
const lazyViews: Bundle[] = ['chat-screen', 'request-flow', 'contact-form'].flatMap((view) => {
  const js = assets.find((f) => f.startsWith(`${view}-`) && f.endsWith('.js'))
  if (js === undefined || laterWords === undefined) return []
  const css = assets.filter((f) => f.startsWith(`${view}-`) && f.endsWith('.css'))
  const files = new Set([
    ...appFiles,
    ...(largestLocale === undefined ? [] : [largestLocale]),
    ...chunkClosure(`/assets/${js}`),
    ...css.map((f) => `/assets/${f}`),
    laterWords,
  ])
  return [
    {
      name: view.replace('-screen', '').replace('-', ' ').slice(0, 8),
      files: [...files],
      budget: undefined,
    },
  ]
})

const bundles: Bundle[] = [
  { name: 'loader', files: ['/porchlight.js'], budget: 3 * KB },
  { name: 'app', files: appFiles, budget: 30 * KB },
  ...(largestLocale === undefined
    ? []
    : [
        {
          name: `app+${largestLocale.slice(8, 10)}`,
          files: [...appFiles, largestLocale],
          budget: 30 * KB,
        },
      ]),
  ...lazyViews,
  { name: 'console', files: pageFiles('console/index.html'), budget: undefined },
]

let failed = false
const fmt = (n: number) => `${(n / KB).toFixed(2)} KB`.padStart(10)
console.log(
  `${'bundle'.padEnd(8)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}   budget`,
)
for (const b of bundles) {
  const s = sizes(b.files)
  const over = b.budget !== undefined && Math.max(s.gzip, s.br) > b.budget
  failed ||= over
  const budget = b.budget === undefined ? '-' : `${b.budget / KB} KB ${over ? 'OVER' : 'ok'}`
  console.log(`${b.name.padEnd(8)} ${fmt(s.raw)} ${fmt(s.gzip)} ${fmt(s.br)}   ${budget}`)
}
if (failed) {
  console.error('A bundle is over its budget.')
  process.exit(1)
}

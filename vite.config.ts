import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

const widgetSrc = fileURLToPath(new URL('./widget/src', import.meta.url))
const outDir = fileURLToPath(new URL('./widget/dist', import.meta.url))
const serverSrc = fileURLToPath(new URL('./server/src', import.meta.url))
const serverDist = fileURLToPath(new URL('./server/dist', import.meta.url))

/** The panel's own, smaller stand-in for Vite's preload helper (see chunk-styles.ts). */
const panelChunkStyles: Plugin = {
  name: 'porchlight:panel-chunk-styles',
  enforce: 'pre',
  resolveId: (id) => (id === PRELOAD_HELPER ? `${widgetSrc}/app/chunk-styles.ts` : undefined),
}
const PRELOAD_HELPER = '\0vite/preload-helper.js'

/**
 * Builds the widget's three entries into widget/dist, one build each:
 *  - default mode: the in-frame app (/w/<key>), a page;
 *  - `--mode console`: the agent console (/console), a page;
 *  - `--mode loader`: the script merchants paste, one self-contained IIFE with no framework.
 *  - `--mode server`: the server, bundled into server/dist (see server/src/main.ts).
 * The loader must be a single classic script. The app and the console are built apart so that
 * neither page's chunks are shaped by the other's code: built together they shared a Preact
 * chunk, one more file (and its own compression overhead) on the shopper's first load.
 */
export default defineConfig(({ mode }) => {
  const shared = {
    oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } },
    logLevel: 'warn' as const,
  }
  if (mode === 'server') {
    // One file instead of ~1,100 modules (about 250 of them Kysely's): a start spent most of
    // its time resolving, reading and compiling modules one by one. Packages are bundled in
    // too, except the two database drivers: better-sqlite3 loads a native addon from its own
    // folder, and pg's optional native binding must stay optional.
    return {
      ...shared,
      ssr: { noExternal: true, external: ['better-sqlite3', 'pg', 'pg-native'] },
      build: {
        ssr: true,
        outDir: serverDist,
        emptyOutDir: true,
        target: 'node22',
        minify: false,
        rolldownOptions: {
          input: {
            main: `${serverSrc}/main.ts`,
            // The SMTP connection runs in a worker thread of its own (threaded-smtp-mailer.ts).
            'smtp-thread': `${serverSrc}/adapters/mail/smtp-thread.ts`,
          },
          output: {
            format: 'esm' as const,
            entryFileNames: '[name].mjs',
            // Flat, so that a path beside a module (the SMTP thread's, the widget's) is the same
            // from every chunk.
            chunkFileNames: '[name]-[hash].mjs',
            // Without comments and white space, but every name kept: stack traces stay readable.
            minify: { compress: false, mangle: false },
          },
        },
      },
    }
  }
  if (mode === 'loader') {
    return {
      ...shared,
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2021',
        lib: {
          entry: `${widgetSrc}/loader/loader.ts`,
          name: 'PorchlightLoader',
          formats: ['iife' as const],
          fileName: () => 'porchlight.js',
        },
        minify: true,
      },
    }
  }
  const page = mode === 'console' ? 'console' : 'app'
  return {
    ...shared,
    plugins: page === 'app' ? [panelChunkStyles] : [],
    root: widgetSrc,
    base: '/',
    build: {
      outDir,
      // The app build runs first and starts from an empty folder; the others add to it.
      emptyOutDir: page === 'app',
      target: 'es2020',
      modulePreload: false,
      // The chunk graph `pnpm size` reads to add up each view (widget/scripts/size.ts).
      manifest: page === 'app' ? '.vite/app-manifest.json' : false,
      rolldownOptions: {
        input: { [page]: `${widgetSrc}/${page}/index.html` },
        output:
          page === 'app'
            ? { codeSplitting: { groups: [{ name: page, tags: ['$initial' as const] }] } }
            : {},
      },
    },
  }
})

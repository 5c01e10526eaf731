import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const widgetSrc = fileURLToPath(new URL('./widget/src', import.meta.url))
const outDir = fileURLToPath(new URL('./widget/dist', import.meta.url))

/**
 * Builds the widget's three entries into widget/dist, one build each:
 *  - default mode: the in-frame app (/w/<key>), a page;
 *  - `--mode console`: the agent console (/console), a page;
 *  - `--mode loader`: the script merchants paste, one self-contained IIFE with no framework.
 * The loader must be a single classic script. The app and the console are built apart so that
 * neither page's chunks are shaped by the other's code: built together they shared a Preact
 * chunk, one more file (and its own compression overhead) on the shopper's first load.
 */
export default defineConfig(({ mode }) => {
  const shared = {
    oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } },
    logLevel: 'warn' as const,
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
    root: widgetSrc,
    base: '/',
    build: {
      outDir,
      // The app build runs first and starts from an empty folder; the others add to it.
      emptyOutDir: page === 'app',
      target: 'es2020',
      modulePreload: { polyfill: false },
      rolldownOptions: { input: { [page]: `${widgetSrc}/${page}/index.html` } },
    },
  }
})

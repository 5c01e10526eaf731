import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const widgetSrc = fileURLToPath(new URL('./widget/src', import.meta.url))
const outDir = fileURLToPath(new URL('./widget/dist', import.meta.url))

/**
 * Builds the widget's three entries into widget/dist:
 *  - default mode: the in-frame app (/w/<key>) and the agent console (/console), as pages;
 *  - `--mode loader`: the script merchants paste, one self-contained IIFE with no framework.
 * Two builds because the loader must be a single classic script while the apps are modules.
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
  return {
    ...shared,
    root: widgetSrc,
    base: '/',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2020',
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: {
          app: `${widgetSrc}/app/index.html`,
          console: `${widgetSrc}/console/index.html`,
        },
      },
    },
  }
})

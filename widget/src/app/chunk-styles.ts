/**
 * What the build wraps each `import()` of the panel in (vite.config.ts puts this in place of
 * Vite's own preload helper): the styles a lazy chunk brings are linked, and the chunk runs once
 * they apply, so a screen never draws unstyled. Vite's helper also preloads a chunk's imports,
 * which the panel does not use (modulePreload is off: its chunks import only the first view's,
 * already here), and it cost the first view more than a kilobyte.
 */
const linked: Record<string, Promise<unknown>> = {}

function link(href: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const el = document.createElement('link')
    el.rel = 'stylesheet'
    el.href = href
    el.onload = resolve
    el.onerror = () => {
      // Forgotten, so the screen's retry links it again.
      delete linked[href]
      el.remove()
      reject(new Error(`styles did not load: ${href}`))
    }
    document.head.append(el)
  })
}

export function __vitePreload<T>(load: () => Promise<T>, deps?: string[]): Promise<T> {
  const styles = (deps ?? []).map((dep) => (linked[`/${dep}`] ??= link(`/${dep}`)))
  return Promise.all(styles).then(load)
}

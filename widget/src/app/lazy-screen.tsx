import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { needWords, useI18n, type WordsPart } from './locale.ts'

export interface LazyScreen<P> {
  /** Renders the screen once its chunk is here; a loading line before, a retry if it failed. */
  Screen: ComponentType<P>
  /** Starts fetching the chunk when the shopper is one click away; never throws. */
  prefetch: () => void
}

/**
 * A screen whose code is a separate chunk, so the panel's first load does not carry it; nor
 * its words, which come with it (the parts of the language it names, the later part unless
 * told; see needWords). The chunk is fetched once; a failed fetch (offline, a deploy in
 * progress) is forgotten, so the retry button or the next visit fetches again.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  parts: readonly WordsPart[] = ['later'],
): LazyScreen<P> {
  let chunk: Promise<ComponentType<P>> | undefined
  // Once here, later mounts render the screen at once, with no flash of the loading line.
  let arrived: { Component: ComponentType<P> } | undefined
  const fetchChunk = () => {
    // Code and words travel in parallel; a failed chunk is forgotten, so a retry fetches again.
    const words = needWords(parts)
    chunk ??= load().then(
      (Component) => Component,
      (error: unknown) => {
        chunk = undefined
        throw error
      },
    )
    return Promise.all([chunk, words]).then(([Component]) => {
      arrived = { Component }
      return Component
    })
  }

  function Screen(props: P) {
    const { t, has } = useI18n()
    const [loaded, setLoaded] = useState(arrived)
    const [failed, setFailed] = useState(false)
    const [attempt, setAttempt] = useState(0)
    const ready = loaded !== undefined && parts.every((part) => has[part])
    useEffect(() => {
      if (ready) return
      let live = true
      fetchChunk().then(
        (Component) => live && setLoaded({ Component }),
        () => live && setFailed(true),
      )
      return () => {
        live = false
      }
    }, [attempt])
    if (ready) return <loaded.Component {...props} />
    if (failed) {
      return (
        <div role="alert" class="status">
          <p>{t('panel.unavailable')}</p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setFailed(false)
              setAttempt((n) => n + 1)
            }}
          >
            {t('common.retry')}
          </button>
        </div>
      )
    }
    return (
      <p role="status" class="status" aria-busy="true">
        {t('common.loading')}
      </p>
    )
  }

  return { Screen, prefetch: () => void fetchChunk().catch(() => {}) }
}

/**
 * Runs `task` when the browser has nothing better to do (or after a second at the latest), so a
 * prefetch never competes with the screen being drawn. Returns the cancel, for an effect.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 1000 })
    return () => cancelIdleCallback(id)
  }
  // Safari has no requestIdleCallback: a short delay still lets the first paint go first.
  const id = setTimeout(task, 200)
  return () => clearTimeout(id)
}

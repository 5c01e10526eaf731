import { useEffect, useState } from 'preact/hooks'

/**
 * A value that code outside the component tree can change (the locale, from a host message)
 * and that every subscribed component re-renders with. A dozen lines instead of a state
 * library: the panel's budget is 30 KB for everything.
 */
export interface Store<T> {
  get(): T
  set(value: T): void
  subscribe(listener: () => void): () => void
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return
      value = next
      for (const listener of [...listeners]) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** The store's current value; the component re-renders whenever it changes. */
export function useStore<T>(store: Store<T>): T {
  const [, setTick] = useState(0)
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1)
    const unsubscribe = store.subscribe(rerender)
    // A change between this component's render and this effect would otherwise be missed.
    rerender()
    return unsubscribe
  }, [store])
  return store.get()
}

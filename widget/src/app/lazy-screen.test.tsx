import { screen } from '@testing-library/dom'
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { lazyScreen } from './lazy-screen.tsx'
import { startLocale } from './locale.ts'
import { click, settle } from './test-support.tsx'

function Greeting(props: { name: string }) {
  return <p>Hello {props.name}</p>
}

/** A chunk whose arrival the test decides, counting how often it was asked for. */
function controlledChunk() {
  const chunk = {
    calls: 0,
    resolve: (_: typeof Greeting) => {},
    reject: (_: Error) => {},
    load: () => {
      chunk.calls++
      return new Promise<typeof Greeting>((resolve, reject) => {
        chunk.resolve = resolve
        chunk.reject = reject
      })
    },
  }
  return chunk
}

// The panel draws once its first words are here (main.tsx); so do these screens.
beforeAll(() => startLocale('', ['en']))

let host: HTMLElement | undefined
async function show(node: preact.ComponentChild) {
  host = document.body.appendChild(document.createElement('div'))
  await act(() => render(node, host!))
}
afterEach(async () => {
  if (host) await act(() => render(null, host!))
  host?.remove()
})

describe('a lazily loaded screen', () => {
  it('says it is loading, then shows the screen with its props once the chunk is here', async () => {
    const chunk = controlledChunk()
    const Lazy = lazyScreen(chunk.load)
    await show(<Lazy.Screen name="Ada" />)
    expect(screen.getByRole('status').textContent).toBe('Loading…')
    await act(() => chunk.resolve(Greeting))
    await settle()
    expect(screen.getByText('Hello Ada')).toBeTruthy()
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('fetches the chunk once, however often it is prefetched and shown', async () => {
    const chunk = controlledChunk()
    const Lazy = lazyScreen(chunk.load)
    Lazy.prefetch()
    Lazy.prefetch()
    await show(<Lazy.Screen name="Bruno" />)
    await act(() => chunk.resolve(Greeting))
    await settle()
    expect(screen.getByText('Hello Bruno')).toBeTruthy()
    expect(chunk.calls).toBe(1)
  })

  it('offers a retry when the chunk cannot be fetched, and the retry fetches again', async () => {
    const chunk = controlledChunk()
    const Lazy = lazyScreen(chunk.load)
    await show(<Lazy.Screen name="Chidi" />)
    await act(() => chunk.reject(new Error('offline')))
    await settle()
    expect(screen.getByRole('alert').textContent).toContain('unavailable')
    await click(screen.getByRole('button', { name: 'Try again' }))
    expect(chunk.calls).toBe(2)
    await act(() => chunk.resolve(Greeting))
    await settle()
    expect(screen.getByText('Hello Chidi')).toBeTruthy()
  })

  it('a failed prefetch is not an unhandled error and does not stop the screen from loading', async () => {
    const chunk = controlledChunk()
    const Lazy = lazyScreen(chunk.load)
    Lazy.prefetch()
    await act(() => chunk.reject(new Error('offline')))
    await show(<Lazy.Screen name="Dee" />)
    expect(chunk.calls).toBe(2)
    await act(() => chunk.resolve(Greeting))
    await settle()
    expect(screen.getByText('Hello Dee')).toBeTruthy()
  })

  it('shows the screen at once when mounted again after its chunk arrived', async () => {
    const chunk = controlledChunk()
    const Lazy = lazyScreen(chunk.load)
    await show(<Lazy.Screen key="first" name="Eve" />)
    await act(() => chunk.resolve(Greeting))
    await settle()
    await act(() => render(<Lazy.Screen key="second" name="Eve again" />, host!))
    expect(screen.getByText('Hello Eve again')).toBeTruthy()
    expect(screen.queryByRole('status')).toBeNull()
    expect(chunk.calls).toBe(1)
  })
})

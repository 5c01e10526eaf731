import { render } from 'preact'
import { App } from './app.tsx'
import { startLocale } from './locale.ts'
import './app.css'

// Fetched alongside the store's config, so a non-English catalog costs no extra round trip.
void startLocale(location.search, navigator.languages ?? [navigator.language])

const root = document.getElementById('root')
if (root) {
  // The page's skeleton goes: Preact would otherwise reuse its nodes, attributes and all.
  root.replaceChildren()
  render(<App />, root)
}

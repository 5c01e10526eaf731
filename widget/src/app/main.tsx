import { render } from 'preact'
import { fetchConfig, storeKeyFromPath } from './api.ts'
import { App } from './app.tsx'
import { startLocale } from './locale.ts'
import './app.css'

// The first words and the store's config are fetched side by side: the first screen needs both,
// so the words (a chunk in every language, English too) cost no extra round trip.
const words = startLocale(location.search, navigator.languages ?? [navigator.language])
const config = fetchConfig(storeKeyFromPath(location.pathname))

const root = document.getElementById('root')
// The page's skeleton stays until the words are here: no screen is drawn in a language the
// shopper does not read, nor with keys in place of words.
void words.finally(() => {
  if (!root) return
  // The skeleton goes: Preact would otherwise reuse its nodes, attributes and all.
  root.replaceChildren()
  render(<App config={config} />, root)
})

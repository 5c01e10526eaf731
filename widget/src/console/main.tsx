import { render } from 'preact'
import { ConsoleApp } from './app.tsx'
import './console.css'

const root = document.getElementById('root')
if (root) render(<ConsoleApp />, root)

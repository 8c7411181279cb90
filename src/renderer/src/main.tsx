import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { applySettings } from './settings'
import './styles.css'

// The last known theme and text size, before the first paint (the archive's copy follows).
applySettings()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)

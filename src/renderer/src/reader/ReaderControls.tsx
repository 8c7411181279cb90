import { useEffect, useState } from 'react'

export interface ReaderPrefs {
  size: number
  width: 'narrow' | 'medium' | 'wide'
  theme: 'auto' | 'light' | 'dark'
}
const KEY = 'clipfile.reader'
const DEFAULTS: ReaderPrefs = { size: 19, width: 'medium', theme: 'auto' }
const WIDTHS = { narrow: '580px', medium: '680px', wide: '820px' }

function load(): ReaderPrefs {
  try {
    return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<ReaderPrefs>) }
  } catch {
    return DEFAULTS
  }
}

/** Font size, line width and theme, remembered between sessions. */
export function useReaderPrefs(): [ReaderPrefs, (p: Partial<ReaderPrefs>) => void] {
  const [prefs, setPrefs] = useState(load)
  useEffect(() => {
    localStorage.setItem(KEY, JSON.stringify(prefs))
    const root = document.documentElement
    root.style.setProperty('--reader-size', `${prefs.size}px`)
    root.style.setProperty('--measure', WIDTHS[prefs.width])
    if (prefs.theme === 'auto') delete root.dataset.theme
    else root.dataset.theme = prefs.theme
  }, [prefs])
  return [prefs, (p) => setPrefs((old) => ({ ...old, ...p, size: Math.min(28, Math.max(14, p.size ?? old.size)) }))]
}

export function ReaderControls({ prefs, set }: { prefs: ReaderPrefs; set: (p: Partial<ReaderPrefs>) => void }) {
  return (
    <div className="reader-controls" role="group" aria-label="Reading settings">
      <button className="btn btn-ghost btn-small" aria-label="Smaller text" title="Smaller text (−)" onClick={() => set({ size: prefs.size - 1 })}>A−</button>
      <button className="btn btn-ghost btn-small" aria-label="Larger text" title="Larger text (+)" onClick={() => set({ size: prefs.size + 1 })} style={{ fontSize: 16 }}>A+</button>
      <select className="select" aria-label="Line width" value={prefs.width} onChange={(e) => set({ width: e.target.value as ReaderPrefs['width'] })}>
        <option value="narrow">Narrow</option>
        <option value="medium">Medium</option>
        <option value="wide">Wide</option>
      </select>
      <select className="select" aria-label="Theme" value={prefs.theme} onChange={(e) => set({ theme: e.target.value as ReaderPrefs['theme'] })}>
        <option value="auto">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  )
}

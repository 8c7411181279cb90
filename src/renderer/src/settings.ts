/**
 * App-wide preferences in the renderer: read from the archive (getSettings), applied to the
 * whole document (theme, reader text size and width), changed from anywhere. A copy is kept
 * in localStorage only so that the first paint of a reload already has the right theme; the
 * archive is the truth (serve mode gets a new origin, with empty storage, on every port).
 */
import { useSyncExternalStore } from 'react'
import type { Settings } from '../../shared/types'
import { DEFAULT_SETTINGS } from '../../shared/settings'
import { TEXT_SIZE } from '../../shared/vocabulary'
import { clipfile } from './bridge'

const CACHE_KEY = 'clipfile.settings'
const WIDTHS = { narrow: '580px', medium: '680px', wide: '820px' } as const

function cached(): Settings {
  try {
    return { ...DEFAULT_SETTINGS, ...(JSON.parse(localStorage.getItem(CACHE_KEY) ?? '{}') as Partial<Settings>) }
  } catch {
    return DEFAULT_SETTINGS
  }
}

let settings: Settings = cached()
let loaded = false
const listeners = new Set<() => void>()

/** Puts the preferences on the page: theme, text size, line width. */
export function applySettings(s: Settings = settings): void {
  const root = document.documentElement
  root.style.setProperty('--reader-size', `${s.textSize}px`)
  root.style.setProperty('--measure', WIDTHS[s.lineWidth])
  if (s.theme === 'auto') delete root.dataset.theme
  else root.dataset.theme = s.theme
}

function set(next: Settings): void {
  settings = next
  localStorage.setItem(CACHE_KEY, JSON.stringify(next))
  applySettings(next)
  listeners.forEach((fn) => fn())
}

/** Reads the archive's preferences (once at start, and when asked again). */
export async function loadSettings(): Promise<void> {
  const r = await clipfile.getSettings({})
  if (r.ok) set(r.value)
  loaded = true
}

/** Changes preferences at once on screen, then in the archive; the archive's answer wins. */
export async function updateSettings(patch: Partial<Settings>): Promise<string | null> {
  const clamped = patch.textSize === undefined ? patch : { ...patch, textSize: Math.min(TEXT_SIZE.max, Math.max(TEXT_SIZE.min, patch.textSize)) }
  set({ ...settings, ...clamped })
  const r = await clipfile.updateSettings(clamped)
  if (r.ok) {
    set(r.value)
    return null
  }
  return r.error.message
}

const subscribe = (fn: () => void) => {
  listeners.add(fn)
  return () => void listeners.delete(fn)
}

/** The current preferences (re-renders when they change). */
export function useSettings(): Settings {
  return useSyncExternalStore(subscribe, () => settings)
}

/** Whether the archive's preferences have arrived (before that, the cached copy is shown). */
export const settingsLoaded = (): boolean => loaded

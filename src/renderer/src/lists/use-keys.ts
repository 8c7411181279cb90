import { useEffect, useEffectEvent } from 'react'
import { isTyping } from '../keys'

/** A key as the shortcut tables name it: the character typed, with Shift only for letters ("Shift+N"). */
export function keyName(e: KeyboardEvent): string {
  if (e.key.length === 1 && /[a-z]/i.test(e.key)) return e.shiftKey ? `Shift+${e.key.toUpperCase()}` : e.key.toLowerCase()
  return e.key
}

/** Whether a modal dialog, or the sidebar over the page, is open (their own keys win over the page's). */
export const dialogOpen = (): boolean => document.querySelector('[aria-modal="true"], .sidebar.is-overlay') !== null

/**
 * Plain-key shortcuts for one part of the UI, while `enabled`: not while typing in a field,
 * not with Ctrl/Alt/Cmd, not under a dialog. A handler returning false lets the key through.
 */
export function useKeys(map: Record<string, (e: KeyboardEvent) => boolean | void>, enabled = true): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (!enabled || e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target) || dialogOpen()) return
    const fn = map[keyName(e)]
    if (fn && fn(e) !== false) e.preventDefault()
  })
  useEffect(() => {
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

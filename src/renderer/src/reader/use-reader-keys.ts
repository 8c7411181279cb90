import { useEffect, useEffectEvent } from 'react'
import { isTyping } from '../keys'

export interface ReaderKeys {
  /** Whether the toolbar is open (Esc closes it, even from a field). */
  open: boolean
  /** Whether there are selected words to highlight (read when a key is pressed: may be a getter). */
  readonly canHighlight: boolean
  /** Whether a highlight is selected. */
  hasHighlight: boolean
  close(): void
  highlight(): void
  /** Highlight the words (or take the selected highlight) and edit its note or tags. */
  edit(field: 'note' | 'tags'): void
  copy(): void
  remove(): void
  textSize(step: 1 | -1): void
}

/** The reader's keys: h highlight, n note, t tags, c copy, Delete remove, Esc close, +/- text size. */
export function useReaderKeys(keys: ReaderKeys): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.key === 'Escape' && keys.open) {
      // Taken: Esc closes the toolbar, it does not also leave the article.
      e.preventDefault()
      return keys.close()
    }
    if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return
    const k = e.key.toLowerCase()
    if (k === 'h' && keys.canHighlight) keys.highlight()
    else if ((k === 'n' || k === 't') && (keys.canHighlight || keys.hasHighlight)) keys.edit(k === 'n' ? 'note' : 'tags')
    else if (k === 'c' && keys.hasHighlight) keys.copy()
    else if ((e.key === 'Delete' || e.key === 'Backspace') && keys.hasHighlight) keys.remove()
    else if (e.key === '+' || e.key === '=') keys.textSize(1)
    else if (e.key === '-') keys.textSize(-1)
    else return
    e.preventDefault()
  })
  useEffect(() => {
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

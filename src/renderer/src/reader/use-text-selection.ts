import { useEffect, useEffectEvent, useState } from 'react'
import type { EditorView } from 'prosemirror-view'
import { readSelection, type TextSelection } from './selection'

/**
 * The words the user has selected in the reader (as plain-text offsets), read after each
 * mouse or keyboard selection; null when nothing is selected there.
 */
export function useTextSelection(view: EditorView | null, onSelect: () => void): [TextSelection | null, () => void] {
  const [selection, setSelection] = useState<TextSelection | null>(null)
  const selected = useEffectEvent(onSelect)
  useEffect(() => {
    if (!view) return
    const onUp = () =>
      // After the browser has settled the selection.
      setTimeout(() => {
        const sel = readSelection(view)
        setSelection(sel)
        if (sel) selected()
      }, 0)
    document.addEventListener('mouseup', onUp)
    document.addEventListener('keyup', onUp)
    return () => {
      document.removeEventListener('mouseup', onUp)
      document.removeEventListener('keyup', onUp)
    }
  }, [view])
  const clear = () => {
    setSelection(null)
    window.getSelection()?.removeAllRanges()
  }
  return [selection, clear]
}

import type { EditorView } from 'prosemirror-view'
import { TextSelection as PMTextSelection, type Transaction } from 'prosemirror-state'
import { docText, posToTextOffset, type DocText } from '../../../shared/reader/text'

export interface TextSelection {
  start: number
  end: number
  /** Where the selection is on screen, for placing the toolbar. */
  rect: { top: number; left: number; bottom: number; right: number }
}

const cache = new WeakMap<object, DocText>()
/** The plain text and offset map of the view's document (computed once per document). */
export function textOf(view: EditorView): DocText {
  let t = cache.get(view.state.doc)
  if (!t) {
    t = docText(view.state.doc)
    cache.set(view.state.doc, t)
  }
  return t
}

/**
 * The user's selection inside the reader as plain-text offsets (what highlights store), read
 * from the DOM selection — the view is read-only, so ProseMirror's own selection is not
 * the source of truth here.
 */
export function readSelection(view: EditorView): TextSelection | null {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const range = sel.getRangeAt(0)
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return null
  let from: number
  let to: number
  try {
    from = view.posAtDOM(range.startContainer, range.startOffset)
    to = view.posAtDOM(range.endContainer, range.endOffset)
  } catch {
    return null
  }
  const { segments, text } = textOf(view)
  let start = posToTextOffset(segments, Math.min(from, to))
  let end = posToTextOffset(segments, Math.max(from, to))
  // Trim white space the mouse picked up at either end.
  while (start < end && /\s/.test(text[start] ?? '')) start++
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--
  if (end <= start) return null
  const r = range.getBoundingClientRect()
  return { start, end, rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right } }
}

/**
 * A read-only view writes its own idea of the selection back into the DOM whenever it
 * updates, and that idea lags behind the mouse. Our decoration transactions therefore carry
 * the selection as the DOM has it now, so updating a highlight never brings back an old one.
 */
export function withDomSelection(view: EditorView, tr: Transaction): Transaction {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0) return tr
  const range = sel.getRangeAt(0)
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return tr
  try {
    const from = view.posAtDOM(range.startContainer, range.startOffset)
    const to = view.posAtDOM(range.endContainer, range.endOffset)
    return tr.setSelection(PMTextSelection.between(tr.doc.resolve(Math.min(from, to)), tr.doc.resolve(Math.max(from, to))))
  } catch {
    return tr
  }
}

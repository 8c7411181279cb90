import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Highlight } from '../../../shared/api'
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/vocabulary'
import { TagInput } from '../components/TagInput'

export type ToolbarFocus = 'note' | 'tags' | null

interface Props {
  /** Where the text it belongs to is on screen now (viewport coordinates), or null. */
  locate: () => { top: number; left: number; bottom: number; right: number } | null
  /** The highlight being edited, or null while offering to highlight a selection. */
  highlight: Highlight | null
  focus: ToolbarFocus
  tagSuggestions: string[]
  onHighlight: (color: HighlightColor) => void
  onUpdate: (patch: { color?: HighlightColor; note?: string; tags?: string[] }) => void
  onDelete: () => void
  onCopy: () => void
  onClose: () => void
  onWantFocus: (f: ToolbarFocus) => void
}

export const COLOR_NAMES: Record<HighlightColor, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' }

/** The small toolbar over a selection (to highlight) or a highlight (to edit it). */
export function Toolbar(p: Props) {
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const tagsRef = useRef<HTMLInputElement>(null)
  const [note, setNote] = useState(p.highlight?.note ?? '')
  // Another highlight, or its note saved: the field starts again from the stored note.
  const noteOf = `${p.highlight?.id}\u0000${p.highlight?.note ?? ''}`
  const [shownNoteOf, setShownNoteOf] = useState(noteOf)
  if (shownNoteOf !== noteOf) {
    setShownNoteOf(noteOf)
    setNote(p.highlight?.note ?? '')
  }
  useEffect(() => {
    if (p.focus === 'note') noteRef.current?.focus()
    if (p.focus === 'tags') tagsRef.current?.focus()
  }, [p.focus, p.highlight?.id])

  // The toolbar follows its text (scrolling, resizing, a highlight redrawn): placed on the
  // element directly, after every render, with no state of its own.
  const box = useRef<HTMLDivElement>(null)
  const locate = p.locate
  useLayoutEffect(() => {
    const place = () => {
      const el = box.current
      const at = locate()
      if (!el || !at) return
      // Above the text when there is room (so it covers nothing being read), else below it.
      const above = at.top - el.offsetHeight - 10
      const top = above > 70 ? above : Math.min(at.bottom + 10, window.innerHeight - el.offsetHeight - 10)
      el.style.top = `${top}px`
      el.style.left = `${Math.max(12, Math.min((at.left + at.right) / 2 - 170, window.innerWidth - 352))}px`
    }
    place()
    window.addEventListener('scroll', place, true)
    window.addEventListener('resize', place)
    return () => {
      window.removeEventListener('scroll', place, true)
      window.removeEventListener('resize', place)
    }
  })

  const h = p.highlight
  const saveNote = () => h && note !== h.note && p.onUpdate({ note })
  return (
    <div className="hl-toolbar" role="toolbar" aria-label={h ? 'Edit highlight' : 'Highlight selection'} ref={box}
      onMouseDown={(e) => e.target === e.currentTarget && e.preventDefault()}>
      <div className="hl-row">
        {HIGHLIGHT_COLORS.map((c) => (
          <button key={c} className={`swatch swatch-${c}${h?.color === c ? ' is-current' : ''}`}
            aria-label={h ? `Colour ${COLOR_NAMES[c]}` : `Highlight ${COLOR_NAMES[c]}`} aria-pressed={h ? h.color === c : undefined}
            title={h ? `${COLOR_NAMES[c]}` : `Highlight ${COLOR_NAMES[c].toLowerCase()}${c === 'yellow' ? ' (H)' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => (h ? p.onUpdate({ color: c }) : p.onHighlight(c))} />
        ))}
        <span className="hl-sep" />
        {!h && (
          <>
            <button className="btn btn-ghost btn-small" onMouseDown={(e) => e.preventDefault()} onClick={() => p.onWantFocus('note')} title="Highlight and add a note (N)">Note</button>
            <button className="btn btn-ghost btn-small" onMouseDown={(e) => e.preventDefault()} onClick={() => p.onWantFocus('tags')} title="Highlight and tag (T)">Tag</button>
          </>
        )}
        {h && (
          <>
            <button className="btn btn-ghost btn-small" onClick={p.onCopy} title="Copy the quote with its citation (C)">Copy</button>
            <button className="btn btn-ghost btn-small danger" onClick={p.onDelete} aria-label="Delete highlight" title="Delete highlight (Delete)">Delete</button>
          </>
        )}
        <button className="btn btn-ghost btn-small" onClick={p.onClose} aria-label="Close toolbar" title="Close (Esc)">×</button>
      </div>
      {h && (
        <div className="hl-edit">
          <textarea ref={noteRef} aria-label="Note" className="hl-note" placeholder="Add a note…" value={note} rows={2}
            onChange={(e) => setNote(e.target.value)} onBlur={saveNote}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation()
                saveNote()
                p.onClose()
              }
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) saveNote()
            }} />
          <TagInput tags={h.tags} suggestions={p.tagSuggestions} inputRef={tagsRef} onChange={(tags) => p.onUpdate({ tags })} onEscape={p.onClose} />
        </div>
      )}
    </div>
  )
}

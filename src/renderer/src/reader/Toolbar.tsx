import { useEffect, useRef, useState } from 'react'
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../../shared/api'
import { TagInput } from '../components/TagInput'

export type ToolbarFocus = 'note' | 'tags' | null

interface Props {
  /** The place on screen to sit under (viewport coordinates). */
  anchor: { top: number; left: number; bottom: number; right: number }
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
  useEffect(() => setNote(p.highlight?.note ?? ''), [p.highlight?.id, p.highlight?.note])
  useEffect(() => {
    if (p.focus === 'note') noteRef.current?.focus()
    if (p.focus === 'tags') tagsRef.current?.focus()
  }, [p.focus, p.highlight?.id])

  const h = p.highlight
  // Above the text when there is room (so it covers nothing being read), else below it.
  const height = h ? 150 : 46
  const above = p.anchor.top - height - 10
  const top = above > 70 ? above : Math.min(p.anchor.bottom + 10, window.innerHeight - height - 10)
  const left = Math.max(12, Math.min((p.anchor.left + p.anchor.right) / 2 - 170, window.innerWidth - 352))
  const saveNote = () => h && note !== h.note && p.onUpdate({ note })
  return (
    <div className="hl-toolbar" role="toolbar" aria-label={h ? 'Edit highlight' : 'Highlight selection'} style={{ top, left }}
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

import { useMemo, useState } from 'react'
import type { Highlight } from '../../../shared/api'
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/vocabulary'
import { COLOR_NAMES } from './Toolbar'
import { ExportMenu } from '../components/ExportMenu'

interface Props {
  articleId: number
  highlights: Highlight[]
  selectedId: number | null
  onPick: (h: Highlight) => void
}

const PAGE = 100
const selectedIndex = (list: Highlight[], id: number | null) => (id === null ? -1 : list.findIndex((h) => h.id === id))

/** Every highlight of the article in reading order, filterable by colour and tag. */
export function HighlightsPanel({ articleId, highlights, selectedId, onPick }: Props) {
  const [color, setColor] = useState<HighlightColor | null>(null)
  const [tag, setTag] = useState('')
  const tags = useMemo(() => [...new Set(highlights.flatMap((h) => h.tags))].sort((a, b) => a.localeCompare(b)), [highlights])
  const ordered = useMemo(
    () => [...highlights].sort((a, b) => Number(a.orphan) - Number(b.orphan) || a.start - b.start || a.end - b.end),
    [highlights]
  )
  const matching = ordered.filter((h) => (!color || h.color === color) && (!tag || h.tags.includes(tag)))
  // A long list is drawn a page at a time, so a heavily annotated article opens fast.
  const [limit, setLimit] = useState(PAGE)
  const shown = matching.slice(0, Math.max(limit, selectedIndex(matching, selectedId) + 1))
  return (
    <aside className="hl-panel" aria-label="Highlights">
      <div className="hl-panel-head">
        <h2>Highlights <span className="nav-count">{highlights.length}</span></h2>
        <ExportMenu articleId={articleId} disabled={highlights.length === 0} />
      </div>
      {highlights.length > 0 && (
        <div className="hl-filters">
          <div className="hl-filter-colors" role="group" aria-label="Filter by colour">
            {HIGHLIGHT_COLORS.map((c) => (
              <button key={c} className={`swatch swatch-${c} swatch-small${color === c ? ' is-current' : ''}`} aria-pressed={color === c}
                aria-label={`Only ${COLOR_NAMES[c].toLowerCase()}`} onClick={() => setColor(color === c ? null : c)} />
            ))}
          </div>
          {tags.length > 0 && (
            <select className="select" aria-label="Filter by tag" value={tag} onChange={(e) => setTag(e.target.value)}>
              <option value="">All tags</option>
              {tags.map((t) => <option key={t}>{t}</option>)}
            </select>
          )}
        </div>
      )}
      {highlights.length === 0 && (
        <p className="hl-empty">Select text in the article to highlight it. <span className="kbd">H</span> highlights, <span className="kbd">N</span> adds a note, <span className="kbd">T</span> tags it.</p>
      )}
      <ol className="hl-list">
        {shown.map((h) => (
          <li key={h.id}>
            <button className={`hl-item${h.id === selectedId ? ' is-selected' : ''}`} onClick={() => onPick(h)} aria-current={h.id === selectedId}>
              <span className={`hl-bar hl-bar-${h.color}`} aria-hidden="true" />
              <span className="hl-quote">{clip(h.orphan ? h.originalExact : h.exact)}</span>
              {h.changedIn !== null ? <ChangedNote h={h} /> : h.orphan && <span className="hl-orphan">Not found in the current text</span>}
              {h.note && <span className="hl-note-text">{h.note}</span>}
              {h.author && <span className="hl-author">by {h.author}</span>}
              {h.tags.length > 0 && <span className="row-tags">{h.tags.map((t) => <span className="tag" key={t}>{t}</span>)}</span>}
            </button>
          </li>
        ))}
      </ol>
      {matching.length > shown.length && (
        <button className="btn btn-small" style={{ marginTop: 10, width: '100%' }} onClick={() => setLimit((l) => l + 500)}>
          Show more ({shown.length} of {matching.length})
        </button>
      )}
    </aside>
  )
}

const clip = (s: string): string => (s.length > 280 ? s.slice(0, 280) + '…' : s)

/** A highlight whose words changed or vanished in a later version: both texts, never silently moved. */
function ChangedNote({ h }: { h: Highlight }) {
  if (h.orphan) return <span className="hl-changed-note">Gone from the article in version {h.changedIn}. This is what you highlighted.</span>
  return (
    <span className="hl-changed-note">
      Changed after you highlighted it (version {h.changedIn}). You highlighted:
      <del><q>{clip(h.originalExact)}</q></del>
    </span>
  )
}

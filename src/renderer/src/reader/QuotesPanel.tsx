import { useState } from 'react'
import type { DetectedQuoteRow } from '../../../shared/api'
import { speakerCertainty } from './speaker-certainty'
import { routeHref } from '../route'
import { PeopleIcon } from '../components/icons'

interface Props {
  quotes: DetectedQuoteRow[]
  onPreview: (q: DetectedQuoteRow | null) => void
  onHighlight: (q: DetectedQuoteRow) => void
  onSpeaker: (q: DetectedQuoteRow, speaker: string | null) => void
  onShow: (q: DetectedQuoteRow) => void
}

const LEVEL_LABEL = { stated: 'high', probable: 'medium', guess: 'low' } as const

/** The quotations Clipfile found in the article: who said what, to keep as highlights in one click. */
export function QuotesPanel({ quotes, onPreview, onHighlight, onSpeaker, onShow }: Props) {
  const [editing, setEditing] = useState<number | null>(null)
  const [draft, setDraft] = useState('')
  const speech = quotes.filter((q) => q.kind !== 'scare')
  const scare = quotes.filter((q) => q.kind === 'scare')
  const row = (q: DetectedQuoteRow) => {
    // An uncertain speaker is shown as a question, with why (src/main/quotes/confidence.ts).
    const sure = q.speaker ? speakerCertainty(q.speaker, q.confidence, q.corrected) : null
    const level = sure ? LEVEL_LABEL[sure.level] : 'low'
    return (
      <li key={q.id}>
        <div className={`dq-item${q.kind === 'scare' ? ' is-scare' : ''}`} tabIndex={0}
          aria-label={`Quote by ${sure?.label ?? 'unknown speaker'}: ${q.text}`}
          onMouseEnter={() => onPreview(q)} onMouseLeave={() => onPreview(null)} onFocus={() => onPreview(q)} onBlur={() => onPreview(null)}
          onKeyDown={(e) => {
            if (e.target !== e.currentTarget) return
            if (e.key === 'q' && q.highlightId === null) { e.preventDefault(); onHighlight(q) }
            if (e.key === 'Enter') onShow(q)
          }}>
          <button className="dq-quote" onClick={() => onShow(q)} title="Show in the text">“{q.text.length > 240 ? q.text.slice(0, 240) + '…' : q.text}”</button>
          <div className="dq-meta">
            {editing === q.id ? (
              <form onSubmit={(e) => { e.preventDefault(); onSpeaker(q, draft.trim() || null); setEditing(null) }} className="dq-edit">
                <input className="input" aria-label="Speaker" autoFocus value={draft} onChange={(e) => setDraft(e.target.value)}
                  onKeyDown={(e) => e.key === 'Escape' && setEditing(null)} placeholder="Who said it?" />
                <button className="btn btn-small btn-primary" type="submit">Save</button>
              </form>
            ) : (
              <>
                <span className={`dq-speaker${sure && sure.level !== 'stated' ? ' dq-uncertain' : ''}`}>
                  {sure ? sure.label : q.kind === 'scare' ? 'Not speech?' : 'Unknown speaker'}
                </span>
                <span className={`dq-conf dq-${level}`} title={`Confidence ${Math.round(q.confidence * 100)}%`}>
                  {q.corrected ? 'corrected' : level}
                </span>
                <button className="btn btn-ghost btn-small" onClick={() => { setEditing(q.id); setDraft(q.speaker ?? '') }} aria-label={`Correct the speaker of “${q.text.slice(0, 40)}”`}>Edit</button>
                {q.highlightId === null ? (
                  <button className="btn btn-small" onClick={() => onHighlight(q)} title="Highlight, tagged with the speaker (Q)">Highlight</button>
                ) : (
                  <span className="dq-done">Highlighted</span>
                )}
              </>
            )}
          </div>
          {sure?.reason && editing !== q.id && <p className="hint dq-reason">Speaker uncertain: {sure.reason}. Edit if you know better.</p>}
        </div>
      </li>
    )
  }
  return (
    <aside className="hl-panel" aria-label="Detected quotes">
      <div className="hl-panel-head">
        <h2>Quotes <span className="nav-count">{speech.length}</span></h2>
        <a className="side-link" href={routeHref({ view: 'people' })} aria-label="Everyone quoted across the archive" title="People: everyone quoted across your archive">
          <PeopleIcon /> People
        </a>
      </div>
      {quotes.length === 0 && <p className="hl-empty">No quotations found in this article.</p>}
      {speech.length > 0 && <p className="hint" style={{ marginBottom: 8 }}>Found by Clipfile. Hover to see one in the text; <span className="kbd">Q</span> or Highlight keeps it, tagged with the speaker.</p>}
      <ol className="hl-list">{speech.map(row)}</ol>
      {scare.length > 0 && (
        <details className="dq-scare">
          <summary>{scare.length} in quotation marks, probably not speech</summary>
          <ol className="hl-list">{scare.map(row)}</ol>
        </details>
      )}
    </aside>
  )
}

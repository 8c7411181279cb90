/**
 * One row of the library or of search results, at a fixed height (the lists are windowed):
 * a box to select it, where it is from, its title, a line of text (excerpt or the search's
 * snippet), tags, and on the right the date, the star and how far it has been read.
 */
import { memo, type MouseEvent } from 'react'
import type { ArticleSummary, SearchHit } from '../../../shared/types'
import { formatDate } from '../hooks'
import { Snippet } from '../components/Snippet'
import { HighlighterIcon, StarIcon } from '../components/icons'
import { dateTime } from '../versions/labels'
import '../versions/versions.css'

export const LIBRARY_ROW_HEIGHT = 104
export const SEARCH_ROW_HEIGHT = 128

export type RowItem = ArticleSummary | SearchHit
const isHit = (item: RowItem): item is SearchHit => 'snippet' in item

interface Props {
  item: RowItem | undefined
  index: number
  href: string
  selected: boolean
  cursor: boolean
  /** Say which list it is in (lists that mix the inbox and the archive). */
  showState: boolean
  onSelect: (item: RowItem, index: number, range: boolean) => void
  onStar: (item: RowItem) => void
  /** A click on the row itself (not its box or star): the keyboard's row follows the mouse. */
  onPoint: (index: number) => void
}

/** "62%", "Read", or nothing for an article never opened (its title carries a dot instead). */
export function progressLabel(item: Pick<RowItem, 'progress' | 'readAt'>): string | null {
  if (!item.readAt) return null
  if (item.progress >= 0.98) return 'Read'
  return `${Math.round(item.progress * 100)}%`
}

export const ArticleRow = memo(function ArticleRow({ item, index, href, selected, cursor, showState, onSelect, onStar, onPoint }: Props) {
  if (!item) {
    return (
      <div className="row row-loading" aria-busy="true">
        <span />
        <div className="row-main">
          <span className="skeleton" style={{ width: '28%' }} />
          <span className="skeleton skeleton-title" style={{ width: `${55 + ((index * 37) % 35)}%` }} />
          <span className="skeleton" style={{ width: '80%' }} />
        </div>
      </div>
    )
  }
  const hit = isHit(item) ? item : null
  const summary = isHit(item) ? null : item
  const progress = progressLabel(item)
  const pick = (e: MouseEvent) => {
    // Shift+click anywhere on a row extends the selection instead of opening it.
    if (e.shiftKey) {
      e.preventDefault()
      onSelect(item, index, true)
    }
  }
  return (
    <div className={`row${selected ? ' is-selected' : ''}${cursor ? ' is-cursor' : ''}${item.readAt ? '' : ' is-unread'}`} onMouseDown={() => onPoint(index)}>
      <input
        type="checkbox"
        className="row-check"
        checked={selected}
        aria-label={`Select “${item.title}”`}
        // Not preventDefault: a controlled checkbox whose click is cancelled is drawn unticked
        // although it is selected (the browser undoes the toggle after React has rendered).
        onClick={(e) => onSelect(item, index, e.shiftKey)}
        onChange={() => undefined}
      />
      <a className="row-main" href={href} onClick={pick} aria-current={cursor ? 'true' : undefined}>
        <span className="row-kicker">
          {item.site && <span className="row-site">{item.site}</span>}
          {item.byline && <span className="row-byline">{item.byline}</span>}
          {showState && item.state === 'archive' && <span className="state-pill">Archived</span>}
        </span>
        <span className="row-title" title={item.title} dir={item.dir === 'rtl' ? 'rtl' : undefined}>
          {!item.readAt && <span className="unread-dot" aria-label="Unread" />}
          {item.title}
        </span>
        {hit ? (
          <span className="row-snippet" dir={hit.dir}>{hit.snippet ? <Snippet text={hit.snippet} /> : null}</span>
        ) : (
          summary?.excerpt && <span className="row-excerpt" dir={summary.dir === 'rtl' ? 'rtl' : undefined}>{summary.excerpt}</span>
        )}
        <span className="row-foot">
          {summary && (
            <span className="row-meta">
              {summary.wordCount.toLocaleString()} words
              {summary.changedAt && (
                <span className="updated-mark" title={`Changed after it was saved — last on ${dateTime(summary.changedAt)}; ${summary.versions} versions kept`}>Updated</span>
              )}
              {summary.highlightCount > 0 && (
                <span className="pill" title={`${summary.highlightCount} highlights`}><HighlighterIcon /> {summary.highlightCount}</span>
              )}
            </span>
          )}
          {hit && hit.highlights.length > 0 && (
            <span className={`quote-chip hl-${hit.highlights[0].color}`} title={hit.highlights.map((h) => h.exact).join('\n\n')}>
              <HighlighterIcon /> {hit.highlights[0].exact}
              {hit.highlights.length > 1 && <b> +{hit.highlights.length - 1}</b>}
            </span>
          )}
          {item.tags.map((t) => (
            <span className="tag" key={t}>{t}</span>
          ))}
        </span>
      </a>
      <div className="row-side">
        {item.publishedAt ? (
          <span className="row-date" title={`Published ${item.publishedAt}`}>{formatDate(item.publishedAt)}</span>
        ) : (
          <span className="row-date saved-date" title={`No published date on the page; saved ${item.savedAt}`}>saved {formatDate(item.savedAt)}</span>
        )}
        <button className={`star-btn${item.starred ? ' is-on' : ''}`} aria-label="Star" aria-pressed={item.starred} title={item.starred ? 'Unstar (S)' : 'Star (S)'}
          onClick={() => onStar(item)}>
          <StarIcon filled={item.starred} />
        </button>
        {progress && (
          <span className="row-progress" title={progress === 'Read' ? 'Read to the end' : `Read ${progress}`}>
            {progress !== 'Read' && (
              <span className="mini-bar" aria-hidden="true"><span style={{ width: progress }} /></span>
            )}
            {progress}
          </span>
        )}
      </div>
    </div>
  )
})

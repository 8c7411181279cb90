import { useState } from 'react'
import type { QuoteList, TagCount } from '../../../shared/api'
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/vocabulary'
import { quoteWithCitation } from '../../../shared/cite'
import { clipfile } from '../bridge'
import { formatDate, useApi, useEvent } from '../hooks'
import { go, routeHref } from '../route'
import { ExportMenu } from '../components/ExportMenu'
import { COLOR_NAMES } from '../reader/Toolbar'

/** Every highlight in the archive with the article it comes from; filter by tag and colour. */
export function HighlightsView({ tag, tags }: { tag?: string; tags: TagCount[] }) {
  const [color, setColor] = useState<HighlightColor | null>(null)
  const [copied, setCopied] = useState<number | null>(null)
  const list = useApi<QuoteList>(() => clipfile.listQuotes({ tag, color: color ?? undefined, limit: 500 }), [tag, color])
  useEvent('libraryChanged', (e) => e.reason !== 'progress' && e.reason !== 'state' && list.reload())
  const data = list.data
  const copy = async (i: number) => {
    const q = data!.items[i]
    await navigator.clipboard.writeText(quoteWithCitation(q, q.article)).catch(() => undefined)
    setCopied(q.id)
  }
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-title">{tag ? `Highlights tagged “${tag}”` : 'Highlights'}</h1>
          {data && <div className="page-sub">{data.total.toLocaleString()} {data.total === 1 ? 'highlight' : 'highlights'}</div>}
        </div>
        <div className="toolbar">
          <select className="select" aria-label="Filter highlights by tag" value={tag ?? ''} onChange={(e) => go({ view: 'highlights', tag: e.target.value || undefined })}>
            <option value="">All tags</option>
            {tags.filter((t) => t.highlights > 0).map((t) => <option key={t.name} value={t.name}>{t.name} ({t.highlights})</option>)}
          </select>
          <div className="hl-filter-colors" role="group" aria-label="Filter by colour">
            {HIGHLIGHT_COLORS.map((c) => (
              <button key={c} className={`swatch swatch-${c} swatch-small${color === c ? ' is-current' : ''}`} aria-pressed={color === c}
                aria-label={`Only ${COLOR_NAMES[c].toLowerCase()}`} onClick={() => setColor(color === c ? null : c)} />
            ))}
          </div>
          <ExportMenu tag={tag} disabled={!data || data.total === 0} />
        </div>
      </div>
      {list.error && <div className="banner" role="alert">{list.error}</div>}
      {data && data.total === 0 && (
        <div className="empty">
          <h2>No highlights {tag ? `tagged “${tag}”` : 'yet'}</h2>
          <p>Open an article, select a passage and press <span className="kbd">H</span> to keep it here with its source.</p>
        </div>
      )}
      <ol className="quotes" aria-label="Highlights">
        {data?.items.map((q, i) => (
          <li key={q.id} className="quote-card">
            <span className={`hl-bar hl-bar-${q.color}`} aria-hidden="true" />
            <blockquote className="quote-text">{q.exact}</blockquote>
            <div className="quote-cite">
              <a href={routeHref({ view: 'article', id: q.article.id })}><b>{q.article.title}</b></a>
              <span>{[q.article.site, q.article.byline, formatDate(q.article.publishedAt, 'long')].filter(Boolean).join(' · ')}</span>
            </div>
            {q.orphan && <div className="hl-orphan">No longer found in the article’s current text</div>}
            {q.note && <div className="hl-note-text">{q.note}</div>}
            <div className="quote-foot">
              <span className="row-tags">{q.tags.map((t) => <a className="tag" key={t} href={routeHref({ view: 'highlights', tag: t })}>{t}</a>)}</span>
              <button className="btn btn-ghost btn-small" onClick={() => void copy(i)}>{copied === q.id ? 'Copied' : 'Copy with citation'}</button>
            </div>
          </li>
        ))}
      </ol>
    </div>
  )
}

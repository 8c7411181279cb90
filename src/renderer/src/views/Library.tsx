import { useState } from 'react'
import type { ArticleList } from '../../../shared/api'
import { clipfile } from '../bridge'
import { formatDate, useApi, useEvent } from '../hooks'
import { routeHref } from '../route'
import { QuoteIcon } from '../components/icons'
import { dateTime } from '../versions/labels'
import '../versions/versions.css'

interface Props {
  tag?: string
  onAdd: () => void
}

type Sort = 'saved' | 'published' | 'title'
const PAGE = 100

export function Library({ tag, onAdd }: Props) {
  const [sort, setSort] = useState<Sort>('saved')
  const [limit, setLimit] = useState(PAGE)
  const list = useApi<ArticleList>(() => clipfile.listArticles({ sort, tag, limit }), [sort, tag, limit])
  useEvent('libraryChanged', () => list.reload())
  const data = list.data
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-title">{tag ? `Tagged “${tag}”` : 'Library'}</h1>
          {data && data.total > 0 && (
            <div className="page-sub">
              {data.total.toLocaleString()} {data.total === 1 ? 'article' : 'articles'}
            </div>
          )}
        </div>
        {data && data.total > 0 && (
          <label className="toolbar">
            Sort by
            <select className="select" value={sort} onChange={(e) => setSort(e.target.value as Sort)} aria-label="Sort articles">
              <option value="saved">Date saved</option>
              <option value="published">Date published</option>
              <option value="title">Title</option>
            </select>
          </label>
        )}
      </div>
      {list.error && <div className="banner" role="alert">{list.error}</div>}
      {data && data.total === 0 && !tag && <EmptyLibrary onAdd={onAdd} />}
      {data && data.items.length > 0 && (
        <ul className="articles" aria-label="Articles">
          {data.items.map((a) => (
            <li key={a.id}>
              <a className="article-row" href={routeHref({ view: 'article', id: a.id })}>
                <div className="row-kicker">
                  {a.site && <span className="row-site">{a.site}</span>}
                  {a.byline && <span>{a.site ? '· ' : ''}{a.byline}</span>}
                </div>
                <div className="row-title" dir={a.dir === 'rtl' ? 'rtl' : undefined}>{a.title}</div>
                {a.excerpt && <div className="row-excerpt">{a.excerpt}</div>}
                {a.tags.length > 0 && (
                  <div className="row-tags">
                    {a.tags.map((t) => (
                      <span className="tag" key={t}>{t}</span>
                    ))}
                  </div>
                )}
                <div className="row-meta">
                  {a.publishedAt ? (
                    <span title={`Published ${a.publishedAt}`}>{formatDate(a.publishedAt)}</span>
                  ) : (
                    <span className="saved-date" title={`No published date on the page; saved ${a.savedAt}`}>saved {formatDate(a.savedAt)}</span>
                  )}
                  <span>{a.wordCount.toLocaleString()} words</span>
                  {a.changedAt && (
                    <span className="updated-mark" title={`Changed after it was saved — last on ${dateTime(a.changedAt)}; ${a.versions} versions kept`}>Updated</span>
                  )}
                  {a.highlightCount > 0 && (
                    <span className="pill"><QuoteIcon /> {a.highlightCount}</span>
                  )}
                </div>
              </a>
            </li>
          ))}
        </ul>
      )}
      {data && data.total > data.items.length && (
        <div style={{ textAlign: 'center', marginTop: 18 }}>
          <button className="btn" onClick={() => setLimit((l) => Math.min(l + PAGE, 500))} disabled={limit >= 500}>
            Show more ({data.items.length} of {data.total.toLocaleString()})
          </button>
        </div>
      )}
    </div>
  )
}

function EmptyLibrary({ onAdd }: { onAdd: () => void }) {
  return (
    <section className="empty" aria-labelledby="empty-title">
      <svg width="56" height="56" viewBox="0 0 64 64" aria-hidden="true">
        <rect x="12" y="8" width="36" height="46" rx="4" fill="var(--panel)" stroke="var(--rule-strong)" strokeWidth="2" />
        <rect x="18" y="18" width="24" height="4" rx="2" fill="var(--ink-3)" />
        <rect x="18" y="27" width="24" height="3" rx="1.5" fill="var(--mark-yellow)" />
        <rect x="18" y="34" width="18" height="3" rx="1.5" fill="var(--rule-strong)" />
        <rect x="18" y="41" width="21" height="3" rx="1.5" fill="var(--rule-strong)" />
        <circle cx="48" cy="48" r="10" fill="var(--accent)" />
        <path d="M48 43v10M43 48h10" stroke="var(--accent-ink)" strokeWidth="2.4" strokeLinecap="round" />
      </svg>
      <h2 id="empty-title">Your archive is empty</h2>
      <p>
        Save the coverage you want to keep. Clipfile stores a clean, offline copy of each article — text,
        images, headline, byline and date — so it stays readable when the site changes or disappears.
      </p>
      <button className="btn btn-primary" onClick={onAdd}>Add your first article</button>
      <div className="empty-ways">
        <div className="empty-way"><b>Paste a link</b><span>Add → URL, or press <span className="kbd">A</span> anywhere.</span></div>
        <div className="empty-way"><b>Drop files</b><span>Drag saved pages (.html, .mhtml) or links onto this window.</span></div>
        <div className="empty-way"><b>Bring your archive</b><span>Pocket, Omnivore, Wallabag or Instapaper exports, or <code>clipfile import</code>.</span></div>
      </div>
    </section>
  )
}

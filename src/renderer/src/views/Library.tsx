import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleSummary } from '../../../shared/api'
import type { ArticleSort } from '../../../shared/vocabulary'
import { clipfile } from '../bridge'
import { useEvent } from '../hooks'
import { LIST_TITLES, routeHref, type ListName } from '../route'
import { usePendingDeletes } from '../actions'
import { usePaged } from '../lists/use-paged'
import { ArticleList } from '../lists/ArticleList'
import { LIBRARY_ROW_HEIGHT, type RowItem } from '../lists/ArticleRow'

interface Props {
  list: ListName
  tag?: string
  /** Articles in the whole archive (0: show how to add the first). */
  archiveSize: number | null
  tagSuggestions: string[]
  onAdd: () => void
}

const PAGE = 100
const FILTERS: Record<ListName, { state?: 'inbox' | 'archive'; starred?: boolean }> = {
  inbox: { state: 'inbox' },
  archive: { state: 'archive' },
  starred: { starred: true },
  all: {}
}
/** The sort chosen for each list lasts while the app is open. */
const sorts = new Map<string, ArticleSort>()

export function Library({ list, tag, archiveSize, tagSuggestions, onAdd }: Props) {
  const listKey = `${list}|${tag ?? ''}`
  const [sort, setSortState] = useState<ArticleSort>(sorts.get(listKey) ?? 'saved')
  const [shownKey, setShownKey] = useState(listKey)
  if (shownKey !== listKey) {
    setShownKey(listKey)
    setSortState(sorts.get(listKey) ?? 'saved')
  }
  const setSort = (s: ArticleSort) => {
    sorts.set(listKey, s)
    setSortState(s)
  }
  const exclude = usePendingDeletes()
  const filter = { ...FILTERS[list], tag }
  const key = JSON.stringify([list, tag, sort])
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      clipfile.listArticles({ ...FILTERS[list], tag, sort, offset, limit, exclude: exclude.length ? exclude : undefined }),
    [list, tag, sort, exclude]
  )
  const paged = usePaged<ArticleSummary>(key, fetchPage, PAGE)
  useEvent('libraryChanged', () => paged.reload())
  // Articles deleted (with Undo) leave the list at once.
  const { reload } = paged
  const shownExclude = useRef(exclude)
  useEffect(() => {
    if (shownExclude.current === exclude) return
    shownExclude.current = exclude
    reload()
  }, [exclude, reload])

  const title = tag ? `Tagged “${tag}”` : LIST_TITLES[list]
  const hrefFor = useCallback((item: RowItem) => routeHref({ view: 'article', id: item.id }), [])
  const total = paged.total
  return (
    <div className="page page-list">
      <div className="page-head">
        <div>
          <h1 className="page-title">{title}</h1>
          <div className="page-sub" aria-live="polite">
            {total === null ? '\u00a0' : `${total.toLocaleString()} ${total === 1 ? 'article' : 'articles'}`}
          </div>
        </div>
        {!!total && (
          <label className="toolbar">
            Sort by
            <select className="select" value={sort} onChange={(e) => setSort(e.target.value as ArticleSort)} aria-label="Sort articles">
              <option value="saved">Date saved</option>
              <option value="published">Date published</option>
              <option value="title">Title</option>
            </select>
          </label>
        )}
      </div>
      {paged.error && <div className="banner" role="alert">{paged.error}</div>}
      {archiveSize === 0 && total === 0 ? (
        <EmptyLibrary onAdd={onAdd} />
      ) : (
        <ArticleList key={key} paged={paged} rowHeight={LIBRARY_ROW_HEIGHT} label="Articles" hrefFor={hrefFor}
          listState={filter.state} showState={!filter.state} memoryKey={key} tagSuggestions={tagSuggestions}
          selectAll={async () => {
            const r = await clipfile.listArticleStates({ ...filter, sort, exclude: exclude.length ? exclude : undefined })
            return r.ok ? r.value : []
          }}
          empty={<EmptyList list={list} tag={tag} />} />
      )}
    </div>
  )
}

function EmptyList({ list, tag }: { list: ListName; tag?: string }) {
  const text: Record<ListName, [string, React.ReactNode]> = {
    inbox: ['Nothing in your inbox', <>New articles land here. When you have read one, press <span className="kbd">E</span> to archive it.</>],
    archive: ['Nothing archived yet', <>Articles you have read and kept are here. Archive one with <span className="kbd">E</span> or the Archive button.</>],
    starred: ['No starred articles', <>Star the ones that matter with <span className="kbd">S</span> or the ☆ beside an article.</>],
    all: ['No articles', <>Nothing is tagged “{tag}” any more.</>]
  }
  const [heading, body] = text[list]
  return (
    <section className="empty empty-small" aria-label={heading}>
      <h2>{heading}</h2>
      <p>{body}</p>
    </section>
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
        <div className="empty-way"><b>Paste a link</b><span>Add → Links, or press <span className="kbd">A</span> anywhere.</span></div>
        <div className="empty-way"><b>Drop files</b><span>Drag saved pages (.html, .mhtml) or links onto this window.</span></div>
        <div className="empty-way"><b>Bring your archive</b><span>Pocket, Omnivore, Wallabag or Instapaper exports, or <code>clipfile import</code>.</span></div>
      </div>
    </section>
  )
}

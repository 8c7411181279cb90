import { useCallback, useState } from 'react'
import type { FacetCount, Result, SearchHit, SearchResult, SearchSuggestion } from '../../../shared/api'
import { clipfile } from '../bridge'
import { useApi, useEvent } from '../hooks'
import { go, routeHref } from '../route'
import { Timeline, monthLabel } from '../components/Timeline'
import { ExportMenu } from '../components/ExportMenu'
import { usePaged, type PageAnswer } from '../lists/use-paged'
import { ArticleList } from '../lists/ArticleList'
import { SEARCH_ROW_HEIGHT, type RowItem } from '../lists/ArticleRow'
import { SearchScope, TeamResults, useTeamSearch } from './TeamResults'

type Sort = 'relevance' | 'newest' | 'oldest'

const quoteValue = (v: string) => (/[\s"():]/.test(v) ? `"${v.replace(/"/g, '')}"` : v)

/** Adds a filter to the query (or takes it away when it is there already). */
export function toggleFilter(q: string, name: string, value: string): string {
  const token = `${name}:${quoteValue(value)}`
  return q.includes(token) ? q.replace(token, '').replace(/\s+/g, ' ').trim() : `${q.trim()} ${token}`.trim()
}

function nextMonth(month: string): string {
  let [y, m] = month.split('-').map(Number)
  m++
  if (m > 12) { m = 1; y++ }
  return `${y}-${String(m).padStart(2, '0')}`
}

/** Replaces the query's date range with [from, to] (whole months). */
export function withMonths(q: string, from: string, to: string): string {
  const rest = q.replace(/\b(after|before):\S+/g, '').replace(/\s+/g, ' ').trim()
  return `${rest} after:${from} before:${nextMonth(to)}`.trim()
}

type SearchMeta = Omit<SearchResult, 'results' | 'total'>
const PAGE = 50

export function SearchView({ q, sort = 'relevance', team = false, tagSuggestions }: { q: string; sort?: Sort; team?: boolean; tagSuggestions: string[] }) {
  const key = JSON.stringify([q, sort, team])
  const fetchPage = useCallback(
    async (offset: number, limit: number): Promise<Result<PageAnswer<SearchHit, SearchMeta>>> => {
      // The team's results are listed by TeamResults.
      if (team) return { ok: true, value: { total: 0, items: [] } }
      // Facets and the timeline come with the first page only.
      const first = offset === 0
      const r = await clipfile.search({ query: q, sort, limit, offset, facets: first, timeline: first })
      if (!r.ok) return r
      const { results, total, ...meta } = r.value
      return { ok: true, value: { total, items: results, ...(first ? { meta } : {}) } }
    },
    [q, sort, team]
  )
  const paged = usePaged<SearchHit, SearchMeta>(key, fetchPage, PAGE)
  const teamSearch = useTeamSearch(q, sort, team)
  useEvent('libraryChanged', () => paged.reload())
  const r = team ? null : paged.meta
  const total = team ? (teamSearch.result.data?.total ?? null) : paged.total
  const setQuery = (query: string) => go({ view: 'search', q: query, sort, team })
  const hrefFor = useCallback((item: RowItem) => routeHref({ view: 'article', id: item.id, q: q.trim() ? q : undefined }), [q])
  const months = r?.timeline ?? []
  // Past 100,000 matches of a common word the total is an estimate; counting them all is asked for.
  const [counted, setCounted] = useState<{ key: string; n: number | 'counting' } | null>(null)
  const countExactly = async () => {
    setCounted({ key, n: 'counting' })
    const res = await clipfile.search({ query: q, limit: 1, facets: false, timeline: false, exactTotal: true })
    setCounted(res.ok ? { key, n: res.value.total } : null)
  }
  return (
    <div className="search-page">
      <div className="search-main">
        <div className="page-head">
          <div>
            <h1 className="page-title">{total !== null ? totalText(counted?.key === key && typeof counted.n === 'number' ? { total: counted.n, approximate: false } : { total, approximate: !team && !!r?.totalApproximate }) : 'Searching…'}</h1>
            <div className="page-sub">
              for <code className="query-code">{q || '(everything)'}</code>{team && ' in the team’s archive'}
              {!team && r?.totalApproximate && counted?.key !== key && <> · <span title="Counted among the newest matches and scaled up to the whole archive">estimated</span> <button type="button" className="btn btn-small count-exact" onClick={() => void countExactly()}>Count exactly</button></>}
              {counted?.key === key && counted.n === 'counting' && ' · counting…'}
            </div>
          </div>
          <div className="toolbar">
            <SearchScope q={q} sort={sort} team={team} />
            <label>
              <span className="visually-hidden">Sort results</span>
              <select className="select" aria-label="Sort results" value={sort} onChange={(e) => go({ view: 'search', q, sort: e.target.value as Sort, team })}>
                <option value="relevance">Best match</option>
                <option value="newest">Newest first</option>
                <option value="oldest">Oldest first</option>
              </select>
            </label>
            {!team && <SaveSearch query={q} />}
            {!team && <ExportMenu query={q} disabled={!total} />}
          </div>
        </div>
        {r?.error && (
          <div className="banner query-error" role="alert">
            <b>Query problem:</b> {r.error.message}. Showing results for the rest of the query.
          </div>
        )}
        {team ? (
          <TeamResults search={teamSearch} />
        ) : (
          <>
            {paged.error && <div className="banner" role="alert">{paged.error}</div>}
            {months.length > 0 && <Timeline months={months} onRange={(from, to) => setQuery(withMonths(q, from, to))} />}
            <details className="facets-inline">
              <summary>Narrow the results</summary>
              {r && <Facets r={r} q={q} setQuery={setQuery} />}
            </details>
            <ArticleList key={key} paged={paged} rowHeight={SEARCH_ROW_HEIGHT} label="Search results" hrefFor={hrefFor} showState memoryKey={`search:${key}`}
              tagSuggestions={tagSuggestions} empty={<NoResults query={q} onTry={setQuery} />} />
          </>
        )}
      </div>
      <aside className="facets" aria-label="Narrow the results">
        {r && !team && <Facets r={r} q={q} setQuery={setQuery} />}
      </aside>
    </div>
  )
}

/** "1,234 articles", or for an estimate "About 1,000,000 articles". */
function totalText({ total, approximate }: { total: number; approximate: boolean }): string {
  return `${approximate ? 'About ' : ''}${total.toLocaleString()} ${total === 1 ? 'article' : 'articles'}`
}

function Facets({ r, q, setQuery }: { r: SearchMeta; q: string; setQuery: (q: string) => void }) {
  const sorted = [...r.timeline].sort((a, b) => a.month.localeCompare(b.month))
  return (
    <>
      {r.facetsSampled && <p className="hint">Counts estimated from a sample of the matches.</p>}
      <Facet title="Tags" items={r.facets.tags} onPick={(v) => setQuery(toggleFilter(q, 'tag', v))} q={q} name="tag" />
      <Facet title="Outlets" items={r.facets.sites} onPick={(v) => setQuery(toggleFilter(q, 'site', v))} q={q} name="site" />
      <Facet title="Authors" items={r.facets.authors} onPick={(v) => setQuery(toggleFilter(q, 'author', v))} q={q} name="author" />
      <section className="facet" aria-label="Reading">
        <h3>Reading</h3>
        <ul>
          {(['inbox', 'archived', 'starred', 'unread'] as const).map((v) => {
            const on = q.split(/\s+/).includes(`is:${v}`)
            return (
              <li key={v}>
                <button className={`facet-item${on ? ' is-on' : ''}`} aria-pressed={on} onClick={() => setQuery(toggleFilter(q, 'is', v))}>
                  <span>{READING_NAMES[v]}</span>
                  <span className="nav-count">is:{v}</span>
                </button>
              </li>
            )
          })}
        </ul>
      </section>
      {sorted.length > 0 && <p className="hint">{monthLabel(sorted[0].month)} – {monthLabel(sorted[sorted.length - 1].month)}</p>}
    </>
  )
}

const READING_NAMES = { inbox: 'In the inbox', archived: 'Archived', starred: 'Starred', unread: 'Not opened yet' } as const

/** Nothing found: the archive's own words for a typo, else how to widen the query. */
function NoResults({ query, onTry }: { query: string; onTry: (q: string) => void }) {
  const suggested = useApi<SearchSuggestion | null>(() => clipfile.searchSuggestion({ query }), [query])
  const suggestion = suggested.data?.query ? suggested.data : null
  return (
    <div className="empty">
      <h2>Nothing matches</h2>
      {suggestion && (
        <p className="did-you-mean">
          Did you mean{' '}
          <a href={routeHref({ view: 'search', q: suggestion.query })} onClick={(e) => { e.preventDefault(); onTry(suggestion.query) }}>
            <b>{suggestion.query}</b>
          </a>
          ? <span className="hint">({suggestion.total.toLocaleString()} {suggestion.total === 1 ? 'article' : 'articles'})</span>
        </p>
      )}
      <p>Try fewer words, a shorter prefix (<code>negotiat*</code>), or remove a filter. Words are matched without accents and by their stem: <code>strikes</code> finds <i>strike</i>.</p>
    </div>
  )
}

function Facet({ title, items, onPick, q, name }: { title: string; items: FacetCount[]; onPick: (v: string) => void; q: string; name: string }) {
  if (items.length === 0) return null
  return (
    <section className="facet" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {items.map((f) => {
          const on = q.includes(`${name}:${quoteValue(f.value)}`)
          return (
            <li key={f.value}>
              <button className={`facet-item${on ? ' is-on' : ''}`} aria-pressed={on} onClick={() => onPick(f.value)}>
                <span>{f.value}</span>
                <span className="nav-count">{Math.round(f.count).toLocaleString()}</span>
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function SaveSearch({ query }: { query: string }) {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [msg, setMsg] = useState<string | null>(null)
  if (!query.trim()) return null
  const save = async () => {
    const r = await clipfile.saveSearch({ name: name || query, query })
    setMsg(r.ok ? `Saved as “${r.value.name}”` : r.error.message)
    setOpen(false)
  }
  return (
    <div className="menu-wrap">
      <button className="btn btn-small" onClick={() => { setOpen(!open); setName(query) }} aria-expanded={open}>Save search</button>
      {open && (
        <form className="menu save-form" onSubmit={(e) => { e.preventDefault(); void save() }}>
          <label htmlFor="save-name">Name</label>
          <input id="save-name" className="input" autoFocus value={name} onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setOpen(false)} />
          <button className="btn btn-primary btn-small" type="submit">Save</button>
        </form>
      )}
      {msg && <div className="hint" role="status">{msg}</div>}
    </div>
  )
}

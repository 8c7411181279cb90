import { useState } from 'react'
import type { FacetCount, SearchResult, TeamStatus } from '../../../shared/api'
import { clipfile } from '../bridge'
import { formatDate, useApi, useEvent } from '../hooks'
import { go, routeHref } from '../route'
import { Snippet } from '../components/Snippet'
import { Timeline, monthLabel } from '../components/Timeline'
import { QuoteIcon } from '../components/icons'
import { ExportMenu } from '../components/ExportMenu'

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

export function SearchView({ q, sort = 'relevance', team = false }: { q: string; sort?: Sort; team?: boolean }) {
  const [limit, setLimit] = useState(20)
  const result = useApi<SearchResult>(() => (team ? clipfile.teamSearch({ query: q, sort, limit }) : clipfile.search({ query: q, sort, limit })), [q, sort, limit, team])
  const status = useApi<TeamStatus>(() => clipfile.teamStatus({}), [])
  useEvent('libraryChanged', () => result.reload())
  const r = result.data
  const setQuery = (query: string) => go({ view: 'search', q: query, sort, team })
  return (
    <div className="search-page">
      <div className="search-main">
        <div className="page-head">
          <div>
            <h1 className="page-title">{r ? `${r.total.toLocaleString()} ${r.total === 1 ? 'article' : 'articles'}` : 'Searching…'}</h1>
            <div className="page-sub">for <code className="query-code">{q || '(everything)'}</code>{team && ' in the team’s archive'}</div>
          </div>
          <div className="toolbar">
            {status.data?.joined && (
              <div className="scope" role="group" aria-label="Search in">
                <button aria-pressed={!team} onClick={() => go({ view: 'search', q, sort })}>This archive</button>
                <button aria-pressed={team} onClick={() => go({ view: 'search', q, sort, team: true })}>Team</button>
              </div>
            )}
            <label>
              <span className="visually-hidden">Sort results</span>
              <select className="select" aria-label="Sort results" value={sort} onChange={(e) => go({ view: 'search', q, sort: e.target.value as Sort, team })}>
                <option value="relevance">Best match</option>
                <option value="newest">Newest first</option>
                <option value="oldest">Oldest first</option>
              </select>
            </label>
            {!team && <SaveSearch query={q} />}
            {!team && <ExportMenu query={q} disabled={!r || r.total === 0} />}
          </div>
        </div>
        {r?.error && (
          <div className="banner query-error" role="alert">
            <b>Query problem:</b> {r.error.message}. Showing results for the rest of the query.
          </div>
        )}
        {result.error && <div className="banner" role="alert">{result.error}</div>}
        {r && r.timeline.length > 0 && <Timeline months={r.timeline} onRange={(from, to) => setQuery(withMonths(q, from, to))} />}
        {r && r.total === 0 && (
          <div className="empty">
            <h2>Nothing matches</h2>
            <p>Try fewer words, a shorter prefix (<code>negotiat*</code>), or remove a filter. Words are matched without accents and by their stem: <code>strikes</code> finds <i>strike</i>.</p>
          </div>
        )}
        <ol className="results" aria-label="Search results">
          {r?.results.map((hit) => (
            <li key={hit.uuid ?? hit.id} className="result">
              <div className="row-kicker">
                {hit.site && <span className="row-site">{hit.site}</span>}
                {hit.byline && <span>· {hit.byline}</span>}
                {hit.publishedAt && <span>· {formatDate(hit.publishedAt, 'long')}</span>}
              </div>
              {hit.id > 0 ? (
                <a className="result-title" href={routeHref({ view: 'article', id: hit.id })} dir={hit.dir === 'rtl' ? 'rtl' : undefined}>{hit.title}</a>
              ) : (
                <span className="result-title-remote" dir={hit.dir === 'rtl' ? 'rtl' : undefined}>{hit.title}<span className="result-remote">· in the team’s archive, not yet in yours: sync to read it</span></span>
              )}
              {hit.snippet && <p className="result-snippet" dir={hit.dir}><Snippet text={hit.snippet} /></p>}
              {hit.highlights.length > 0 && (
                <ul className="result-quotes" aria-label="Matching quotes">
                  {hit.highlights.map((h) => (
                    <li key={`${h.id}-${h.exact}`}><QuoteIcon /> <span className={`quote-chip hl-${h.color}`}>{h.exact}</span>{h.note && <span className="result-note"> — {h.note}</span>}{h.author && <span className="result-author"> · by {h.author}</span>}</li>
                  ))}
                </ul>
              )}
              {hit.tags.length > 0 && <div className="row-tags">{hit.tags.map((t) => <span className="tag" key={t}>{t}</span>)}</div>}
            </li>
          ))}
        </ol>
        {r && r.total > r.results.length && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <button className="btn" onClick={() => setLimit((l) => Math.min(200, l + 20))} disabled={limit >= 200}>
              Show more ({r.results.length} of {r.total.toLocaleString()})
            </button>
          </div>
        )}
      </div>
      <aside className="facets" aria-label="Narrow the results">
        {r && (
          <>
            {r.facetsSampled && <p className="hint">Counts estimated from a sample of the matches.</p>}
            <Facet title="Tags" items={r.facets.tags} onPick={(v) => setQuery(toggleFilter(q, 'tag', v))} q={q} name="tag" />
            <Facet title="Outlets" items={r.facets.sites} onPick={(v) => setQuery(toggleFilter(q, 'site', v))} q={q} name="site" />
            <Facet title="Authors" items={r.facets.authors} onPick={(v) => setQuery(toggleFilter(q, 'author', v))} q={q} name="author" />
            {r.timeline.length > 0 && (
              <p className="hint">{monthLabel([...r.timeline].sort((a, b) => a.month.localeCompare(b.month))[0].month)} – {monthLabel([...r.timeline].sort((a, b) => b.month.localeCompare(a.month))[0].month)}</p>
            )}
          </>
        )}
      </aside>
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

import type { SavedSearch, TagCount } from '../../../shared/api'
import { clipfile } from '../bridge'
import { routeHref, type Route } from '../route'
import { TeamIndicator } from './TeamIndicator'
import { ChangesIcon, LibraryIcon, PeopleIcon, PlusIcon, QuoteIcon, SearchIcon, TagIcon } from './icons'

interface Props {
  route: Route
  total: number | null
  quotes: number | null
  /** How many articles changed after they were saved. */
  changes: number | null
  saved: SavedSearch[]
  tags: TagCount[]
  onAdd: () => void
}

export function Sidebar({ route, total, quotes, changes, saved, tags, onAdd }: Props) {
  const current = (r: Route) => routeHref(r) === routeHref(route) ? ('page' as const) : undefined
  return (
    <aside className="sidebar" aria-label="Sidebar">
      <div className="brand">
        <div className="brand-mark" aria-hidden="true">C</div>
        <div className="brand-name">Clipfile</div>
      </div>
      <button className="btn btn-primary btn-block" onClick={onAdd} aria-keyshortcuts="a">
        <PlusIcon /> Add articles
      </button>
      <nav className="nav" aria-label="Library">
        <a className="nav-item" href={routeHref({ view: 'library' })} aria-current={current({ view: 'library' })}>
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}><LibraryIcon /> Library</span>
          <span className="nav-count">{total ?? ''}</span>
        </a>
        <a className="nav-item" href={routeHref({ view: 'quotes' })} aria-current={current({ view: 'quotes' })}>
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}><QuoteIcon /> Quotes</span>
          <span className="nav-count">{quotes ?? ''}</span>
        </a>
        <a className="nav-item" href={routeHref({ view: 'changes' })} aria-current={current({ view: 'changes' })}>
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}><ChangesIcon /> Changes</span>
          <span className="nav-count">{changes || ''}</span>
        </a>
        <a className="nav-item" href={routeHref({ view: 'people' })} aria-current={route.view === 'people' ? 'page' : undefined}>
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}><PeopleIcon /> People</span>
        </a>
        <a className="nav-item" href={routeHref({ view: 'tags' })} aria-current={current({ view: 'tags' })}>
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}><TagIcon /> Manage tags</span>
        </a>
      </nav>
      <div className="nav-scroll">
        {saved.length > 0 && (
          <nav className="nav" aria-label="Saved searches">
            <div className="nav-title">Saved searches</div>
            {saved.map((s) => (
              <div className="nav-row" key={s.id}>
                <a className="nav-item" href={routeHref({ view: 'search', q: s.query })} title={s.query}
                  aria-current={route.view === 'search' && route.q === s.query ? 'page' : undefined}>
                  <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', minWidth: 0 }}>
                    <SearchIcon /> <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{s.name}</span>
                  </span>
                  <span className="nav-count">{s.count.toLocaleString()}</span>
                </a>
                <button className="nav-remove" aria-label={`Remove saved search ${s.name}`} onClick={() => void clipfile.deleteSavedSearch({ id: s.id })}>×</button>
              </div>
            ))}
          </nav>
        )}
        <nav className="nav" aria-label="Tags">
          <div className="nav-title">Tags</div>
          {tags.length === 0 && <div className="sidebar-foot">Tags you add to articles appear here.</div>}
          {tags
            .filter((t) => t.articles + t.highlights > 0)
            .map((t) => (
              // A tag used only on quotes opens the Quotes view; otherwise the tagged articles.
              <a key={t.name} className="nav-item" href={routeHref(t.articles > 0 ? { view: 'library', tag: t.name } : { view: 'quotes', tag: t.name })}
                aria-current={current(t.articles > 0 ? { view: 'library', tag: t.name } : { view: 'quotes', tag: t.name })}>
                <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', minWidth: 0 }}>
                  <TagIcon /> <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{t.name}</span>
                </span>
                <span className="nav-count" title={`${t.articles} articles, ${t.highlights} quotes`}>{t.articles + t.highlights}</span>
              </a>
            ))}
        </nav>
      </div>
      <TeamIndicator />
    </aside>
  )
}

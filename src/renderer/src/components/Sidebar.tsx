import type { TagCount } from '../../../shared/api'
import { routeHref, type Route } from '../route'
import { LibraryIcon, PlusIcon, TagIcon } from './icons'

interface Props {
  route: Route
  total: number | null
  tags: TagCount[]
  onAdd: () => void
}

export function Sidebar({ route, total, tags, onAdd }: Props) {
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
      </nav>
      <div className="nav-scroll">
        <nav className="nav" aria-label="Tags">
          <div className="nav-title">Tags</div>
          {tags.length === 0 && <div className="sidebar-foot">Tags you add to articles appear here.</div>}
          {tags
            .filter((t) => t.articles > 0)
            .map((t) => (
              <a key={t.name} className="nav-item" href={routeHref({ view: 'library', tag: t.name })} aria-current={current({ view: 'library', tag: t.name })}>
                <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', minWidth: 0 }}>
                  <TagIcon /> <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{t.name}</span>
                </span>
                <span className="nav-count">{t.articles}</span>
              </a>
            ))}
        </nav>
      </div>
    </aside>
  )
}

import type { ReactNode } from 'react'
import type { SavedSearch, TagCount } from '../../../shared/api'
import { clipfile } from '../bridge'
import { LIST_TITLES, routeHref, sameRoute, type ListName, type Route } from '../route'
import { TeamIndicator } from './TeamIndicator'
import {
  AllIcon, ArchiveIcon, ChangesIcon, GearIcon, HighlighterIcon, InboxIcon, KeyboardIcon, PeopleIcon, PlusIcon, SearchIcon, SidebarIcon, StarIcon, TagIcon
} from './icons'

export interface Counts {
  all: number
  inbox: number
  archive: number
  starred: number
  highlights: number
}

interface Props {
  route: Route
  counts: Counts | null
  /** How many articles changed after they were saved. */
  changes: number | null
  saved: SavedSearch[]
  tags: TagCount[]
  /** Folded to a rail of icons. */
  rail: boolean
  /** Shown over the page (a narrow window), closed by choosing something. */
  overlay: boolean
  onToggle: () => void
  onAdd: () => void
  onSettings: () => void
  onShortcuts: () => void
}

const LIST_ICONS: Record<ListName, ReactNode> = { inbox: <InboxIcon />, archive: <ArchiveIcon />, starred: <StarIcon />, all: <AllIcon /> }

function NavLink({ href, current, icon, label, count, title }: { href: string; current: boolean; icon: ReactNode; label: string; count?: number | null; title?: string }) {
  return (
    <a className="nav-item" href={href} aria-current={current ? 'page' : undefined} title={title ?? label}>
      <span className="nav-main">
        {icon}
        <span className="nav-label">{label}</span>
      </span>
      {count != null && <span className="nav-count">{count.toLocaleString()}</span>}
    </a>
  )
}

export function Sidebar({ route, counts, changes, saved, tags, rail, overlay, onToggle, onAdd, onSettings, onShortcuts }: Props) {
  const is = (r: Route) => sameRoute(r, route)
  return (
    <aside id="sidebar" className={`sidebar${rail ? ' is-rail' : ''}${overlay ? ' is-overlay' : ''}`} aria-label="Sidebar">
      <div className="brand">
        <div className="brand-mark" aria-hidden="true">C</div>
        <div className="brand-name">Clipfile</div>
        <button className="btn btn-ghost btn-icon sidebar-toggle" onClick={onToggle} aria-controls="sidebar" aria-expanded={!rail}
          aria-label={rail ? 'Expand the sidebar' : 'Collapse the sidebar'} title={rail ? 'Expand the sidebar' : 'Collapse the sidebar'}>
          <SidebarIcon />
        </button>
      </div>
      <button className="btn btn-primary btn-block add-btn" onClick={onAdd} aria-keyshortcuts="a" title="Add articles (A)">
        <PlusIcon /> <span className="nav-label">Add articles</span>
      </button>
      <nav className="nav" aria-label="Library">
        {(['inbox', 'archive', 'starred', 'all'] as ListName[]).map((list) => (
          <NavLink key={list} href={routeHref({ view: 'library', list })} current={is({ view: 'library', list })} icon={LIST_ICONS[list]}
            label={LIST_TITLES[list]} count={counts ? counts[list] : null} />
        ))}
      </nav>
      <nav className="nav" aria-label="Highlights and quotes">
        <NavLink href={routeHref({ view: 'highlights' })} current={is({ view: 'highlights' })} icon={<HighlighterIcon />} label="Highlights"
          count={counts?.highlights} title="Highlights: the passages you marked, across the archive" />
        <NavLink href={routeHref({ view: 'people' })} current={route.view === 'people'} icon={<PeopleIcon />} label="People"
          title="People: who said what — the quotes Clipfile found in your articles" />
        <NavLink href={routeHref({ view: 'changes' })} current={is({ view: 'changes' })} icon={<ChangesIcon />} label="Changes" count={changes || null}
          title="Changes: articles that changed after you saved them" />
        <NavLink href={routeHref({ view: 'tags' })} current={is({ view: 'tags' })} icon={<TagIcon />} label="Manage tags" />
      </nav>
      {!rail && (
        <div className="nav-scroll">
          {saved.length > 0 && (
            <nav className="nav" aria-label="Saved searches">
              <div className="nav-title">Saved searches</div>
              {saved.map((s) => (
                <div className="nav-row" key={s.id}>
                  <a className="nav-item" href={routeHref({ view: 'search', q: s.query })} title={s.query}
                    aria-current={route.view === 'search' && route.q === s.query ? 'page' : undefined}>
                    <span className="nav-main"><SearchIcon /> <span className="nav-label nav-ellipsis">{s.name}</span></span>
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
              .map((t) => {
                // A tag used only on highlights opens the Highlights view; otherwise the tagged articles.
                const to: Route = t.articles > 0 ? { view: 'library', list: 'all', tag: t.name } : { view: 'highlights', tag: t.name }
                return (
                  <a key={t.name} className="nav-item" href={routeHref(to)} aria-current={is(to) ? 'page' : undefined}>
                    <span className="nav-main"><TagIcon /> <span className="nav-label nav-ellipsis">{t.name}</span></span>
                    <span className="nav-count" title={`${t.articles} articles, ${t.highlights} highlights`}>{t.articles + t.highlights}</span>
                  </a>
                )
              })}
          </nav>
        </div>
      )}
      <div className="sidebar-bottom">
        <button className="nav-item" onClick={onSettings} title="Settings: theme, text size, line width, reading">
          <span className="nav-main"><GearIcon /> <span className="nav-label">Settings</span></span>
        </button>
        <button className="nav-item" onClick={onShortcuts} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
          <span className="nav-main"><KeyboardIcon /> <span className="nav-label">Shortcuts</span></span>
          <span className="kbd nav-kbd">?</span>
        </button>
      </div>
      <TeamIndicator />
    </aside>
  )
}

import { useEffect, useState } from 'react'

/** Where the UI is: kept in the URL hash so reload and back/forward work in serve mode. */
export type Route =
  | { view: 'library'; tag?: string }
  | { view: 'article'; id: number }
  /** One version of an article, read as it was. */
  | { view: 'version'; id: number; number: number }
  /** What changed between two versions (default: the last two). */
  | { view: 'diff'; id: number; from?: number; to?: number }
  /** Recently changed articles. */
  | { view: 'changes' }
  | { view: 'quotes'; tag?: string }
  | { view: 'tags' }
  | { view: 'search'; q: string; sort?: 'relevance' | 'newest' | 'oldest'; team?: boolean }
  | { view: 'people'; name?: string }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const version = path.match(/^\/article\/(\d+)\/version\/(\d+)$/)
  if (version) return { view: 'version', id: Number(version[1]), number: Number(version[2]) }
  const diff = path.match(/^\/article\/(\d+)\/changes(?:\/(\d+)\.\.(\d+))?$/)
  if (diff) return { view: 'diff', id: Number(diff[1]), from: diff[2] ? Number(diff[2]) : undefined, to: diff[3] ? Number(diff[3]) : undefined }
  if (path === '/changes') return { view: 'changes' }
  const article = path.match(/^\/article\/(\d+)/)
  if (article) return { view: 'article', id: Number(article[1]) }
  const quotes = path.match(/^\/quotes(?:\/tag\/(.+))?$/)
  if (quotes) return { view: 'quotes', tag: quotes[1] ? decodeURIComponent(quotes[1]) : undefined }
  if (path === '/tags') return { view: 'tags' }
  const people = path.match(/^\/people(?:\/(.+))?$/)
  if (people) return { view: 'people', name: people[1] ? decodeURIComponent(people[1]) : undefined }
  const search = path.match(/^(\/team)?\/search\/([^/]*)(?:\/(relevance|newest|oldest))?$/)
  if (search) return { view: 'search', q: decodeURIComponent(search[2]), sort: search[3] as 'newest' | undefined, ...(search[1] ? { team: true } : {}) }
  const tag = path.match(/^\/tag\/(.+)$/)
  if (tag) return { view: 'library', tag: decodeURIComponent(tag[1]) }
  return { view: 'library' }
}

export function routeHref(r: Route): string {
  if (r.view === 'article') return `#/article/${r.id}`
  if (r.view === 'version') return `#/article/${r.id}/version/${r.number}`
  if (r.view === 'diff') return `#/article/${r.id}/changes${r.from !== undefined && r.to !== undefined ? `/${r.from}..${r.to}` : ''}`
  if (r.view === 'changes') return '#/changes'
  if (r.view === 'quotes') return r.tag ? `#/quotes/tag/${encodeURIComponent(r.tag)}` : '#/quotes'
  if (r.view === 'tags') return '#/tags'
  if (r.view === 'people') return r.name ? `#/people/${encodeURIComponent(r.name)}` : '#/people'
  if (r.view === 'search') return `#${r.team ? '/team' : ''}/search/${encodeURIComponent(r.q)}${r.sort && r.sort !== 'relevance' ? `/${r.sort}` : ''}`
  if (r.tag) return `#/tag/${encodeURIComponent(r.tag)}`
  return '#/'
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash))
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  return route
}

export function go(r: Route): void {
  location.hash = routeHref(r)
}

/** Changes the route without adding a history entry (typing in the search box). */
export function replace(r: Route): void {
  history.replaceState(null, '', routeHref(r))
  window.dispatchEvent(new HashChangeEvent('hashchange'))
}

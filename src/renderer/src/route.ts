import { useEffect, useState } from 'react'
import type { SearchSort } from '../../shared/vocabulary'
import { isTyping } from './keys'

/** The lists of the library: the reading states, starred articles, everything. */
export type ListName = 'inbox' | 'archive' | 'starred' | 'all'
export const LIST_NAMES: readonly ListName[] = ['inbox', 'archive', 'starred', 'all']
export const LIST_TITLES: Record<ListName, string> = { inbox: 'Inbox', archive: 'Archive', starred: 'Starred', all: 'All articles' }

/** Where the UI is: kept in the URL hash so reload, back/forward and new tabs work in serve mode. */
export type Route =
  | { view: 'library'; list: ListName; tag?: string }
  /** `q`: the search the article was opened from, whose matches it marks. */
  | { view: 'article'; id: number; q?: string }
  /** One version of an article, read as it was. */
  | { view: 'version'; id: number; number: number }
  /** What changed between two versions (default: the last two). */
  | { view: 'diff'; id: number; from?: number; to?: number }
  /** Recently changed articles. */
  | { view: 'changes' }
  | { view: 'highlights'; tag?: string }
  | { view: 'tags' }
  | { view: 'search'; q: string; sort?: SearchSort; team?: boolean }
  | { view: 'people'; name?: string }

const decode = (s: string | undefined) => (s ? decodeURIComponent(s) : undefined)

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const version = path.match(/^\/article\/(\d+)\/version\/(\d+)$/)
  if (version) return { view: 'version', id: Number(version[1]), number: Number(version[2]) }
  const diff = path.match(/^\/article\/(\d+)\/changes(?:\/(\d+)\.\.(\d+))?$/)
  if (diff) return { view: 'diff', id: Number(diff[1]), from: diff[2] ? Number(diff[2]) : undefined, to: diff[3] ? Number(diff[3]) : undefined }
  if (path === '/changes') return { view: 'changes' }
  const article = path.match(/^\/article\/(\d+)(?:\?(.*))?$/)
  if (article) {
    const q = new URLSearchParams(article[2] ?? '').get('q')
    return q ? { view: 'article', id: Number(article[1]), q } : { view: 'article', id: Number(article[1]) }
  }
  // `#/quotes` was the highlights list's address before detected quotes took the name.
  const highlights = path.match(/^\/(?:highlights|quotes)(?:\/tag\/(.+))?$/)
  if (highlights) return { view: 'highlights', tag: decode(highlights[1]) }
  if (path === '/tags') return { view: 'tags' }
  const people = path.match(/^\/people(?:\/(.+))?$/)
  if (people) return { view: 'people', name: decode(people[1]) }
  const search = path.match(/^(\/team)?\/search\/([^/]*)(?:\/(relevance|newest|oldest))?$/)
  if (search) return { view: 'search', q: decodeURIComponent(search[2]), sort: search[3] as SearchSort | undefined, ...(search[1] ? { team: true } : {}) }
  const tag = path.match(/^\/tag\/(.+)$/)
  if (tag) return { view: 'library', list: 'all', tag: decodeURIComponent(tag[1]) }
  const list = path.match(/^\/(inbox|archive|starred|all)$/)
  if (list) return { view: 'library', list: list[1] as ListName }
  return { view: 'library', list: 'inbox' }
}

export function routeHref(r: Route): string {
  switch (r.view) {
    case 'article':
      return `#/article/${r.id}${r.q ? `?q=${encodeURIComponent(r.q)}` : ''}`
    case 'version':
      return `#/article/${r.id}/version/${r.number}`
    case 'diff':
      return `#/article/${r.id}/changes${r.from !== undefined && r.to !== undefined ? `/${r.from}..${r.to}` : ''}`
    case 'changes':
      return '#/changes'
    case 'highlights':
      return r.tag ? `#/highlights/tag/${encodeURIComponent(r.tag)}` : '#/highlights'
    case 'tags':
      return '#/tags'
    case 'people':
      return r.name ? `#/people/${encodeURIComponent(r.name)}` : '#/people'
    case 'search':
      return `#${r.team ? '/team' : ''}/search/${encodeURIComponent(r.q)}${r.sort && r.sort !== 'relevance' ? `/${r.sort}` : ''}`
    case 'library':
      if (r.tag) return `#/tag/${encodeURIComponent(r.tag)}`
      return r.list === 'inbox' ? '#/' : `#/${r.list}`
  }
}

/** Whether two routes show the same place. */
export const sameRoute = (a: Route, b: Route): boolean => routeHref(a) === routeHref(b)

/** The route before the current one (to go back to the list an article was opened from). */
let previous: Route | null = null
let current: Route = parseRoute(location.hash)
/** The last place that was not an article: where "back" leads, and what it is called. */
/** An article, one of its versions or its changes: places inside an article, not lists. */
const inArticle = (r: Route) => r.view === 'article' || r.view === 'version' || r.view === 'diff'
let lastPlace: Route | null = inArticle(current) ? null : current

export const lastNonArticleRoute = (): Route | null => lastPlace

export function useRoute(): Route {
  const [route, setRoute] = useState(current)
  useEffect(() => {
    const onHash = () => setRoute(current)
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  return route
}

// Registered once, before any component's listener, so `current` is fresh when they run.
window.addEventListener('hashchange', () => {
  const next = parseRoute(location.hash)
  if (!sameRoute(next, current)) {
    previous = current
    current = next
    if (!inArticle(next)) lastPlace = next
  }
})

export function go(r: Route): void {
  location.hash = routeHref(r)
}

/** Changes the route without adding a history entry (typing in the search box). */
export function replace(r: Route): void {
  history.replaceState(null, '', routeHref(r))
  window.dispatchEvent(new HashChangeEvent('hashchange'))
}

/**
 * Back to the list (or search) the article was opened from: the browser's Back when that is
 * where it leads, so the list keeps its place in history; else the inbox.
 */
export function goBack(): void {
  if (previous && !inArticle(previous)) history.back()
  else go(lastPlace ?? { view: 'library', list: 'inbox' })
}

/**
 * `goBack` once an action on article `id` has finished — only if the reader is still on it and
 * not typing: who has moved on (opened something else, or started a search while the archive
 * call was out) is not pulled back, and what they typed is not dropped.
 */
export function goBackFrom(id: number): void {
  if (current.view === 'article' && current.id === id && !isTyping(document.activeElement)) goBack()
}

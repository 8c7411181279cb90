/** Search as the api offers it: queries, saved searches with live counts, highlight ids for exports. */
import type { SavedSearch, SearchResult, SearchSuggestion } from '../../shared/types'
import type { DB } from '../db/connection'
import * as saved from '../db/saved-searches'
import { searchArticles, type SortOrder } from './search'
import { suggestQuery } from './suggest'
import { textMatches } from './matches'

export interface SearchRequest {
  query: string
  sort: SortOrder
  limit: number
  offset: number
  facets: boolean
  timeline: boolean
  exactTotal: boolean
}

export function search(db: DB, r: SearchRequest): SearchResult {
  return searchArticles(db, {
    query: r.query,
    sort: r.sort,
    limit: r.limit,
    offset: r.offset,
    includeFacets: r.facets,
    includeTimeline: r.timeline,
    exactTotal: r.exactTotal
  })
}

/**
 * A query that finds nothing (a typo, say) gets a way on instead of a blank page. Asked for
 * apart from the search, because reading the vocabulary can take a while on a large
 * archive: the empty page shows at once, the suggestion when it is ready.
 */
export function suggestion(db: DB, query: string): SearchSuggestion | null {
  if (!query.trim() || countOf(db, query) > 0) return null
  return suggestQuery(db, query, (q) => countOf(db, q)) ?? null
}

export { textMatches }

/** Exact: a saved search's count is shown without "about". */
const countOf = (db: DB, query: string): number => searchArticles(db, { query, limit: 1, exactTotal: true }).total

export function listSavedSearches(db: DB): SavedSearch[] {
  return saved.listSavedSearches(db).map((s) => ({ ...s, count: countOf(db, s.query) }))
}

export function saveSearch(db: DB, name: string, query: string): SavedSearch {
  const row = saved.saveSearch(db, name, query)
  return { ...row, count: countOf(db, row.query) }
}

/** The ids of every highlight the query finds (for exporting a search's quotes). */
export function highlightIdsFor(db: DB, query: string): number[] {
  const ids: number[] = []
  const PAGE = 200
  for (let offset = 0; ; offset += PAGE) {
    const page = searchArticles(db, { query, limit: PAGE, offset, exactTotal: true })
    for (const hit of page.results) for (const h of hit.highlights) ids.push(h.id)
    if (offset + PAGE >= page.total || page.results.length === 0) return ids
  }
}

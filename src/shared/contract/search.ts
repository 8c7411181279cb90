/** Search with the query language, and saved searches. */
import { z } from 'zod'
import { SEARCH_SORTS } from '../vocabulary'
import type { SavedSearch, SearchResult, SearchSuggestion, TextMatches } from '../types'
import { id, offset } from './common'

export const searchSchemas = {
  /** Search articles, highlights, notes and tags with the query language; a bad query still answers, with `error`. */
  search: z
    .object({
      query: z.string().max(2000, 'a query is at most 2,000 characters'),
      sort: z.enum(SEARCH_SORTS).default('relevance'),
      limit: z.number().int().min(1).max(200).default(20),
      offset: offset.default(0),
      facets: z.boolean().default(true),
      timeline: z.boolean().default(true),
      /** Count every match: past 100,000 matches of text alone the total is otherwise an estimate (`totalApproximate`). */
      exactTotal: z.boolean().default(false)
    })
    .strict(),
  /** For a query that finds nothing: the same query with its misspelt words replaced by close words of the archive (or null). */
  searchSuggestion: z.object({ query: z.string().max(2000) }).strict(),
  /** Where the query's words occur in one article's text, in reading order (to land on the first match). */
  searchMatches: z.object({ articleId: id, query: z.string().max(2000) }).strict(),
  /** Saved searches with how many articles each finds now. */
  listSavedSearches: z.object({}).strict(),
  /** Keep a query under a name (an existing name is updated). */
  saveSearch: z
    .object({ name: z.string().trim().min(1, 'give the search a name').max(100), query: z.string().trim().min(1, 'the query is empty').max(2000) })
    .strict(),
  /** Forget a saved search. */
  deleteSavedSearch: z.object({ id }).strict()
}

export interface SearchOutputs {
  search: SearchResult
  searchMatches: TextMatches
  searchSuggestion: SearchSuggestion | null
  listSavedSearches: SavedSearch[]
  saveSearch: SavedSearch
  deleteSavedSearch: { deleted: number }
}

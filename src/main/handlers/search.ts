import type { SearchOutputs } from '../../shared/contract/search'
import type { AppContext } from '../context'
import * as searchService from '../search/service'
import { deleteSavedSearch } from '../db/saved-searches'
import type { AreaHandlers, Handlers } from './types'
import type { SearchThread } from '../search/offload'

export function searchHandlers({ db, events }: AppContext): AreaHandlers<SearchOutputs> {
  return {
    search: (input) => searchService.search(db, input),
    searchMatches: ({ articleId, query }) => searchService.textMatches(db, articleId, query),
    searchSuggestion: ({ query }) => searchService.suggestion(db, query),
    listSavedSearches: () => searchService.listSavedSearches(db),
    saveSearch: ({ name, query }) => {
      const s = searchService.saveSearch(db, name, query)
      events.emit('libraryChanged', { reason: 'searches' })
      return s
    },
    deleteSavedSearch: ({ id }) => {
      deleteSavedSearch(db, id)
      events.emit('libraryChanged', { reason: 'searches' })
      return { deleted: 1 }
    }
  }
}

/** The same handlers with the read-heavy search calls answered by the search thread (serve mode, the desktop app). */
export function withSearchThread<H extends Pick<Handlers, 'search' | 'listSavedSearches'>>(handlers: H, thread: SearchThread): H {
  return { ...handlers, search: (input) => thread.search(input), listSavedSearches: () => thread.listSavedSearches() }
}

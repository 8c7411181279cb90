import type { SearchOutputs } from '../../shared/contract/search'
import type { AppContext } from '../context'
import * as searchService from '../search/service'
import { deleteSavedSearch } from '../db/saved-searches'
import type { AreaHandlers } from './types'

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

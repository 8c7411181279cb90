import type { HighlightOutputs } from '../../shared/contract/highlights'
import type { AppContext } from '../context'
import * as annotate from '../annotate/service'
import { exportHighlights } from '../export/service'
import { highlightIdsFor } from '../search/service'
import type { AreaHandlers } from './types'

export function highlightHandlers({ db, events }: AppContext): AreaHandlers<HighlightOutputs> {
  return {
    addHighlight: (input) => {
      const h = annotate.addHighlight(db, input)
      events.emit('libraryChanged', { reason: 'highlights', articleId: h.articleId })
      return h
    },
    updateHighlight: (input) => {
      const h = annotate.updateHighlight(db, input)
      events.emit('libraryChanged', { reason: 'highlights', articleId: h.articleId })
      return h
    },
    deleteHighlight: ({ id }) => {
      const r = annotate.deleteHighlight(db, id)
      events.emit('libraryChanged', { reason: 'highlights' })
      return r
    },
    listQuotes: (input) => annotate.listQuotes(db, input),
    exportHighlights: ({ query, ...rest }) =>
      exportHighlights(db, query === undefined ? rest : { ...rest, ids: highlightIdsFor(db, query), label: `Search ${query}` })
  }
}

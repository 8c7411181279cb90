import type { ReadingOutputs } from '../../shared/contract/reading'
import type { AppContext } from '../context'
import * as articles from '../db/articles'
import { notFound, type AreaHandlers } from './types'

export function readingHandlers({ db, events }: AppContext): AreaHandlers<ReadingOutputs> {
  return {
    setArticleState: ({ ids, state, starred }) => {
      const updated = db.transaction(() => articles.setArticleState(db, ids, { state, starred })).immediate()
      events.emit('libraryChanged', { reason: 'state', ...(ids.length === 1 ? { articleId: ids[0] } : {}) })
      return { updated }
    },
    // Sent at most every second or two while someone reads: lists showing "62%" follow it.
    setReadingProgress: ({ id, progress, position }) => {
      const r = articles.setReadingProgress(db, id, progress, position, new Date().toISOString())
      if (!r) throw notFound('article', id)
      events.emit('libraryChanged', { reason: 'progress', articleId: id })
      return r
    }
  }
}

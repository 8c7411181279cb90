import type { QuoteOutputs } from '../../shared/contract/quotes'
import type { AppContext } from '../context'
import { articleExists } from '../db/articles'
import { articleQuotes } from '../db/quotes'
import * as quotes from '../quotes/service'
import { notFound, type AreaHandlers } from './types'

export function quoteHandlers({ db, events }: AppContext): AreaHandlers<QuoteOutputs> {
  return {
    articleQuotes: ({ articleId }) => {
      if (!articleExists(db, articleId)) throw notFound('article', articleId)
      return articleQuotes(db, articleId)
    },
    setQuoteSpeaker: ({ id, speaker }) => quotes.setQuoteSpeaker(db, id, speaker),
    highlightQuote: ({ id, color }) => {
      const h = quotes.highlightQuote(db, id, color)
      events.emit('libraryChanged', { reason: 'highlights', articleId: h.articleId })
      return h
    },
    listSpeakers: ({ limit }) => quotes.listSpeakers(db, limit),
    speakerQuotes: ({ name, limit, offset }) => quotes.speakerQuotes(db, name, limit, offset),
    mergeSpeakers: ({ from, into }) => {
      db.transaction(() => quotes.mergeSpeakers(db, from, into)).immediate()
      return { merged: true }
    },
    exportSpeakerQuotes: ({ name, format }) => quotes.exportSpeakerQuotes(db, name, format)
  }
}

import type { ArticleOutputs } from '../../shared/contract/articles'
import type { AppContext } from '../context'
import * as articles from '../db/articles'
import { patchCorrections, type CorrectionPatch } from '../db/corrections'
import { normaliseDate } from '../page/metadata'
import { reextractArticles } from '../import/reextract'
import { retryMissingImages } from '../import/retry-images'
import { notFound, type AreaHandlers } from './types'

export function articleHandlers(ctx: AppContext): AreaHandlers<ArticleOutputs> {
  const { db, events } = ctx
  return {
    editArticle: ({ id, reset, ...values }) => {
      if (!articles.articleExists(db, id)) throw notFound('article', id)
      const patch: CorrectionPatch = {}
      if (values.title !== undefined) patch.title = values.title
      if (values.authors !== undefined) patch.authors = values.authors
      if (values.site !== undefined) patch.site = values.site
      if (values.publishedAt !== undefined) patch.publishedAt = values.publishedAt === null ? null : normaliseDate(values.publishedAt)
      for (const field of reset) {
        if (field === 'publishedAt') patch.resetPublished = true
        else patch[field] = null
      }
      db.transaction(() => {
        patchCorrections(db, id, patch)
        articles.refreshCorrectedMetadata(db, id)
      }).immediate()
      events.emit('libraryChanged', { reason: 'details', articleId: id })
      return articles.getArticle(db, id)!
    },
    reextractArticles: (input) => reextractArticles(ctx, input),
    retryImages: ({ id }) => retryMissingImages(ctx, { id })
  }
}

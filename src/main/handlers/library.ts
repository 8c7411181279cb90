import type { LibraryOutputs } from '../../shared/contract/library'
import type { AppContext } from '../context'
import { schemaVersion } from '../db/connection'
import * as articles from '../db/articles'
import * as tags from '../db/tags'
import { countHighlights } from '../db/highlights'
import { runImport } from '../import/run'
import { VERSION } from '../version'
import { notFound, type AreaHandlers } from './types'

export function libraryHandlers(ctx: AppContext): AreaHandlers<LibraryOutputs> {
  const { db, events } = ctx
  return {
    info: () => ({
      version: VERSION,
      dbPath: ctx.dbPath,
      schemaVersion: schemaVersion(db),
      articles: articles.countArticles(db),
      highlights: countHighlights(db)
    }),
    listArticles: (input) => articles.listArticles(db, input),
    getArticle: ({ id }) => {
      const article = articles.getArticle(db, id)
      if (!article) throw notFound('article', id)
      return article
    },
    deleteArticles: ({ ids }) => {
      const deleted = db.transaction(() => {
        const n = articles.deleteArticles(db, ids)
        tags.pruneTags(db)
        return n
      }).immediate()
      events.emit('libraryChanged', { reason: 'delete' })
      return { deleted }
    },
    setArticleTags: ({ id, tags: names }) => {
      if (!articles.articleExists(db, id)) throw notFound('article', id)
      db.transaction(() => {
        tags.setArticleTags(db, id, names)
        tags.pruneTags(db)
      }).immediate()
      events.emit('libraryChanged', { reason: 'tags' })
      return { tags: tags.tagsForArticles(db, [id]).get(id) ?? [] }
    },
    listTags: () => tags.listTags(db),
    renameTag: ({ from, to }) => {
      const r = db.transaction(() => tags.renameTag(db, from, to)).immediate()
      events.emit('libraryChanged', { reason: 'tags' })
      return r
    },
    importItems: (input) => runImport(ctx, input)
  }
}

import type { LibraryOutputs } from '../../shared/contract/library'
import type { AppContext } from '../context'
import { schemaVersion } from '../db/connection'
import * as articles from '../db/articles'
import * as tags from '../db/tags'
import { libraryCounts } from '../db/counts'
import { runImport } from '../import/run'
import { VERSION } from '../version'
import { notFound, type AreaHandlers } from './types'

export function libraryHandlers(ctx: AppContext): AreaHandlers<LibraryOutputs> {
  const { db, events } = ctx
  return {
    info: () => {
      const counts = libraryCounts(db)
      return {
        version: VERSION,
        dbPath: ctx.dbPath,
        schemaVersion: schemaVersion(db),
        articles: counts.articles,
        highlights: counts.highlights,
        inbox: counts.inbox,
        archive: counts.archive,
        starred: counts.starred
      }
    },
    listArticles: (input) => articles.listArticles(db, input),
    listArticleStates: (input) => articles.listArticleStates(db, input),
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
    addArticleTags: ({ ids, tags: names }) => {
      const updated = db.transaction(() => {
        let n = 0
        for (const id of ids) {
          if (!articles.articleExists(db, id)) continue
          tags.addArticleTags(db, id, names)
          n++
        }
        return n
      }).immediate()
      events.emit('libraryChanged', { reason: 'tags' })
      return { updated }
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

/** The library: articles, their tags, and imports. */
import { z } from 'zod'
import { ARTICLE_SORTS, ARTICLE_STATES } from '../vocabulary'
import type { AppInfo, Article, ArticleList, ArticleStateRow, ImportSummary, TagCount } from '../types'
import { id, tagName } from './common'
import { CaptureItemSchema } from './capture'

export const ImportItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('url'), url: z.string().min(1).max(8192) }),
  /** HTML pasted or dropped by the user, or read from a file by the renderer. */
  z.object({
    kind: z.literal('html'),
    html: z.string().min(1).max(40_000_000),
    url: z.string().max(8192).optional(),
    name: z.string().max(1000).optional()
  }),
  /** A file's content sent by the UI (picked or dropped): a page, a URL list or an export. */
  z.object({
    kind: z.literal('file'),
    name: z.string().min(1).max(1000),
    base64: z.string().min(1).max(80_000_000)
  }),
  /** A path on the machine that runs main (file, folder, or an export of another app). */
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  /** A page captured by the browser extension, with its images and selection. */
  CaptureItemSchema
])
export type ImportItem = z.infer<typeof ImportItemSchema>

/** Which articles a list shows: one reading state, starred ones, one tag (all given must hold). */
const articleFilter = {
  state: z.enum(ARTICLE_STATES).optional(),
  starred: z.boolean().optional(),
  tag: tagName.optional(),
  /** Left out of the list: articles the UI is about to delete (while their Undo is offered). */
  exclude: z.array(id).max(200_000).optional()
}
/** As many ids as a "select all" over a large archive can hold. */
const manyIds = z.array(id).min(1).max(200_000)

export const librarySchemas = {
  /** Version, database location and counts. */
  info: z.object({}).strict(),
  /** One page of the library, newest first by default. */
  listArticles: z
    .object({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
      sort: z.enum(ARTICLE_SORTS).default('saved'),
      ...articleFilter
    })
    .strict(),
  /** Every article a list shows, in its order, with its reading state (for "select all" and its Undo). */
  listArticleStates: z.object({ sort: z.enum(ARTICLE_SORTS).default('saved'), ...articleFilter }).strict(),
  /** One article with its reader document, plain text, tags and highlights. */
  getArticle: z.object({ id }).strict(),
  /** Delete articles with their assets and highlights. */
  deleteArticles: z.object({ ids: manyIds }).strict(),
  /** Replace an article's tags (created on the fly, matched case-insensitively). */
  setArticleTags: z.object({ id, tags: z.array(tagName).max(200) }).strict(),
  /** Add tags to many articles at once, keeping the tags they have. */
  addArticleTags: z.object({ ids: manyIds, tags: z.array(tagName).min(1).max(50) }).strict(),
  /** Every tag with how many articles and highlights carry it. */
  listTags: z.object({}).strict(),
  /** Rename a tag; renaming onto an existing tag merges the two. */
  renameTag: z.object({ from: tagName, to: tagName }).strict(),
  /** Import URLs, HTML, files, folders or exports; progress arrives as `importProgress` events. */
  importItems: z
    .object({
      jobId: z.string().min(1).max(100).optional(),
      items: z.array(ImportItemSchema).min(1).max(100_000),
      tags: z.array(tagName).max(50).default([]),
      force: z.boolean().default(false)
    })
    .strict()
}

export interface LibraryOutputs {
  info: AppInfo
  listArticles: ArticleList
  listArticleStates: ArticleStateRow[]
  getArticle: Article
  deleteArticles: { deleted: number }
  setArticleTags: { tags: string[] }
  addArticleTags: { updated: number }
  listTags: TagCount[]
  renameTag: { name: string; merged: boolean }
  importItems: ImportSummary
}

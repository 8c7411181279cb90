/** The library: articles, their tags, and imports. */
import { z } from 'zod'
import { ARTICLE_SORTS } from '../vocabulary'
import type { AppInfo, Article, ArticleList, ImportSummary, TagCount } from '../types'
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

export const librarySchemas = {
  /** Version, database location and counts. */
  info: z.object({}).strict(),
  /** One page of the library, newest first by default. */
  listArticles: z
    .object({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
      sort: z.enum(ARTICLE_SORTS).default('saved'),
      tag: tagName.optional()
    })
    .strict(),
  /** One article with its reader document, plain text, tags and highlights. */
  getArticle: z.object({ id }).strict(),
  /** Delete articles with their assets and highlights. */
  deleteArticles: z.object({ ids: z.array(id).min(1).max(10_000) }).strict(),
  /** Replace an article's tags (created on the fly, matched case-insensitively). */
  setArticleTags: z.object({ id, tags: z.array(tagName).max(200) }).strict(),
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
  getArticle: Article
  deleteArticles: { deleted: number }
  setArticleTags: { tags: string[] }
  listTags: TagCount[]
  renameTag: { name: string; merged: boolean }
  importItems: ImportSummary
}

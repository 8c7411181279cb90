/**
 * The one contract between Clipfile's UI and its main process.
 *
 * Every method is declared here once: its input schema (zod, validated in main before
 * anything touches the database) and its result type. The Electron preload, the HTTP
 * bridge of `clipfile serve` and the CLI all satisfy `ClipfileApi`; each host binds the
 * whole map in one loop over `methodNames`.
 *
 * No Node, no DOM here: this file is imported by main, preload and renderer.
 */
import { z } from 'zod'
import type { Result } from './result'
import type { EventName, MethodName } from './methods'
import type {
  AppInfo,
  Article,
  ArticleList,
  ImportItemResult,
  ImportSummary,
  TagCount
} from './types'

export type { Result } from './result'
export * from './types'
export { methodNames, eventNames, isMethodName, type MethodName, type EventName } from './methods'

const id = z.number().int().positive()
const tagName = z
  .string()
  .trim()
  .min(1, 'a tag needs at least one character')
  .max(100, 'a tag is at most 100 characters')
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'a tag cannot contain control characters')

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
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) })
])
export type ImportItem = z.infer<typeof ImportItemSchema>

export const schemas = {
  /** Version, database location and counts. */
  info: z.object({}).strict(),
  /** One page of the library, newest first by default. */
  listArticles: z
    .object({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
      sort: z.enum(['saved', 'published', 'title']).default('saved'),
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
  /** Import URLs, HTML, files, folders or exports; progress arrives as `importProgress` events. */
  importItems: z
    .object({
      jobId: z.string().min(1).max(100).optional(),
      items: z.array(ImportItemSchema).min(1).max(100_000),
      tags: z.array(tagName).max(50).default([]),
      force: z.boolean().default(false)
    })
    .strict()
} satisfies { [K in MethodName]: z.ZodType }

/** What each method gives back when it succeeds. */
export interface Outputs {
  info: AppInfo
  listArticles: ArticleList
  getArticle: Article
  deleteArticles: { deleted: number }
  setArticleTags: { tags: string[] }
  listTags: TagCount[]
  importItems: ImportSummary
}

export type Input<K extends MethodName> = z.input<(typeof schemas)[K]>
export type ParsedInput<K extends MethodName> = z.output<(typeof schemas)[K]>

/** The API as the UI sees it: every method async, every answer a Result. */
export type ClipfileApi = {
  [K in MethodName]: (input: Input<K>) => Promise<Result<Outputs[K]>>
}

/** Events main pushes to every window. */
export interface ImportProgress {
  jobId: string
  done: number
  total: number
  failed: number
  current: string | null
  /** Set on the last event of a job. */
  finished: boolean
  lastError?: { source: string; message: string }
  /** The item that just finished (absent on start and on the final event). */
  lastResult?: ImportItemResult
}
export interface EventMap {
  libraryChanged: { reason: 'import' | 'delete' | 'tags' | 'highlights' }
  importProgress: ImportProgress
}
// Every event name has a payload type, and every payload type a name.
type _EventsComplete = [EventName] extends [keyof EventMap] ? ([keyof EventMap] extends [EventName] ? true : never) : never
const _eventsComplete: _EventsComplete = true
void _eventsComplete

/** The object a host puts at `window.clipfile`: the api, events, and where assets live. */
export interface ClipfileBridge extends ClipfileApi {
  /** Subscribe to an event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void
  /** The URL the reader uses for a stored asset (never a remote URL). */
  assetUrl(assetId: number): string
  /** Which host the UI runs in. */
  readonly host: 'electron' | 'browser'
}

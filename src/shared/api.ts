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
  DetectedQuoteRow,
  Speaker,
  SpeakerQuote,
  ExportFile,
  Highlight,
  QuoteList,
  SavedSearch,
  SearchResult,
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

/** Highlight colours, in the order the toolbar offers them. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number]
const color = z.enum(HIGHLIGHT_COLORS)
const note = z.string().max(20_000, 'a note is at most 20,000 characters')
const offset = z.number().int().min(0)

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
    .strict(),
  /** Highlight a range of the article's plain text, or the one place a quote occurs. */
  addHighlight: z
    .object({
      articleId: id,
      start: offset.optional(),
      end: offset.optional(),
      quote: z.string().trim().min(1, 'the quote is empty').max(20_000).optional(),
      color: color.default('yellow'),
      note: note.default(''),
      tags: z.array(tagName).max(50).default([])
    })
    .strict()
    .refine((v) => (v.quote !== undefined) !== (v.start !== undefined && v.end !== undefined), {
      message: 'give either start and end, or quote'
    })
    .refine((v) => v.start === undefined || v.end === undefined || v.end > v.start, { message: 'end must be after start' }),
  /** Change a highlight's colour, note or tags. */
  updateHighlight: z
    .object({ id, color: color.optional(), note: note.optional(), tags: z.array(tagName).max(50).optional() })
    .strict(),
  /** Delete one highlight. */
  deleteHighlight: z.object({ id }).strict(),
  /** Highlights across the library with their articles, filtered by article, tag or colour. */
  listQuotes: z
    .object({
      articleId: id.optional(),
      tag: tagName.optional(),
      color: color.optional(),
      limit: z.number().int().min(1).max(2000).default(200),
      offset: offset.default(0)
    })
    .strict(),
  /** Rename a tag; renaming onto an existing tag merges the two. */
  renameTag: z.object({ from: tagName, to: tagName }).strict(),
  /** Highlights (of one article, a tag, or everything) as Markdown, Web Annotation JSON-LD, CSV, or one article as HTML. */
  exportHighlights: z
    .object({
      format: z.enum(['md', 'json', 'csv', 'html']),
      articleId: id.optional(),
      tag: tagName.optional(),
      /** The highlights a search finds. */
      query: z.string().max(2000).optional()
    })
    .strict()
    .refine((v) => v.format !== 'html' || v.articleId !== undefined, { message: 'the HTML export is of one article: give articleId' })
    .refine((v) => v.query === undefined || v.format !== 'html', { message: 'the HTML export is of one article, not of a search' }),
  /** Search articles, highlights, notes and tags with the query language; a bad query still answers, with `error`. */
  search: z
    .object({
      query: z.string().max(2000, 'a query is at most 2,000 characters'),
      sort: z.enum(['relevance', 'newest', 'oldest']).default('relevance'),
      limit: z.number().int().min(1).max(200).default(20),
      offset: offset.default(0),
      facets: z.boolean().default(true),
      timeline: z.boolean().default(true)
    })
    .strict(),
  /** Saved searches with how many articles each finds now. */
  listSavedSearches: z.object({}).strict(),
  /** Keep a query under a name (an existing name is updated). */
  saveSearch: z
    .object({ name: z.string().trim().min(1, 'give the search a name').max(100), query: z.string().trim().min(1, 'the query is empty').max(2000) })
    .strict(),
  deleteSavedSearch: z.object({ id }).strict(),
  /** The quotations detected in an article, with speakers and confidence. */
  articleQuotes: z.object({ articleId: id }).strict(),
  /** Correct who said a detected quote (null: nobody known); kept across re-imports. */
  setQuoteSpeaker: z.object({ id, speaker: z.string().trim().max(200).nullable() }).strict(),
  /** Turn a detected quote into a highlight tagged with its speaker. */
  highlightQuote: z.object({ id, color: color.default('yellow') }).strict(),
  /** People and organisations quoted across the archive, most quoted first. */
  listSpeakers: z.object({ limit: z.number().int().min(1).max(5000).default(500) }).strict(),
  /** Everything one speaker is quoted as saying, newest first. */
  speakerQuotes: z
    .object({ name: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(2000).default(200), offset: offset.default(0) })
    .strict(),
  /** Make one speaker name another's alias everywhere ("Tillerson" → "Rex Tillerson"). */
  mergeSpeakers: z.object({ from: z.string().trim().min(1).max(200), into: z.string().trim().min(1).max(200) }).strict(),
  /** A speaker's quotes with citations, as Markdown or CSV. */
  exportSpeakerQuotes: z.object({ name: z.string().trim().min(1).max(200), format: z.enum(['md', 'csv']).default('md') }).strict()
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
  addHighlight: Highlight
  updateHighlight: Highlight
  deleteHighlight: { deleted: number }
  listQuotes: QuoteList
  renameTag: { name: string; merged: boolean }
  exportHighlights: ExportFile
  search: SearchResult
  listSavedSearches: SavedSearch[]
  saveSearch: SavedSearch
  deleteSavedSearch: { deleted: number }
  articleQuotes: DetectedQuoteRow[]
  setQuoteSpeaker: DetectedQuoteRow
  highlightQuote: Highlight
  listSpeakers: Speaker[]
  speakerQuotes: { total: number; items: SpeakerQuote[] }
  mergeSpeakers: { merged: boolean }
  exportSpeakerQuotes: ExportFile
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
  libraryChanged: { reason: 'import' | 'delete' | 'tags' | 'highlights' | 'searches'; articleId?: number }
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

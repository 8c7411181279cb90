/**
 * The one contract between Clipfile's UI and its main process.
 *
 * Every method is declared once, in its area's file under contract/: its input schema (zod,
 * validated in main before anything touches the database) and its result type. This file
 * assembles them. The Electron preload, the HTTP bridge of `clipfile serve` and the CLI all
 * satisfy `ClipfileApi`; each host binds the whole map in one loop over `methodNames`.
 *
 * No Node, no DOM here: this file is imported by main, preload and renderer (the renderer
 * only for types: its values come from vocabulary.ts, so it bundles no zod).
 */
import type { z } from 'zod'
import type { Result } from './result'
import type { EventName, MethodName } from './methods'
import type { ImportItemResult, ReextractProgress } from './types'
import { librarySchemas, type LibraryOutputs } from './contract/library'
import { highlightSchemas, type HighlightOutputs } from './contract/highlights'
import { searchSchemas, type SearchOutputs } from './contract/search'
import { quoteSchemas, type QuoteOutputs } from './contract/quotes'
import { teamSchemas, type TeamOutputs } from './contract/team'
import { captureSchemas, type CaptureOutputs } from './contract/capture'
import { versionSchemas, type VersionOutputs } from './contract/versions'
import { articleSchemas, type ArticleOutputs } from './contract/articles'
import { readingSchemas, type ReadingOutputs } from './contract/reading'
import { settingsSchemas, type SettingsOutputs } from './contract/settings'

export type { Result } from './result'
export * from './types'
export * from './vocabulary'
export { ImportItemSchema, type ImportItem } from './contract/library'
export { CaptureItemSchema, type CaptureItem } from './contract/capture'
export { methodNames, eventNames, isMethodName, type MethodName, type EventName } from './methods'

/** Every method's input schema. */
export const schemas = {
  ...librarySchemas,
  ...highlightSchemas,
  ...searchSchemas,
  ...quoteSchemas,
  ...teamSchemas,
  ...captureSchemas,
  ...versionSchemas,
  ...articleSchemas,
  ...readingSchemas,
  ...settingsSchemas
} satisfies { [K in MethodName]: z.ZodType }

/** What each method gives back when it succeeds. */
export interface Outputs
  extends LibraryOutputs, HighlightOutputs, SearchOutputs, QuoteOutputs, TeamOutputs, CaptureOutputs, VersionOutputs, ArticleOutputs, ReadingOutputs, SettingsOutputs {}

// Every method name has a schema and an output, and nothing else does.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const _complete: [Same<keyof typeof schemas, MethodName>, Same<keyof Outputs, MethodName>] = [true, true]
void _complete

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
  /**
   * `state`: inbox/archive/star; `progress`: how far an article has been read; `external`:
   * another program (the CLI, another window) changed the archive; `versions`: a new version
   * of an article was recorded; `details`: the user corrected an article's details; `images`:
   * images kept as placeholders were fetched.
   */
  libraryChanged: {
    reason: 'import' | 'delete' | 'tags' | 'highlights' | 'searches' | 'versions' | 'state' | 'progress' | 'external' | 'details' | 'images'
    articleId?: number
  }
  importProgress: ImportProgress
  /** A browser asked to pair, or a pairing was approved or revoked (the UI lists them again). */
  pairingsChanged: { pending: number }
  /** The browser extension asked the app to show an article it saved. */
  openArticle: { id: number }
  reextractProgress: ReextractProgress
}
// Every event name has a payload type, and every payload type a name.
const _eventsComplete: Same<EventName, keyof EventMap> = true
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

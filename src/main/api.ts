/**
 * ClipfileApi implemented over the services: plain functions, no Electron. Every host
 * (ipc.ts, server.ts, cli.ts) goes through `dispatch`, which validates the payload with
 * the contract's schema and turns every failure into a message a person can read.
 */
import type { ZodError } from 'zod'
import {
  methodNames,
  isMethodName,
  schemas,
  type ClipfileApi,
  type MethodName,
  type Outputs,
  type ParsedInput
} from '../shared/api'
import { UserError, type Result } from '../shared/result'
import type { DB } from './db/connection'
import { schemaVersion } from './db/connection'
import * as articles from './db/articles'
import * as tags from './db/tags'
import { countHighlights } from './db/highlights'
import type { EventBus } from './events'
import { runImport } from './import/run'
import type { Preparer } from './import/pool'
import * as annotate from './annotate/service'
import { exportHighlights } from './export/service'
import * as searchService from './search/service'
import * as savedSearches from './db/saved-searches'
import * as quotes from './quotes/service'
import * as quotesDb from './db/quotes'
import pkg from '../../package.json'

export const VERSION: string = pkg.version

export interface AppContext {
  db: DB
  dbPath: string
  events: EventBus
  /** Turns a page into an article (in a worker thread where possible). */
  prepare: Preparer
}

/** What main does for each method, given input that already passed its schema. */
export type Handlers = {
  [K in MethodName]: (input: ParsedInput<K>) => Promise<Outputs[K]> | Outputs[K]
}

const notFound = (what: string, id: number) => new UserError('not_found', `No ${what} with id ${id}.`)

export function createHandlers(ctx: AppContext): Handlers {
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
    getArticle: ({ id }) => articles.getArticle(db, id) ?? throwError(notFound('article', id)),
    deleteArticles: ({ ids }) => {
      const deleted = articles.deleteArticles(db, ids)
      tags.pruneTags(db)
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
    importItems: (input) => runImport(ctx, input),
    addHighlight: (input) => {
      const h = annotate.addHighlight(db, input)
      events.emit('libraryChanged', { reason: 'highlights', articleId: h.articleId })
      return h
    },
    updateHighlight: (input) => {
      const h = annotate.updateHighlight(db, input)
      events.emit('libraryChanged', { reason: 'highlights', articleId: h.articleId })
      return h
    },
    deleteHighlight: ({ id }) => {
      const r = annotate.deleteHighlight(db, id)
      events.emit('libraryChanged', { reason: 'highlights' })
      return r
    },
    listQuotes: (input) => annotate.listQuotes(db, input),
    renameTag: ({ from, to }) => {
      const r = db.transaction(() => tags.renameTag(db, from, to)).immediate()
      events.emit('libraryChanged', { reason: 'tags' })
      return r
    },
    exportHighlights: ({ query, ...rest }) =>
      exportHighlights(db, query === undefined ? rest : { ...rest, ids: searchService.highlightIdsFor(db, query), label: `Search ${query}` }),
    search: (input) => searchService.search(db, input),
    listSavedSearches: () => searchService.listSavedSearches(db),
    saveSearch: ({ name, query }) => {
      const s = searchService.saveSearch(db, name, query)
      events.emit('libraryChanged', { reason: 'searches' })
      return s
    },
    deleteSavedSearch: ({ id }) => {
      savedSearches.deleteSavedSearch(db, id)
      events.emit('libraryChanged', { reason: 'searches' })
      return { deleted: 1 }
    },
    articleQuotes: ({ articleId }) => {
      if (!articles.articleExists(db, articleId)) throw notFound('article', articleId)
      return quotesDb.articleQuotes(db, articleId)
    },
    setQuoteSpeaker: ({ id, speaker }) => quotes.setQuoteSpeaker(db, id, speaker)!,
    highlightQuote: ({ id, color }) => {
      const h = quotes.highlightQuote(db, id, color)
      events.emit('libraryChanged', { reason: 'highlights', articleId: h.articleId })
      return h
    },
    listSpeakers: ({ limit }) => quotes.listSpeakers(db, limit),
    speakerQuotes: ({ name, limit, offset }) => quotes.speakerQuotes(db, name, limit, offset),
    mergeSpeakers: ({ from, into }) => {
      db.transaction(() => quotesDb.mergeSpeakers(db, from, into)).immediate()
      return { merged: true }
    },
    exportSpeakerQuotes: ({ name, format }) => quotes.exportSpeakerQuotes(db, name, format)
  }
}

function throwError(e: Error): never {
  throw e
}

/** Formats zod's issues as one line: `items.0.url: Too small …; limit: …`. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ')
}

/** Validates `payload` against the method's schema, runs it, and never throws. */
export async function dispatch(handlers: Handlers, name: string, payload: unknown): Promise<Result<unknown>> {
  if (!isMethodName(name)) {
    return { ok: false, error: { code: 'not_found', message: `Unknown method "${name}".` } }
  }
  const method = name as MethodName
  const parsed = schemas[method].safeParse(payload ?? {})
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${method}: ${describeZodError(parsed.error)}` } }
  }
  try {
    const run = handlers[method] as (input: unknown) => unknown
    return { ok: true, value: await run(parsed.data) }
  } catch (e) {
    return { ok: false, error: toApiError(e) }
  }
}

function toApiError(e: unknown): { code: UserError['code']; message: string } {
  if (e instanceof UserError) return { code: e.code, message: e.message }
  const err = e as { code?: string; message?: string }
  if (err?.code === 'SQLITE_CORRUPT_VTAB') {
    console.error('[clipfile] search index error:', e)
    return { code: 'internal', message: "The search index is out of step with the archive. Run 'clipfile check --repair' to rebuild it; no articles are lost." }
  }
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_BUSY')) {
    return { code: 'internal', message: 'The archive is busy (another Clipfile is writing). Try again in a moment.' }
  }
  // Unexpected: keep the details for the log, show the person a sentence.
  console.error('[clipfile] internal error:', e)
  return { code: 'internal', message: 'Something went wrong inside Clipfile; the details are in its log.' }
}

/** The api as direct function calls (CLI, tests): same validation as the other hosts. */
export function createApi(handlers: Handlers): ClipfileApi {
  const api = {} as Record<MethodName, (input: unknown) => Promise<Result<unknown>>>
  for (const name of methodNames) api[name] = (input) => dispatch(handlers, name, input)
  return api as ClipfileApi
}

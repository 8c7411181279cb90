/** Detected quotes as the api offers them: per article, corrected, turned into highlights; speakers across the archive. */
import type { DetectedQuoteRow, ExportFile, Highlight, SpeakerQuote, SpeakerSummary } from '../../shared/types'
import { UserError } from '../../shared/result'
import type { DB } from '../db/connection'
import * as q from '../db/quotes'
import { articleRefs } from '../db/articles'
import { addHighlight } from '../annotate/service'
import { toMarkdown } from '../export/markdown'
import { toCsv } from '../export/csv'
import { speakerKey } from './aliases'
import { findQuotes } from './detect'
import { keysFor } from './speakers'

export { listSpeakers, mergeSpeakers } from './speakers'

export function setQuoteSpeaker(db: DB, id: number, speaker: string | null): DetectedQuoteRow {
  if (!q.getQuote(db, id)) throw new UserError('not_found', `No detected quote with id ${id}.`)
  const name = speaker?.trim() || null
  q.correctSpeaker(db, id, name, name ? speakerKey(name) : null)
  return q.getQuote(db, id)!
}

/**
 * Detects the quotes of every stored article (an archive from before quote detection):
 * run once after the migration that made the table, in pages, in the caller's transaction.
 */
export function backfillQuotes(db: DB): void {
  const page = db.prepare<[number], { article_id: number; text: string }>(
    'SELECT article_id, text FROM article_content WHERE article_id > ? ORDER BY article_id LIMIT 500'
  )
  for (let last = 0; ; ) {
    // In pages: a connection cannot write while it iterates a read.
    const rows = page.all(last)
    if (rows.length === 0) break
    for (const row of rows) q.storeQuotes(db, row.article_id, findQuotes(row.text))
    last = rows[rows.length - 1].article_id
  }
}

/** Turns a detected quote into a highlight tagged with its speaker (once: a second call returns the same). */
export function highlightQuote(db: DB, id: number, color: string): Highlight {
  return db.transaction(() => {
    const quote = q.getQuote(db, id)
    if (!quote) throw new UserError('not_found', `No detected quote with id ${id}.`)
    if (quote.highlightId !== null) {
      const existing = db.prepare('SELECT id FROM highlights WHERE id = ?').get(quote.highlightId)
      if (existing) throw new UserError('conflict', 'This quote is highlighted already.')
    }
    const h = addHighlight(db, {
      articleId: quote.articleId,
      start: quote.start,
      end: quote.end,
      color,
      note: '',
      tags: quote.speaker ? [quote.speaker] : []
    })
    q.linkHighlight(db, id, h.id)
    return h
  }).immediate()
}

export function speakerQuotes(db: DB, name: string, limit: number, offset: number): { total: number; items: SpeakerQuote[] } & SpeakerSummary {
  const keys = keysFor(db, name)
  const { total, items } = q.quotesBySpeaker(db, keys, limit, offset)
  const refs = articleRefs(db, [...new Set(items.map((x) => x.articleId))])
  return { total, items: items.map((x) => ({ ...x, article: refs.get(x.articleId)! })), ...q.speakerSpread(db, keys) }
}

/** A speaker's quotes with citations, through the same writers as highlights. */
export function exportSpeakerQuotes(db: DB, name: string, format: 'md' | 'csv'): ExportFile {
  const { items } = speakerQuotes(db, name, 100_000, 0)
  const byArticle = new Map<number, Parameters<typeof toMarkdown>[0][number]>()
  for (const x of items) {
    const a = byArticle.get(x.articleId) ?? { ...x.article, highlights: [] }
    a.highlights.push({
      id: x.id,
      articleId: x.articleId,
      color: 'yellow',
      note: `${x.speaker ?? 'Unknown speaker'}${x.corrected ? '' : ` (detected, confidence ${x.confidence.toFixed(2)})`}`,
      tags: x.speaker ? [x.speaker] : [],
      exact: x.text,
      prefix: '',
      suffix: '',
      start: x.start,
      end: x.end,
      orphan: false,
      version: 1,
      originalExact: x.text,
      changedIn: null,
      createdAt: x.article.savedAt,
      updatedAt: x.article.savedAt
    })
    byArticle.set(x.articleId, a)
  }
  const articles = [...byArticle.values()]
  const slug = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'speaker'
  const title = `Quotes by ${name}`
  return format === 'md'
    ? { filename: `clipfile-quotes-${slug}.md`, mime: 'text/markdown; charset=utf-8', content: toMarkdown(articles, { title }), count: items.length }
    : { filename: `clipfile-quotes-${slug}.csv`, mime: 'text/csv; charset=utf-8', content: toCsv(articles), count: items.length }
}

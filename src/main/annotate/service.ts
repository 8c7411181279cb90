/**
 * Highlights as the api offers them: made from a text range or a quote, edited, deleted,
 * listed across the library, and re-anchored when an article's text changes.
 */
import type { Highlight, QuoteList } from '../../shared/types'
import { UserError } from '../../shared/result'
import type { DB } from '../db/connection'
import * as hl from '../db/highlights'
import { ensureTags, pruneTags } from '../db/tags'
import { describeRange, findQuote, reanchorAll } from './anchor'
import { looseQuote } from './normalize'
import { articleRefs, articleText } from '../db/articles'

export interface NewHighlightInput {
  articleId: number
  start?: number
  end?: number
  quote?: string
  color: string
  note: string
  tags: string[]
}

function textOf(db: DB, articleId: number): string {
  const text = articleText(db, articleId)
  if (text === null) throw new UserError('not_found', `No article with id ${articleId}.`)
  return text
}

/** Where a new highlight goes: the given range, or the one place the quote occurs. */
function locate(text: string, input: NewHighlightInput): { start: number; end: number } {
  if (input.quote !== undefined) {
    const found = findQuote(text, input.quote)
    if (found === 'missing') throw new UserError('not_found', `The quote is not in this article: “${input.quote.slice(0, 120)}”`)
    if (found === 'ambiguous') {
      throw new UserError('conflict', `The quote occurs more than once in this article; quote more words so it is unique: “${input.quote.slice(0, 120)}”`)
    }
    return found
  }
  return { start: input.start!, end: input.end! }
}

/** Makes a highlight; its selectors are computed here from the stored text. */
export function addHighlight(db: DB, input: NewHighlightInput): Highlight {
  return db.transaction(() => {
    const text = textOf(db, input.articleId)
    const range = locate(text, input)
    const sel = describeRange(text, range.start, range.end)
    const id = hl.insertHighlight(db, { articleId: input.articleId, ...sel, color: input.color, note: input.note })
    if (input.tags.length) hl.setHighlightTags(db, id, ensureTags(db, input.tags))
    return hl.getHighlight(db, id)!
  }).immediate()
}

export function updateHighlight(db: DB, input: { id: number; color?: string; note?: string; tags?: string[] }): Highlight {
  return db.transaction(() => {
    if (!hl.getHighlight(db, input.id)) throw new UserError('not_found', `No highlight with id ${input.id}.`)
    hl.updateHighlightRow(db, input.id, input)
    if (input.tags) {
      hl.setHighlightTags(db, input.id, ensureTags(db, input.tags))
      pruneTags(db)
    }
    return hl.getHighlight(db, input.id)!
  }).immediate()
}

export function deleteHighlight(db: DB, id: number): { deleted: number } {
  return db.transaction(() => {
    if (!hl.deleteHighlightRow(db, id)) throw new UserError('not_found', `No highlight with id ${id}.`)
    pruneTags(db)
    return { deleted: 1 }
  }).immediate()
}

/** The library-wide Quotes view: highlights with the article each belongs to. */
export function listQuotes(db: DB, q: hl.HighlightQuery): QuoteList {
  const { total, items } = hl.queryHighlights(db, q)
  const refs = articleRefs(db, [...new Set(items.map((h) => h.articleId))])
  return { total, items: items.map((h) => ({ ...h, article: refs.get(h.articleId)! })) }
}

/**
 * After an article's text changed (a new version): moves every highlight to where its words
 * now are; what cannot be placed becomes an orphan, never deleted. A highlight whose words
 * now read differently from how they were highlighted (or that vanished) is marked with the
 * version in which that happened, so the reader can say so with both texts.
 */
export function reanchorArticleHighlights(
  db: DB,
  articleId: number,
  oldText: string,
  newText: string,
  version: number
): { moved: number; orphaned: number; changed: number } {
  if (oldText === newText) return { moved: 0, orphaned: 0, changed: 0 }
  const current = hl.listHighlights(db, { articleId })
  let moved = 0
  let orphaned = 0
  let changed = 0
  for (const r of reanchorAll(oldText, newText, current)) {
    const h = r.highlight
    const changedIn = changedInAfter(h, r.orphan ? null : r.selectors.exact, version)
    hl.setHighlightAnchor(db, h.id, r.selectors, r.orphan, changedIn)
    if (r.orphan) orphaned++
    else if (r.selectors.start !== h.start || h.orphan) moved++
    if (changedIn === version) changed++
  }
  return { moved, orphaned, changed }
}

const sameWords = (a: string, b: string): boolean => looseQuote(a) === looseQuote(b)

/**
 * The version in which a highlight's words changed, after re-anchoring onto `version`:
 * null when they read as highlighted (formatting aside); the earlier version when they were
 * already changed (or already gone) and still read the same; else `version`.
 */
function changedInAfter(h: Highlight, now: string | null, version: number): number | null {
  if (now === null) return h.orphan ? (h.changedIn ?? version) : version
  if (sameWords(now, h.originalExact)) return null
  return h.changedIn !== null && !h.orphan && sameWords(now, h.exact) ? h.changedIn : version
}

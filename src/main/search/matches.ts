/**
 * Where a query's words occur in one article's text, so that opening a search result can
 * land on the first match and step through the others.
 *
 * The ranges come from FTS5 itself — `highlight()` over the article's text column with the
 * query's own compiled expression — so they follow exactly the rules search matched by
 * (stemming, diacritics, prefixes, phrases), and are offsets in the very text that
 * highlights' selectors count in (the index's text column is article_content.text).
 */
import type { TextMatches } from '../../shared/types'
import type { DB } from '../db/connection'
import { articleText } from '../db/articles'
import { compileQuery } from './compile'
import { parseQueryLenient } from './parse'
import { prep } from './statements'

const OPEN = '\u0002'
const CLOSE = '\u0003'
/** The text column of articles_fts (title, byline, site, text, tags). */
const TEXT_COLUMN = 3
/** A result page shows where to go next; thousands of marks help nobody and cost the reader. */
export const MAX_MATCHES = 2000

export function textMatches(db: DB, articleId: number, query: string): TextMatches {
  const { fts } = compileQuery(parseQueryLenient(query).ast)
  if (!fts) return { ranges: [] }
  const marked = prep(
    db,
    // CAST: FTS5 takes a rowid constraint only as an integer, and numbers arrive bound as REAL.
    `SELECT highlight(articles_fts, ${TEXT_COLUMN}, char(2), char(3)) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = CAST(? AS INTEGER)`,
    true
  ).get(fts, articleId) as string | undefined
  if (!marked) return { ranges: [] }
  // A text that holds the marker characters itself cannot be read back reliably: no marks then.
  const text = articleText(db, articleId) ?? ''
  if (text.includes(OPEN) || text.includes(CLOSE)) return { ranges: [] }
  return { ranges: rangesIn(marked) }
}

/** Offsets of the marked stretches in the text with the marks taken out. */
export function rangesIn(marked: string): TextMatches['ranges'] {
  const ranges: TextMatches['ranges'] = []
  let offset = 0
  let start = -1
  for (let i = 0; i < marked.length; i++) {
    const ch = marked[i]
    if (ch === OPEN) start = offset
    else if (ch === CLOSE && start >= 0) {
      if (offset > start) ranges.push({ start, end: offset })
      start = -1
      if (ranges.length >= MAX_MATCHES) break
    } else offset++
  }
  return ranges
}

/** The rows of a results page: article fields, tags, snippets and matching highlights, read in batches. */
import { scratchBeside, type DB } from '../db/connection'
import { highlightCond, type CompiledQuery } from './compile'
import type { SearchHighlight, SearchHit } from '../../shared/types'
import { prep } from './statements'
import { ARTICLE_FTS_COLUMNS, ARTICLE_FTS_TOKENIZE } from './sql'
import { SNIPPET_CLOSE, SNIPPET_OPEN, type ArticleState } from '../../shared/vocabulary'
import { collapseSpaces } from '../../shared/spaces'

/** One page of the match set: the ids to show, with their scores, and how many match in all. */
export interface PageIds {
  total: number
  /** `total` is an estimate (search.ts APPROXIMATE_FROM). */
  approximate?: boolean
  ids: { id: number; score: number }[]
}

// ---------------------------------------------------------------------------------------
// The page's results: a fixed number of statements per page, whatever its size

interface ArticleRow {
  id: number
  title: string
  site: string | null
  byline: string | null
  published_at: string | null
  saved_at: string
  url: string
  excerpt: string | null
  dir: 'ltr' | 'rtl'
  state: ArticleState
  starred: number
  progress: number
  read_at: string | null
}

/** `(SELECT value FROM json_each(?))` as integers (better-sqlite3 binds numbers as REAL). */
const PAGE_IDS = '(SELECT CAST(value AS INTEGER) FROM json_each(?))'

/**
 * Above this many matches, snippets are taken one hit at a time (each a rowid lookup in the
 * doclists); at or below it, in one pass over the match set (see snippets()).
 */
const SNIPPET_SCAN_MAX = 5000

export function hits(db: DB, q: CompiledQuery, page: PageIds): SearchHit[] {
  if (page.ids.length === 0) return []
  const ids = page.ids.map((p) => p.id)
  const json = JSON.stringify(ids)
  const rows = new Map(
    (
      prep(db, `SELECT id, title, site, byline, published_at, saved_at, url, excerpt, dir, state, starred, progress, read_at FROM articles WHERE id IN ${PAGE_IDS}`).all(
        json
      ) as ArticleRow[]
    ).map((r) => [r.id, r])
  )
  const tags = group(
    prep(
      db,
      `SELECT at.article_id AS id, t.name AS name FROM article_tags at JOIN tags t ON t.id = at.tag_id ` +
        `WHERE at.article_id IN ${PAGE_IDS} ORDER BY t.name`
    ).all(json) as { id: number; name: string }[],
    (r) => r.name
  )
  const snips = snippets(db, q, ids, json, page.total)
  if (q.substrings.length) substringSnippets(db, q.substrings, ids.filter((id) => !snips.has(id)), snips)
  const highlights = matchingHighlights(db, q, json)
  const out: SearchHit[] = []
  for (const { id, score } of page.ids) {
    const a = rows.get(id)
    if (!a) continue
    out.push({
      id: a.id,
      title: a.title,
      site: a.site,
      byline: a.byline,
      publishedAt: a.published_at,
      savedAt: a.saved_at,
      url: a.url,
      dir: a.dir,
      tags: tags.get(id) ?? [],
      snippet: snips.get(id) ?? fallbackSnippet(db, a),
      score,
      highlights: highlights.get(id) ?? [],
      state: a.state,
      starred: a.starred === 1,
      progress: a.progress,
      readAt: a.read_at
    })
  }
  return out
}

/** Rows grouped by their `id`, in row order. */
function group<R extends { id: number }, T>(rows: R[], pick: (r: R) => T): Map<number, T[]> {
  const out = new Map<number, T[]>()
  for (const r of rows) {
    const list = out.get(r.id)
    if (list) list.push(pick(r))
    else out.set(r.id, [pick(r)])
  }
  return out
}

/**
 * A window of each hit's text around its matches (only hits whose own text matches).
 *
 * snippet() needs the FTS5 cursor on the hit's row. A `rowid = ?` (or `rowid IN`) constraint
 * re-runs the MATCH for every hit: cheap for a word, but a prefix query re-expands its
 * prefix over the term index each time (0.5 ms per hit at 10k articles). So the page's
 * snippets come from one pass over the match set, bounded by the page's rowid range; the
 * `+` keeps SQLite from turning the IN into per-row FTS5 lookups, and snippet() runs only
 * for the rows that pass it. That pass costs about as much as counting the matches, so for
 * a very common word (no prefix), or a word under filters, the per-hit lookups are cheaper. A
 * prefix query's snippets come from the page's rows alone (snippetsAside), without evaluating
 * the prefix again.
 */
function snippets(db: DB, q: CompiledQuery, ids: number[], json: string, total: number): Map<number, string> {
  const out = new Map<number, string>()
  if (!q.fts) return out
  const keep = (id: number, s: unknown) => {
    if (typeof s === 'string' && s.includes(SNIPPET_OPEN)) out.set(id, s)
  }
  if (q.fts.includes('*')) {
    for (const [id, s] of snippetsAside(db, q.fts, json)) keep(id, s)
    return out
  }
  let lo = ids[0]
  let hi = ids[0]
  for (const id of ids) {
    if (id < lo) lo = id
    if (id > hi) hi = id
  }
  if (filteredText(q) ? scanIsShort(db, q.fts, lo, hi, ids.length) : total <= SNIPPET_SCAN_MAX) {
    const rows = prep(
      db,
      // CAST: better-sqlite3 binds JS numbers as REAL, and FTS5 ignores a REAL rowid constraint.
      `SELECT rowid, snippet(articles_fts, 3, ?, ?, '…', 14) FROM articles_fts WHERE articles_fts MATCH ? ` +
        `AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER) AND +rowid IN ${PAGE_IDS}`
    )
      .raw(true)
      .all(SNIPPET_OPEN, SNIPPET_CLOSE, q.fts, lo, hi, json) as [number, string][]
    for (const [id, s] of rows) keep(id, s)
    return out
  }
  const one = prep(
    db,
    // CAST: better-sqlite3 binds JS numbers as REAL, and FTS5 ignores a REAL rowid constraint.
    `SELECT snippet(articles_fts, 3, ?, ?, '…', 14) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = CAST(? AS INTEGER)`,
    true
  )
  for (const id of ids) keep(id, one.get(SNIPPET_OPEN, SNIPPET_CLOSE, q.fts, id))
  return out
}

/** The query's text is filtered (or highlights only): its total says nothing of how long the word's doclist is. */
const filteredText = (q: CompiledQuery): boolean => q.conjuncts.length > 0 || q.highlightsOnly

/** Doclist entries a one-pass scan walks for the cost of one more per-hit lookup (≈ 40 µs vs ≈ 0.1 µs an entry, at 100k). */
const ENTRIES_PER_LOOKUP = 400

/**
 * Under filters, whether the page's rowid range holds few enough of the word's entries for one
 * pass to beat a lookup per hit (`government speaker:Torres`: 1,237 matches, but a
 * 40,000-entry doclist at 100k), counted only that far.
 */
function scanIsShort(db: DB, fts: string, lo: number, hi: number, hits: number): boolean {
  const most = hits * ENTRIES_PER_LOOKUP
  const entries = prep(
    db,
    'SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER) LIMIT ?)',
    true
  ).get(fts, lo, hi, most + 1) as number
  return entries <= most
}

/**
 * A prefix query's snippets without evaluating it over the archive again: FTS5 merges the
 * doclists of every word a prefix covers on each evaluation (`econom*`: tens of ms at 100k
 * articles), even for a few rowids. snippet() depends only on the row's own text and the
 * query, so the page's rows are indexed alone, in a scratch FTS5 table of the same columns and
 * tokenizer, and their snippets taken there: the same text, cut the same way.
 */
// Measured at 100k articles (`econom*`, 20 hits): indexing the page's rows ~5.5 ms and their
// snippets ~2.4 ms, fixed; the pass over the archive it replaces ~6–8 ms, growing with the archive.
function snippetsAside(db: DB, fts: string, json: string): [number, unknown][] {
  const scratch = scratchBeside(db)
  const rows = prep(db, `SELECT id, title, byline, site, text, tags FROM article_search_source WHERE id IN ${PAGE_IDS}`).raw(true).all(json) as unknown[][]
  // A fresh table each time, dropped after: an FTS5 DELETE re-tokenizes the rows it removes
  // (~3 ms for 20 articles), a DROP of an in-memory table does not (~0.1 ms).
  scratch.exec(`DROP TABLE IF EXISTS page_fts; CREATE VIRTUAL TABLE page_fts USING fts5(${ARTICLE_FTS_COLUMNS}, tokenize = '${ARTICLE_FTS_TOKENIZE}')`)
  try {
    const insert = scratch.prepare(`INSERT INTO page_fts(rowid, ${ARTICLE_FTS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`)
    scratch.transaction(() => {
      for (const r of rows) insert.run(...r)
    })()
    return scratch
      .prepare(`SELECT rowid, snippet(page_fts, 3, ?, ?, '…', 14) FROM page_fts WHERE page_fts MATCH ?`)
      .raw(true)
      .all(SNIPPET_OPEN, SNIPPET_CLOSE, fts) as [number, unknown][]
  } finally {
    scratch.exec('DROP TABLE IF EXISTS page_fts')
  }
}

/** Characters of context on each side of a substring match (Chinese and Japanese are dense). */
const SUBSTRING_CONTEXT = 40

/**
 * Snippets for Chinese/Japanese words, which FTS5's snippet() cannot cut (the word index holds
 * whole runs of characters): the text around the first match, the match marked.
 */
function substringSnippets(db: DB, words: string[], ids: number[], out: Map<number, string>): void {
  if (ids.length === 0) return
  const rows = prep(db, `SELECT article_id AS id, text FROM article_content WHERE article_id IN ${PAGE_IDS}`).all(JSON.stringify(ids)) as { id: number; text: string }[]
  for (const { id, text } of rows) {
    const hit = words.map((w) => ({ w, at: text.indexOf(w) })).filter((h) => h.at >= 0).sort((a, b) => a.at - b.at)[0]
    if (!hit) continue
    const start = Math.max(0, hit.at - SUBSTRING_CONTEXT)
    const end = Math.min(text.length, hit.at + hit.w.length + SUBSTRING_CONTEXT)
    out.set(
      id,
      `${start > 0 ? '…' : ''}${collapseSpaces(text.slice(start, hit.at))}${SNIPPET_OPEN}${hit.w}${SNIPPET_CLOSE}${collapseSpaces(text.slice(hit.at + hit.w.length, end))}${end < text.length ? '…' : ''}`
    )
  }
}

/** Without a match in the article's own text: the excerpt, or the text's start. */
function fallbackSnippet(db: DB, a: ArticleRow): string {
  if (a.excerpt) return a.excerpt
  const text = prep(db, 'SELECT substr(text, 1, 200) FROM article_content WHERE article_id = ?', true).get(a.id)
  return typeof text === 'string' ? text : ''
}

/** The page's matching highlights (with their tags), per article. */
function matchingHighlights(db: DB, q: CompiledQuery, json: string): Map<number, SearchHighlight[]> {
  const cond = highlightCond(q)
  if (!cond) return new Map()
  const rows = prep(
    db,
    `SELECT h.article_id AS aid, h.id, h.exact, h.note, h.color FROM highlights h ` +
      `WHERE h.article_id IN ${PAGE_IDS} AND ${cond.sql} ORDER BY h.article_id, h.start_pos, h.id`
  ).all(json, ...cond.params) as (Omit<SearchHighlight, 'tags'> & { aid: number })[]
  if (rows.length === 0) return new Map()
  const tags = group(
    prep(
      db,
      `SELECT ht.highlight_id AS id, t.name AS name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id ` +
        `WHERE ht.highlight_id IN ${PAGE_IDS} ORDER BY t.name`
    ).all(JSON.stringify(rows.map((r) => r.id))) as { id: number; name: string }[],
    (r) => r.name
  )
  const out = new Map<number, SearchHighlight[]>()
  for (const { aid, ...h } of rows) {
    const hl: SearchHighlight = { ...h, tags: tags.get(h.id) ?? [] }
    const list = out.get(aid)
    if (list) list.push(hl)
    else out.set(aid, [hl])
  }
  return out
}

/**
 * Search over articles and their highlights.
 *
 * Ranking: bm25 with title ×10, byline and site ×2, text ×1, always computed inside an
 * FTS-only subquery; articles, filters and tags are joined to its (bounded) output afterwards.
 *
 * Broad queries: FTS5 only stops early when it walks rowid order, and bm25 over every match
 * of a word found in all 100k articles costs >100 ms. So relevance is computed within a
 * window: the RANK_WINDOW most recently saved text matches (rowid DESC, where FTS5 stops
 * early) plus up to HIGHLIGHT_WINDOW matching highlights. When a query matches fewer than
 * that (the usual case) the ranking is exact; when it matches more, the window is ranked by
 * bm25 and the older matches follow it in saved order (newest first). The whole match set is
 * evaluated once, as a list of ids (read straight from the FTS doclist when the query is text
 * alone): `total` is always exact, and paging past the window needs no further query.
 *
 * Facets and timeline: GROUP BYs over the matching ids, exact up to FACET_SAMPLE matches.
 * Beyond that they run over an even sample of FACET_SAMPLE ids spread across the whole match
 * set, with counts scaled up to estimates (`facetsSampled: true`), so that a query matching
 * 40,000 articles costs the same bounded GROUP BY as one matching 4,000. Text alone whose total
 * is an estimate (past APPROXIMATE_FROM) is sampled one id in n straight from the doclist
 * (MatchSet.everyNth), its counts scaled to the estimated total, without listing the matches.
 *
 * Snippets: plain text with each match wrapped in U+0002 … U+0003 (SNIPPET_OPEN / CLOSE).
 * The text is not HTML-escaped: the UI splits on these two characters and renders text
 * nodes and <mark> elements, never innerHTML, so archived text cannot inject markup.
 */
import type { DB } from '../db/connection'
import { compileQuery, highlightCond, type CompiledQuery } from './compile'
import { matchSet, type MatchSet, type Total } from './match'
import { hasDesc } from './ids'
import { parseQueryLenient } from './parse'
import { prep } from './statements'
import { hits, type PageIds } from './hits'
import { facetsAndTimeline } from './facets'
import { articlesBm25, windowScores } from './prefix-scores'

export type SortOrder = 'relevance' | 'newest' | 'oldest'

export interface SearchInput {
  query: string
  sort?: SortOrder
  /** Page size: 1–200, default 20. */
  limit?: number
  offset?: number
  includeFacets?: boolean
  includeTimeline?: boolean
  /** Count every match even past APPROXIMATE_FROM (see `total`). */
  exactTotal?: boolean
  /** Where estimates start (default APPROXIMATE_FROM): tests and benches set it lower. */
  approximateFrom?: number
}

export type { SearchHighlight, SearchHit, FacetCount, SearchResult } from '../../shared/types'
import type { SearchResult } from '../../shared/types'

export { SNIPPET_OPEN, SNIPPET_CLOSE } from '../../shared/vocabulary'
export const RANK_WINDOW = 2000
export const HIGHLIGHT_WINDOW = 2000
export const FACET_SAMPLE = 4000
/**
 * Past this many matches a text-alone query's total is an estimate (`totalApproximate`), unless
 * `exactTotal` is asked for: counting a word found in most of a million articles walks its
 * whole doclist, which costs more than the rest of the search.
 */
export const APPROXIMATE_FROM = 100_000
const MAX_LIMIT = 200

/** Title, byline, outlet, text, tags (migration 004). */
const ARTICLE_WEIGHTS = [10, 2, 2, 1, 5] as const
const ARTICLE_BM25 = articlesBm25(ARTICLE_WEIGHTS)
const HIGHLIGHT_BM25 = 'bm25(highlights_fts, 4.0, 2.0, 2.0)'

export function searchArticles(db: DB, input: SearchInput): SearchResult {
  const { ast, error } = parseQueryLenient(input.query)
  const q = compileQuery(ast)
  const limit = clampInt(input.limit ?? 20, 1, MAX_LIMIT)
  const offset = clampInt(input.offset ?? 0, 0, Number.MAX_SAFE_INTEGER)
  const sort = input.sort ?? 'relevance'
  const ranked = sort === 'relevance' && q.fts !== null
  const wantFacets = !!input.includeFacets || !!input.includeTimeline
  const m = matchSet(db, q)
  let total: Total | null = null
  const count = (): Total => (total ??= m.total(!!input.exactTotal, input.approximateFrom ?? APPROXIMATE_FROM))
  // Facets need the matches. Text alone past APPROXIMATE_FROM (its total an estimate): an even
  // sample by id, read in one pass over the doclist without listing the rest (a million ids at a
  // million articles: 200 ms of a 350 ms search). Otherwise every id, listed first, so that the
  // count and page come from that list (a set's own statements spare a search without facets
  // from listing a large set).
  const estimated = wantFacets && m.textOnly && count().approximate
  const all = wantFacets && !estimated ? m.ids() : null
  const page = ranked
    ? m.textOnly
      ? rankedTextPage(db, q, m, count, limit, offset)
      : rankedPage(db, q, m, limit, offset)
    : orderedPage(db, m, count, sort, limit, offset)
  // How many matches the facets stand for, and the sample they are counted on.
  const matches = estimated ? count().total : (all?.length ?? 0)
  const sample = estimated ? m.everyNth(Math.max(1, Math.round(matches / FACET_SAMPLE))) : all ? stride(all, FACET_SAMPLE) : []
  const scale = sample.length ? matches / sample.length : 1
  const problem = error ?? q.warnings[0]
  return {
    total: page.total,
    totalApproximate: !!page.approximate,
    results: hits(db, q, page),
    ...facetsAndTimeline(db, sample, scale, { facets: !!input.includeFacets, timeline: !!input.includeTimeline }),
    // Sampled means more than FACET_SAMPLE matches, whenever the match set is evaluated (ranked or faceted).
    facetsSampled: (ranked || wantFacets) && page.total > FACET_SAMPLE,
    ...(problem ? { error: { message: problem.message, position: problem.position } } : {})
  }
}

/** Best first (lowest bm25), ties newest first: SQL's `ORDER BY score, rowid DESC`. */
const byScore = (a: [number, number], b: [number, number]) => a[1] - b[1] || b[0] - a[0]

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min
  return Math.min(max, Math.max(min, Math.trunc(value)))
}

/** At most `n` ids spread evenly over the list, so a sample represents all of it. */
function stride(ids: number[], n: number): number[] {
  if (ids.length <= n) return ids
  const step = ids.length / n
  return Array.from({ length: n }, (_, i) => ids[Math.floor(i * step)])
}

const ORDER: Record<Exclude<SortOrder, 'relevance'>, string> = {
  newest: 'a.published_at DESC NULLS LAST, a.id DESC',
  oldest: 'a.published_at ASC NULLS LAST, a.id ASC'
}

function orderedPage(db: DB, m: MatchSet, count: () => Total, sort: SortOrder, limit: number, offset: number): PageIds {
  // Without text to rank, relevance falls back to saved order, newest first.
  const ids =
    sort === 'relevance'
      ? m.newestSaved(limit, offset)
      : (prep(db, `SELECT a.id FROM articles a WHERE a.id IN (${m.sql().sql}) ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`, true).all(
          ...m.sql().params,
          limit,
          offset
        ) as number[])
  const { total, approximate } = count()
  return { total, approximate, ids: ids.map((id) => ({ id, score: 0 })) }
}

// ---------------------------------------------------------------------------------------
// Relevance

/**
 * bm25 over the most recent RANK_WINDOW article matches and HIGHLIGHT_WINDOW highlight
 * matches, each from an FTS-only query that walks rowid order and so stops early.
 */
function candidates(db: DB, q: CompiledQuery, fts: string, within: number[] | null): Map<number, number> {
  const scores = new Map<number, number>()
  if (!q.highlightsOnly) {
    const match = q.exclude ? `(${fts}) NOT (${q.exclude})` : fts
    const scoring = q.exclude && phrasesOnly(q.exclude) ? fts : match
    const rows = within ? windowWithin(db, match, within, RANK_WINDOW, scoring) : newestScored(db, match, scoring)
    for (const r of rows) scores.set(r.id, r.score)
  }
  // Outside is:highlight, a highlight only has to match the text: filters are applied later.
  const h = (q.highlightsOnly && highlightCond(q)) || { sql: '1', params: [] }
  const rows = prep(
    db,
    `SELECT h.article_id AS id, f.score FROM (SELECT rowid, ${HIGHLIGHT_BM25} AS score FROM highlights_fts ` +
      `WHERE highlights_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f JOIN highlights h ON h.id = f.rowid WHERE ${h.sql}`
  ).all(fts, HIGHLIGHT_WINDOW, ...h.params) as { id: number; score: number }[]
  // bm25 of the two indexes are on different scales: an article's own score wins, and a
  // highlight's score ranks only articles matched through their highlights alone.
  const own = new Set(scores.keys())
  for (const r of rows) {
    const prev = scores.get(r.id)
    if (!own.has(r.id) && (prev === undefined || r.score < prev)) scores.set(r.id, r.score)
  }
  return scores
}

/**
 * The window's own matches that are among `within` (the match set, newest first), scored: the
 * window is bounded by its oldest id (found without scoring), and only the matches in the set
 * are scored — `government speaker:Torres` scores a few dozen of the window's 2,000. The same
 * scores: bm25 of a row depends on the row and the index, not on the other rows returned.
 */
export function windowWithin(db: DB, match: string, within: number[], window = RANK_WINDOW, scoring = match): { id: number; score: number }[] {
  const oldest = prep(db, 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?', true).get(match, window - 1) as
    | number
    | undefined
  const bound = oldest ?? 0
  // `within` is newest first: the ids at or above the bound are its head.
  let n = 0
  while (n < within.length && within[n] >= bound) n++
  if (n === 0) return []
  return scoreIds(db, scoring, within.slice(0, n))
}

/** `ids` (own matches of `fts`, newest first) with their bm25 by `fts`, read from its doclist no further back than the last of them. */
function scoreIds(db: DB, fts: string, ids: number[]): { id: number; score: number }[] {
  return prep(
    db,
    // CAST: better-sqlite3 binds JS numbers as REAL, and FTS5 ignores a REAL rowid constraint.
    `SELECT rowid AS id, ${ARTICLE_BM25} AS score FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= CAST(? AS INTEGER) ` +
      `AND +rowid IN (SELECT value FROM json_each(?))`
  ).all(fts, ids[ids.length - 1], JSON.stringify(ids)) as { id: number; score: number }[]
}

/**
 * The RANK_WINDOW newest own matches of `match`, scored by `scoring` (see phrasesOnly): listed
 * first without scores, then the same rows scored.
 */
function newestScored(db: DB, match: string, scoring: string): { id: number; score: number }[] {
  if (scoring === match) {
    return prep(db, `SELECT rowid AS id, ${ARTICLE_BM25} AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?`).all(
      match,
      RANK_WINDOW
    ) as { id: number; score: number }[]
  }
  const ids = prep(db, 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?', true).all(match, RANK_WINDOW) as number[]
  return ids.length ? scoreIds(db, scoring, ids) : []
}

/**
 * Whether `(fts) NOT (exclude)` can be scored as `fts` alone, with the same scores: when the
 * exclusion is phrases OR'd (`-government`, `-a -b`, a prefix), nothing joined by AND. bm25
 * adds, phrase by phrase, its IDF times a function of the phrase's frequency in the row, and a
 * row that matches contains no excluded phrase: each excluded phrase adds exactly 0. Its IDF,
 * though, is counted over the whole index — a walk over the excluded word's doclist
 * (`government`: 400,000 entries at a million articles) that scoring `fts` alone skips.
 * `-(a b)` excludes rows with both, so a match may hold one of them: scored as written.
 */
export function phrasesOnly(exclude: string): boolean {
  return /^[\s()]*(?:OR[\s()]+)*$/u.test(` ${exclude.replace(/"(?:[^"]|"")*"\*?/gu, ' ')} `)
}

/**
 * The ranked window (candidates that are in the match set, best first), then every other
 * match in saved order, newest first: exact ranking whenever the query matches fewer than
 * RANK_WINDOW articles, a bounded cost when it matches all of them.
 */
function rankedPage(db: DB, q: CompiledQuery, m: MatchSet, limit: number, offset: number): PageIds {
  const all = m.ids()
  // Without filters (exclusions are filters) every candidate matches by construction.
  const filtered = q.filters.sql !== '1' || q.highlightsOnly
  // With filters other than exclusions, only the window's matches in the set are scored.
  const scores = candidates(db, q, q.fts as string, q.conjuncts.length ? all : null)
  const inSet = filtered ? new Set(all) : null
  const ranked = [...scores]
    .filter(([id]) => !inSet || inSet.has(id))
    .sort(([ia, sa], [ib, sb]) => sa - sb || ib - ia)
    .map(([id, score]) => ({ id, score: -score || 0 }))
  const ids = ranked.slice(offset, offset + limit)
  if (ids.length < limit && all.length > ranked.length) {
    const skip = offset + ids.length - ranked.length
    const rest = all.filter((id) => !scores.has(id)).slice(skip, skip + limit - ids.length)
    ids.push(...rest.map((id) => ({ id, score: 0 })))
  }
  return { total: all.length, ids }
}

/**
 * The ranking window of a text-alone query (its RANK_WINDOW most recent own matches) and its
 * best `wanted`, best first, ties newest first. A prefix query's window is listed by the
 * prefix's words and scored by prefix-scores.ts (FTS5's bm25 without its prefix merge), or,
 * for a shape that cannot, listed and scored in one statement (FTS5 merges the prefix's
 * doclists again on every evaluation). A word's or phrase's window is listed, then SQLite
 * ranks the rows at or above its last id and returns only the best: measured cheaper for them
 * (no 2,000 scores handed to JavaScript to sort).
 */
function rankWindow(db: DB, fts: string, m: MatchSet, wanted: number): { size: number; has: (id: number) => boolean; top: [number, number][] } {
  if (fts.includes('*')) {
    const window = windowScores(db, fts, m.ownIds(RANK_WINDOW), ARTICLE_WEIGHTS, m.ownCount) ?? m.ownScored(ARTICLE_BM25).slice(0, RANK_WINDOW)
    const ids = new Set(window.map(([id]) => id))
    return { size: window.length, has: (id) => ids.has(id), top: [...window].sort(byScore).slice(0, wanted) }
  }
  const window = m.ownIds(RANK_WINDOW)
  if (window.length === 0) return { size: 0, has: () => false, top: [] }
  // The own matches at or above the window's last id are exactly the window.
  const bound = window[window.length - 1]
  const top = prep(
    db,
    `SELECT rowid, ${ARTICLE_BM25} AS score FROM articles_fts WHERE articles_fts MATCH ? ` +
      `AND rowid >= CAST(? AS INTEGER) ORDER BY score, rowid DESC LIMIT ?`
  )
    .raw(true)
    .all(fts, bound, wanted) as [number, number][]
  return { size: window.length, has: (id) => id >= bound && hasDesc(window, id), top }
}

/**
 * rankedPage for a query of text alone (no filters, exclusions or is:), with the same
 * result, cheaper: only the window's best are ranked (rankWindow), and the window's listing
 * (with one more id, which tells whether there are more) spares most queries a count.
 */
function rankedTextPage(db: DB, q: CompiledQuery, m: MatchSet, count: () => Total, limit: number, offset: number): PageIds {
  const fts = q.fts as string
  const wanted = offset + limit
  const { size: windowSize, has: inWindow, top } = rankWindow(db, fts, m, wanted)
  // Articles matched through highlights alone (or older than the window) rank by their best highlight.
  const viaHighlights = new Map<number, number>()
  const hl = prep(
    db,
    `SELECT h.article_id AS id, f.score FROM (SELECT rowid, ${HIGHLIGHT_BM25} AS score FROM highlights_fts ` +
      `WHERE highlights_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f JOIN highlights h ON h.id = f.rowid WHERE 1`
  ).raw(true).all(fts, HIGHLIGHT_WINDOW) as [number, number][]
  for (const [id, score] of hl) {
    if (inWindow(id)) continue
    const prev = viaHighlights.get(id)
    if (prev === undefined || score < prev) viaHighlights.set(id, score)
  }
  const ranked = viaHighlights.size ? [...top, ...viaHighlights].sort(byScore) : top
  const rankedCount = windowSize + viaHighlights.size
  const ids = ranked.slice(offset, wanted).map(([id, score]) => ({ id, score: -score || 0 }))
  const { total, approximate } = count()
  // An estimate is past APPROXIMATE_FROM, far beyond the ranked windows: the rest is listed.
  if (ids.length < limit && total > rankedCount) {
    const skip = offset + ids.length - rankedCount
    const rest = m.ids().filter((id) => !inWindow(id) && !viaHighlights.has(id)).slice(skip, skip + limit - ids.length)
    ids.push(...rest.map((id) => ({ id, score: 0 })))
  }
  return { total, approximate, ids }
}

/**
 * The match set of a compiled query: how many articles match, which ids (newest saved
 * first), and the SQL that selects them — evaluated from indexes wherever the query allows,
 * and only as far as the caller needs.
 *
 * - Text alone (`according`, `"climate summit"`, `econom*`): the articles whose own text
 *   matches (the FTS doclist) and those matched through a highlight (few). The total is
 *   counted inside FTS5 and the ids are only listed when a caller needs all of them (facets,
 *   paging past the ranked window): a word in every article of a million-article archive is
 *   a million ids.
 * - Anything else: the top-level conjuncts that have an id set (compile.ts: tags, outlets,
 *   hosts, speakers, highlights, text) are intersected from their indexes, and only the
 *   rest (dates when a set is there to drive, language, nested logic) is tested on article
 *   rows — so `tag:Syria` or `site:nytimes.com` never reads the articles table.
 */
import type { DB } from '../db/connection'
import { highlightCond, textSet, viaHighlightsSql, type CompiledQuery, type SqlFragment } from './compile'
import { prep } from './statements'

export interface MatchSet {
  /** Text alone: ranking may use the own-text doclist directly (rankedTextPage). */
  readonly textOnly: boolean
  /** `SELECT … id` of every match (one column, no duplicates, no order). */
  readonly sql: SqlFragment
  /** The exact number of matches. */
  count(): number
  /** Every matching id, most recently saved first (computed once). */
  ids(): number[]
  /** Text alone: the ids whose own text matches, most recent first, at most `n` of them. */
  ownIds(n: number): number[]
  /** One page in saved order, newest first. */
  newestSaved(limit: number, offset: number): number[]
}

export function matchSet(db: DB, q: CompiledQuery): MatchSet {
  if (q.fts && !q.highlightsOnly && q.conjuncts.length === 0 && !q.exclude) return textMatch(db, q.fts)
  return setMatch(db, q)
}

// ---------------------------------------------------------------------------------------
// Text alone

const OWN = 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?'

/** How many own matches are listed up front: the ranking window's and one more (to know if there are more). */
const HEAD = 2001

function textMatch(db: DB, fts: string): MatchSet {
  let all: number[] | null = null
  let via: number[] | null = null
  let head: number[] | null = null
  const viaIds = (): number[] => {
    const v = viaHighlightsSql(fts)
    via ??= uniqueDesc(prep(db, v.sql, true).all(...v.params) as number[])
    return via
  }
  // The most recent own matches: for most queries, all of them.
  const ownHead = (): number[] => (head ??= prep(db, `${OWN} ORDER BY rowid DESC LIMIT ?`, true).all(fts, HEAD) as number[])
  const ids = (): number[] => {
    if (all) return all
    const own = ownHead().length < HEAD ? ownHead() : (prep(db, `${OWN} ORDER BY rowid DESC`, true).all(fts) as number[])
    all = viaIds().length ? mergeDesc(own, viaIds()) : own
    return all
  }
  return {
    textOnly: true,
    sql: textSet(fts),
    ids,
    ownIds: (n) => (n <= HEAD ? ownHead().slice(0, n) : (prep(db, `${OWN} ORDER BY rowid DESC LIMIT ?`, true).all(fts, n) as number[])),
    newestSaved: (limit, offset) => ids().slice(offset, offset + limit),
    count: () => {
      if (all || ownHead().length < HEAD) return ids().length
      const v = viaIds()
      if (v.length === 0) return prep(db, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, true).get(fts) as number
      // One pass over the doclist counts the own matches and those also matched through a highlight.
      const [own, both] = prep(
        db,
        'SELECT count(*), count(CASE WHEN rowid IN (SELECT value FROM json_each(?)) THEN 1 END) FROM articles_fts WHERE articles_fts MATCH ?'
      )
        .raw(true)
        .get(JSON.stringify(v), fts) as [number, number]
      return own + v.length - both
    }
  }
}

// ---------------------------------------------------------------------------------------
// Sets and rows

/** The query's id sets (to intersect) and its row predicates (to test on articles). */
function parts(q: CompiledQuery): { sets: SqlFragment[]; rows: SqlFragment[] } {
  const sets: SqlFragment[] = []
  const rows: SqlFragment[] = []
  if (q.highlightsOnly) {
    const h = highlightCond(q) ?? { sql: '1', params: [] }
    sets.push({ sql: `SELECT DISTINCT h.article_id FROM highlights h WHERE ${h.sql}`, params: h.params })
  } else if (q.fts) {
    sets.push(q.exclude ? textExcept(q.fts, q.exclude) : textSet(q.fts))
  }
  // A broad set (a date range) is tested on rows: with no set to drive, SQLite reads its index.
  for (const c of q.conjuncts) {
    if (c.set && !c.set.broad) sets.push(c.set)
    else rows.push(c.row)
  }
  if (q.exclude && (q.highlightsOnly || !q.fts)) rows.push(excludeRow(q.exclude))
  return { sets, rows }
}

/**
 * `fts -exclude` as one set: the own-text matches FTS5 can exclude itself (`a NOT b` walks
 * the first doclist and skips into the second), the articles matched through a highlight
 * whose own text is not excluded, minus every article with an excluded highlight.
 */
function textExcept(fts: string, exclude: string): SqlFragment {
  const via = viaHighlightsSql(fts)
  const viaExcluded = viaHighlightsSql(exclude)
  return {
    sql:
      `${OWN} UNION ${via.sql} AND NOT EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = h.article_id) ` +
      `EXCEPT ${viaExcluded.sql}`,
    params: [`(${fts}) NOT (${exclude})`, ...via.params, exclude, ...viaExcluded.params]
  }
}

function excludeRow(exclude: string): SqlFragment {
  const text = textSet(exclude)
  return { sql: `a.id NOT IN (${text.sql})`, params: text.params }
}

/** A set as a component of a compound SELECT (whose members cannot be compounds themselves). */
const member = (s: SqlFragment): SqlFragment => ({ sql: `SELECT * FROM (${s.sql})`, params: s.params })

function setMatch(db: DB, q: CompiledQuery): MatchSet {
  const { sets, rows } = parts(q)
  const where = rows.length ? rows.map((r) => r.sql).join(' AND ') : '1'
  const rowParams = rows.flatMap((r) => r.params)
  let sql: SqlFragment
  if (sets.length === 0) {
    sql = { sql: `SELECT a.id FROM articles a WHERE ${where}`, params: rowParams }
  } else {
    const compound = {
      sql: sets.length === 1 ? sets[0].sql : sets.map((s) => member(s).sql).join(' INTERSECT '),
      params: sets.flatMap((s) => s.params)
    }
    sql = rows.length
      ? { sql: `SELECT a.id FROM articles a WHERE a.id IN (${compound.sql}) AND ${where}`, params: [...compound.params, ...rowParams] }
      : compound
  }
  let all: number[] | null = null
  const ids = (): number[] => {
    all ??= prep(db, `SELECT * FROM (${sql.sql}) ORDER BY 1 DESC`, true).all(...sql.params) as number[]
    return all
  }
  return {
    textOnly: false,
    sql,
    ids,
    ownIds: () => [],
    // Rows alone: SQLite walks the ids from the newest and stops at the page; sets: listed once.
    newestSaved: (limit, offset) =>
      sets.length === 0 && !all
        ? (prep(db, `${sql.sql} ORDER BY a.id DESC LIMIT ? OFFSET ?`, true).all(...sql.params, limit, offset) as number[])
        : ids().slice(offset, offset + limit),
    // Sets are listed (as cheap as counting them, and the page needs them); rows are counted.
    count: () => (all || sets.length ? ids().length : (prep(db, `SELECT count(*) FROM (${sql.sql})`, true).get(...sql.params) as number))
  }
}

// ---------------------------------------------------------------------------------------
// Sorted id lists

/** Sorted descending, without duplicates. */
function uniqueDesc(ids: number[]): number[] {
  const sorted = [...ids].sort((x, y) => y - x)
  return sorted.filter((id, i) => i === 0 || sorted[i - 1] !== id)
}

/** Two lists sorted in descending order → one, without duplicates (a linear merge). */
export function mergeDesc(a: number[], b: number[]): number[] {
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i] : -Infinity
    const y = j < b.length ? b[j] : -Infinity
    const v = x >= y ? x : y
    if (x === v) i++
    if (y === v) j++
    if (out.length === 0 || out[out.length - 1] !== v) out.push(v)
  }
  return out
}

/** Whether `id` is in `desc` (sorted in descending order). */
export function hasDesc(desc: number[], id: number): boolean {
  let lo = 0
  let hi = desc.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (desc[mid] === id) return true
    if (desc[mid] > id) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

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
 *   rest (language, nested logic) is tested on article rows — so `tag:Syria` or
 *   `site:nytimes.com` never reads the articles table. Date ranges are listed from their
 *   index or tested by id on the dates' index (migration 013). One tag or `is:highlight`
 *   (with dates) is counted and paged by SQLite without listing its ids; a word rarer than
 *   its tag is read from its doclist, each entry tested on the tag's and dates' indexes.
 */
import type { DB } from '../db/connection'
import { highlightCond, highlightSet, textSet, viaHighlightsSql, type ColumnCond, type CompiledQuery, type CountedSet, type IdCond, type IdSet, type SqlFragment } from './compile'
import { prep } from './statements'
import { intersectDesc, mergeDesc, minusDesc, uniqueDesc } from './ids'
import { expandPrefixes } from './prefixes'

export interface MatchSet {
  /** Text alone: ranking may use the own-text doclist directly (rankedTextPage). */
  readonly textOnly: boolean
  /** `SELECT … id` of every match (one column, no order; an id may repeat: use it under `IN`). */
  sql(): SqlFragment
  /**
   * How many match. Text alone: exact up to `from` matches; past it, unless `exact`, an
   * estimate (two significant digits; rounded too when the ids happen to be listed, so that
   * every page of a query reports the same) that spares a query of a common word the walk
   * over its whole doclist. Other queries: always exact.
   */
  total(exact: boolean, from: number): Total
  /** Every matching id, most recently saved first (computed once). */
  ids(): number[]
  /** Text alone: the ids whose own text matches, most recent first, at most `n` of them. */
  ownIds(n: number): number[]
  /**
   * Text alone: the most recent own matches (at most 2,001: the ranking window and one more)
   * with their score by `rank` (an FTS5 auxiliary function call), in one evaluation.
   */
  ownScored(rank: string): [number, number][]
  /**
   * Text alone: how many articles the text matches by their own text, counted exactly (once).
   * Once counted, total() rounds it rather than estimating, where highlights cannot change that.
   */
  ownCount(): number
  /** One page in saved order, newest first. */
  newestSaved(limit: number, offset: number): number[]
  /**
   * The matches whose id is a multiple of `n`, newest first: an even sample of about 1 in `n`
   * (ids are given in saving order, which nothing in a match set follows in steps of `n`),
   * read without listing the rest.
   */
  everyNth(n: number): number[]
}

export interface Total {
  total: number
  approximate: boolean
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
  // Listings and counts of own matches: a prefix as its words (prefixes.ts), the same rows.
  let listed: string | null = null
  const list = (): string => (listed ??= expandPrefixes(db, fts))
  let all: number[] | null = null
  let via: number[] | null = null
  let head: number[] | null = null
  let scored: [number, number][] | null = null
  let counted: number | null = null
  const viaIds = (): number[] => {
    const v = viaHighlightsSql(fts)
    via ??= uniqueDesc(prep(db, v.sql, true).all(...v.params) as number[])
    return via
  }
  // The most recent own matches: for most queries, all of them.
  const ownHead = (): number[] => (head ??= prep(db, `${OWN} ORDER BY rowid DESC LIMIT ?`, true).all(list(), HEAD) as number[])
  const ids = (): number[] => {
    if (all) return all
    const own = ownHead().length < HEAD ? ownHead() : (prep(db, `${OWN} ORDER BY rowid DESC`, true).all(list()) as number[])
    all = viaIds().length ? mergeDesc(own, viaIds()) : own
    return all
  }
  return {
    textOnly: true,
    sql: () => textSet(fts),
    ids,
    ownIds: (n) => (n <= HEAD ? ownHead().slice(0, n) : (prep(db, `${OWN} ORDER BY rowid DESC LIMIT ?`, true).all(list(), n) as number[])),
    ownScored: (rank) => {
      // The ranking's statement lists the head too: a prefix's doclists are merged once less.
      scored ??= prep(db, `SELECT rowid, ${rank} FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?`)
        .raw(true)
        .all(fts, HEAD) as [number, number][]
      head ??= scored.map(([id]) => id)
      return scored
    },
    ownCount,
    newestSaved: (limit, offset) => ids().slice(offset, offset + limit),
    everyNth: (n) => {
      if (all) return all.filter((id) => id % n === 0)
      const own = prep(db, `${OWN} AND rowid % CAST(? AS INTEGER) = 0 ORDER BY rowid DESC`, true).all(list(), n) as number[]
      const v = viaIds().filter((id) => id % n === 0)
      return v.length ? mergeDesc(own, v) : own
    },
    total: (exact, from) => {
      if (all || ownHead().length < HEAD) return totalOf(ids().length, exact, from)
      if (exact) return { total: count(), approximate: false }
      // The own matches already counted (a prefix's ranking needs them): the total is between
      // them and them plus every article matched through a highlight; when both round to the
      // same estimate (roughly() never decreases), that is the total as an exact count would report it.
      if (counted !== null && counted > from && roughly(counted) === roughly(counted + viaIds().length)) {
        return { total: roughly(counted), approximate: true }
      }
      // Counting newest first costs more per match than the plain count (FTS5 walks its doclist
      // backwards, ~1.7× at 100k): only worth it when the newest matches are dense enough to
      // suggest more than `from` in all. Either way the total is exact up to `from`.
      const span = idSpan(db)
      if (idDensity(span, ownHead()) <= from) return totalOf(count(), false, from)
      return newestCount(db, list(), viaIds(), from, span)
    }
  }
  function ownCount(): number {
    counted ??= prep(db, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, true).get(list()) as number
    return counted
  }
  function count(): number {
    if (all || ownHead().length < HEAD) return ids().length
    const v = viaIds()
    if (v.length === 0) return ownCount()
    // One pass over the doclist counts the own matches and those also matched through a
    // highlight. (Looking each highlight match up in the doclist instead, rowid = ?, was
    // measured slower at 10k and 100k: 49 lookups 4.7 ms vs one pass 0.8 ms for `according`.)
    const [own, both] = prep(
      db,
      'SELECT count(*), count(CASE WHEN rowid IN (SELECT value FROM json_each(?)) THEN 1 END) FROM articles_fts WHERE articles_fts MATCH ?'
    )
      .raw(true)
      .get(JSON.stringify(v), list()) as [number, number]
    return own + v.length - both
  }
}

/** A total known exactly, reported as an estimate past `from` when an estimate was asked for (the same either way). */
function totalOf(n: number, exact: boolean, from: number): Total {
  return exact || n <= from ? { total: n, approximate: false } : { total: roughly(n), approximate: true }
}

/** Two significant digits: 1,003,456 → 1,000,000; 401,234 → 400,000. */
export function roughly(n: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, n))) - 1)
  return Math.round(n / unit) * unit
}

/** The span of article ids, first to last (two lookups: `SELECT min(id), max(id)` would scan the table). */
function idSpan(db: DB): [number, number] {
  return prep(db, 'SELECT (SELECT min(id) FROM articles), (SELECT max(id) FROM articles)').raw(true).get() as [number, number]
}

/** How many ids match, at the density of `newest` (matches, newest first) over the span of article ids. */
function idDensity([lo, hi]: [number, number], newest: number[]): number {
  return (newest.length * (hi - lo + 1)) / (hi - newest[newest.length - 1] + 1)
}

/**
 * A text-alone total counted newest first, up to `from` + 1 own matches (FTS5 walks the
 * doclist from its newest end and stops there): exact when there are at most `from`;
 * otherwise the matches (own and via highlights) counted in that newest stretch of ids,
 * scaled up to the whole span of article ids — matches per id, assumed as dense in the
 * older part as in the newer.
 */
function newestCount(db: DB, fts: string, via: number[], from: number, [lo, hi]: [number, number]): Total {
  const [own, both, oldest] = prep(
    db,
    `SELECT count(*), count(CASE WHEN rowid IN (SELECT value FROM json_each(?)) THEN 1 END), min(rowid) FROM (${OWN} ORDER BY rowid DESC LIMIT ?)`
  )
    .raw(true)
    .get(JSON.stringify(via), fts, from + 1) as [number, number, number]
  // Counted to the end: exact (rounded like any known total past `from`, so that every page agrees).
  if (own <= from) return totalOf(own + via.length - both, false, from)
  const counted = own + via.filter((id) => id >= oldest).length - both
  return { total: roughly((counted * (hi - lo + 1)) / (hi - oldest + 1)), approximate: true }
}

// ---------------------------------------------------------------------------------------
// Sets and rows

interface Parts {
  /** Id sets to intersect (not text). */
  sets: IdSet[]
  /** The query's text, when it has some outside is:highlight mode. */
  text: { fts: string; exclude: string | null } | null
  /** An exclusion to apply to the sets (no text to fold it into). */
  exclude: string | null
  /** Predicates tested on article rows. */
  rows: SqlFragment[]
  /** Broad sets (date ranges): applied last, from their indexes (listed or probed), or on rows. */
  broad: { row: SqlFragment; set: IdSet }[]
}

/** The query's id sets (to intersect), its text, and its row predicates (to test on articles). */
function parts(q: CompiledQuery): Parts {
  const sets: IdSet[] = []
  const rows: SqlFragment[] = []
  const broad: Parts['broad'] = []
  if (q.highlightsOnly) {
    const h = highlightCond(q) ?? { sql: '1', params: [] }
    // `is:highlight` alone (no text, tag or note to test on each highlight): countable from its index.
    sets.push(h.sql === '1' ? highlightSet(false) : { sql: `SELECT h.article_id FROM highlights h WHERE ${h.sql}`, params: h.params, broad: false })
  }
  // A broad set (a date range) is tested on rows: with no set to drive, SQLite reads its index.
  for (const c of q.conjuncts) {
    if (c.set && !c.set.broad) sets.push(c.set)
    else if (c.set) broad.push({ row: c.row, set: c.set })
    else rows.push(c.row)
  }
  const text = q.fts && !q.highlightsOnly ? { fts: q.fts, exclude: q.exclude } : null
  const exclude = text ? null : q.exclude
  // With nothing to subtract it from, an exclusion is a row predicate (every article but…).
  if (exclude && sets.length === 0) rows.push(excludeRow(exclude))
  return { sets, text, exclude: sets.length ? exclude : null, rows, broad }
}

function excludeRow(exclude: string): SqlFragment {
  const text = textSet(exclude)
  return { sql: `a.id NOT IN (${text.sql})`, params: text.params }
}

/**
 * Everything but text alone. The sets are read from their indexes as lists and intersected
 * here, smallest first; the text is then read from its doclist only where it meets them
 * (`+rowid IN (…)`: one pass over the doclist, no lookups per id), an exclusion is folded
 * into the FTS expression (`a NOT b`), and what remains is tested on the rows of the few
 * articles left. Without any set, the rows are searched by SQLite as they are.
 */
function setMatch(db: DB, q: CompiledQuery): MatchSet {
  const p = parts(q)
  const broadRows = p.broad.map((b) => b.row)
  const { sql: where, params: rowParams } = andOf([...p.rows, ...broadRows])
  const rowsOnly = p.sets.length === 0 && !p.text
  const rowSql: SqlFragment = { sql: `SELECT a.id FROM articles a WHERE ${where}`, params: rowParams }
  const counted = countedOf(p)
  let all: number[] | null = null
  const list = (sql: string, ...params: unknown[]) => prep(db, sql, true).all(...params) as number[]
  const evaluate = (): number[] => {
    if (rowsOnly) return list(`${rowSql.sql} ORDER BY a.id DESC`, ...rowParams)
    let acc: number[] | null = null
    let broadDone = false
    if (p.text && !p.text.exclude && probedText(db, p)) {
      // The word is rarer than every set: its doclist drives, each entry tested on the sets' and dates' indexes.
      acc = textProbed(db, p.text.fts, probeSets(p))
      broadDone = true
    } else if (p.text && !p.text.exclude && p.sets.length === 1) {
      acc = textWithinSet(db, p.text.fts, p.sets[0])
    } else {
      const lists = p.sets.map((s) => uniqueDesc(list(s.sql, ...s.params))).sort((a, b) => a.length - b.length)
      for (const l of lists) acc = acc ? intersectDesc(acc, l) : l
      if (p.text) acc = textWithin(db, p.text.fts, p.text.exclude, acc)
      else if (p.exclude && acc) acc = withoutText(db, acc, p.exclude)
    }
    if (!acc || acc.length === 0) return []
    let rows = p.rows
    if (p.broad.length && !broadDone) {
      if (p.broad.every((b) => b.set.probe)) acc = withinBroad(db, acc, p.broad)
      else rows = [...rows, ...broadRows]
    }
    if (rows.length && acc.length) {
      const cond = andOf(rows)
      acc = list(`SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) AND ${cond.sql} ORDER BY a.id DESC`, JSON.stringify(acc), ...cond.params)
    }
    return acc
  }
  // One set countable from its index (a tag, `is:highlight`, with dates): listed by its own
  // statement from indexes, never by listing each part and intersecting here.
  const ids = (): number[] => (all ??= counted ? list(counted.newest.sql, ...counted.newest.params) : evaluate())
  const sql = (): SqlFragment => {
    if (rowsOnly) return rowSql
    if (counted && !all) return counted.newest
    return { sql: 'SELECT value FROM json_each(?)', params: [JSON.stringify(ids())] }
  }
  return {
    textOnly: false,
    sql,
    ids,
    ownIds: () => [],
    ownScored: () => [],
    ownCount: () => 0,
    everyNth: (n) => ids().filter((id) => id % n === 0),
    // Rows alone, or one set countable from its index: SQLite walks the ids from the newest and
    // stops at the page; otherwise listed once.
    newestSaved: (limit, offset) => {
      if (all || (!rowsOnly && !counted)) return ids().slice(offset, offset + limit)
      if (counted?.split) return splitPage(db, counted.split, limit, offset)
      const page = counted ? counted.newest : { sql: `${rowSql.sql} ORDER BY a.id DESC`, params: rowParams }
      return prep(db, `${page.sql} LIMIT ? OFFSET ?`, true).all(...page.params, limit, offset) as number[]
    },
    // Listed (or counted by SQLite) exactly, whatever their number: never estimated.
    total: () => ({ total: count(), approximate: false })
  }
  function count(): number {
    if (all || (!rowsOnly && !counted)) return ids().length
    if (counted) return prep(db, counted.count.sql, true).get(...counted.count.params) as number
    return prep(db, `SELECT count(*) FROM (${rowSql.sql})`, true).get(...rowParams) as number
  }
}

/**
 * A query of one countable set (a tag, `is:highlight`) and date ranges, nothing else: its
 * count and newest-first pages as SQL over indexes, the dates tested on the set's own copies of
 * them where it keeps some (a tag: migration 014), else on the dates' index by id.
 */
function countedOf(p: Parts): Counted | null {
  const set = p.sets.length === 1 && !p.text && !p.exclude && p.rows.length === 0 ? p.sets[0].counted : undefined
  if (!set || !p.broad.every((b) => b.set.probe)) return null
  const cond = allProbes(p.broad.map((b) => b.set))
  const dated = datedCond(p.broad.map((b) => b.set))
  return { count: set.count(cond, dated), newest: set.newest(cond, dated), split: set.split?.(cond, dated) }
}

/** Date ranges as one test of a copied date column, for a set that keeps one (a tag: migration 014); undefined when one cannot be. */
function datedCond(dates: IdSet[]): ColumnCond | undefined {
  if (!dates.every((d) => d.column)) return undefined
  return (col) => andOf(dates.map((d) => (d.column as ColumnCond)(col)))
}

/**
 * The sets a doclist's entries are tested on (textProbed): the query's sets and date ranges, the
 * ranges folded into a tag's test when the tag keeps its articles' dates — one seek an entry
 * instead of two (`ceasefire tag:Syria after:2018` at a million articles: 80,000 entries).
 */
function probeSets(p: Parts): IdSet[] {
  const dates = p.broad.map((b) => b.set)
  const dated = dates.length ? datedCond(dates) : undefined
  const i = dated ? p.sets.findIndex((s) => s.probeDated) : -1
  if (!dated || i < 0) return [...p.sets, ...dates]
  const tag = p.sets[i]
  const folded: IdSet = { ...tag, probe: (id) => (tag.probeDated as NonNullable<IdSet['probeDated']>)(id, dated) }
  return p.sets.map((s, j) => (j === i ? folded : s))
}

interface Counted {
  count: SqlFragment
  newest: SqlFragment
  split?: ReturnType<NonNullable<CountedSet['split']>>
}

/**
 * A page of a counted set from its two parts (CountedSet.split): the `offset + limit` newest
 * of its own ids, then the others at or above the last of them. Among all the set's ids, the
 * `offset + limit` newest are at or above it (that many own ids are), so they are all here.
 */
function splitPage(db: DB, split: NonNullable<Counted['split']>, limit: number, offset: number): number[] {
  const wanted = offset + limit
  const own = prep(db, `${split.own.sql} LIMIT ?`, true).all(...split.own.params, wanted) as number[]
  const bound = own.length === wanted ? own[wanted - 1] : 0
  const others = split.others(bound)
  const merged = mergeDesc(own, uniqueDesc(prep(db, others.sql, true).all(...others.params) as number[]))
  return merged.slice(offset, wanted)
}

/**
 * Whether text within sets is cheaper by walking the word's doclist and testing each entry on
 * the sets' indexes than by listing the sets: every set (and date range) can be tested by id,
 * and the doclist is no longer than the smallest set (counted only that far).
 */
function probedText(db: DB, p: Parts): boolean {
  if (!p.text || p.sets.length === 0 || !p.sets.every((s) => s.probe && s.size) || !p.broad.every((b) => b.set.probe)) return false
  const smallest = Math.min(...p.sets.map((s) => prep(db, (s.size as SqlFragment).sql, true).get(...(s.size as SqlFragment).params) as number))
  const entries = prep(db, `SELECT count(*) FROM (${OWN} LIMIT ?)`, true).get(p.text.fts, smallest + 1) as number
  return entries <= smallest
}

/**
 * Articles matching `fts` (own text or a highlight) that pass every set's probe, newest first:
 * one pass over the doclist, each entry tested on indexes (a tag's key, the dates' index), and
 * the few highlight matches tested the same way.
 */
function textProbed(db: DB, fts: string, sets: IdSet[]): number[] {
  const tests = allProbes(sets)
  const own = tests('articles_fts.rowid')
  const ids = prep(db, `${OWN} AND ${own.sql} ORDER BY rowid DESC`, true).all(fts, ...own.params) as number[]
  const v = viaHighlightsSql(fts)
  const via = uniqueDesc(prep(db, v.sql, true).all(...v.params) as number[])
  if (via.length === 0) return ids
  const viaTests = tests('m.value')
  const viaIn = prep(db, `SELECT m.value FROM json_each(?) m WHERE ${viaTests.sql}`, true).all(JSON.stringify(via), ...viaTests.params) as number[]
  return mergeDesc(ids, viaIn)
}

/** How many ids of a date range's index cost about one id tested on the dates' index (listing and sorting vs a seek). */
const LIST_PER_PROBE = 4

/**
 * `acc` (sorted, newest first) within date ranges, from indexes alone: the ranges listed from
 * their index and intersected when they are small next to `acc` (counted only that far), or
 * each id of `acc` tested on the dates' index (migration 013) — never the article rows.
 */
function withinBroad(db: DB, acc: number[], broad: Parts['broad']): number[] {
  const cond = andOf(broad.map((b) => b.row))
  const range = { sql: `SELECT a.id FROM articles a WHERE ${cond.sql}`, params: cond.params }
  const most = acc.length * LIST_PER_PROBE
  const size = prep(db, `SELECT count(*) FROM (${range.sql} LIMIT ?)`, true).get(...range.params, most + 1) as number
  if (size <= most) return intersectDesc(acc, uniqueDesc(prep(db, range.sql, true).all(...range.params) as number[]))
  const tests = allProbes(broad.map((b) => b.set))('m.value')
  return prep(db, `SELECT m.value FROM json_each(?) m WHERE ${tests.sql}`, true).all(JSON.stringify(acc), ...tests.params) as number[]
}

const inList = 'SELECT value FROM json_each(?)'

/** Every set's probe (sets that have one) as one test of an id: their conjunction (none: `1`). */
function allProbes(sets: IdSet[]): IdCond {
  return (id) => andOf(sets.map((s) => (s.probe as IdCond)(id)))
}

/** The conjunction of `tests` as one fragment (none: `1`). */
const andOf = (tests: SqlFragment[]): SqlFragment => ({
  sql: tests.length ? tests.map((t) => t.sql).join(' AND ') : '1',
  params: tests.flatMap((t) => t.params)
})

/**
 * Articles matching `fts` (own text or a highlight) and not `exclude`, among `within` (all
 * articles when null); sorted, newest first.
 */
function textWithin(db: DB, fts: string, exclude: string | null, within: number[] | null): number[] {
  if (within && within.length === 0) return []
  const expr = exclude ? `(${fts}) NOT (${exclude})` : fts
  const own = within ? ownWithin(db, expr, within) : (prep(db, `${OWN} ORDER BY rowid DESC`, true).all(expr) as number[])
  const v = viaHighlightsSql(fts)
  let via = uniqueDesc(prep(db, v.sql, true).all(...v.params) as number[])
  if (within) via = intersectDesc(within, via)
  let out = via.length ? mergeDesc(own, via) : own
  if (exclude) {
    // A highlight match whose own text is excluded, and any article with an excluded highlight, go.
    out = minusDesc(out, uniqueDesc(viaExcluded(db, exclude)))
    const viaOnly = minusDesc(via, own)
    if (viaOnly.length) out = minusDesc(out, excludedByText(db, fts, exclude, viaOnly, own.length))
  }
  return out
}

/**
 * Articles matching `fts` (own text or a highlight) within one set, newest first, the set
 * never listed here: SQLite reads it from its index into a lookup table and keeps, in one
 * statement, the doclist's entries and the highlight matches found in it. Listing the set
 * here cost more whichever list was the shorter (its ids read, sorted and handed back as
 * JSON). At a million articles (CPU p50, timed interleaved with the code before):
 * `government speaker:Torres`, 400,000 entries against the 83,000 quotes of 31,000
 * articles, 91 → 76 ms; `government tag:Syria`, against 137,000 tagged articles, 237 → 155;
 * `zeppelin speaker:Torres`, 1,000 entries, 28 → 22. A tag whose doclist is the shorter is
 * still probed entry by entry (textProbed).
 */
function textWithinSet(db: DB, fts: string, set: IdSet): number[] {
  const text = textSet(fts)
  const sql = `WITH m(id) AS (${text.sql}) SELECT id FROM m WHERE +id IN (${set.sql})`
  return uniqueDesc(prep(db, sql, true).all(...text.params, ...set.params) as number[])
}

/**
 * The own matches of `expr` among `within` (sorted, newest first), by the cheaper side: the
 * doclist, when it is no longer than the set (counted only that far), is listed and the two
 * lists intersected here; a set shorter than the doclist is handed to SQLite, which keeps the
 * doclist's rows in it in one pass. `within` is what is left of several sets intersected here,
 * or of one with an exclusion (`ceasefire -government tag:Syria`); a word within one set alone
 * is textWithinSet's.
 */
function ownWithin(db: DB, expr: string, within: number[]): number[] {
  const entries = prep(db, `SELECT count(*) FROM (${OWN} LIMIT ?)`, true).get(expr, within.length + 1) as number
  if (entries <= within.length) return intersectDesc(within, prep(db, `${OWN} ORDER BY rowid DESC`, true).all(expr) as number[])
  return uniqueDesc(prep(db, `${OWN} AND +rowid IN (${inList})`, true).all(expr, JSON.stringify(within)) as number[])
}

/**
 * Which of `ids` have the excluded text in their own: `ids` are matched through a highlight
 * and are not among the `ownCount` own matches of `(fts) NOT (exclude)`, so those whose own
 * text matches `fts` are excluded by their text without looking. Up to OWN_LOOKUPS_MAX ids are
 * looked up in the excluded text's doclist; beyond, one pass over a doclist finds them, and
 * when the excluded word's is the longer (`ceasefire -government`: 400,000 entries against
 * 80,000 at a million articles, and 500 articles with a `ceasefire` highlight to check) the
 * pass is over `fts`'s, and only the ids whose own text does not match it are looked for in
 * the excluded word's. Which is longer is counted only as far as it matters.
 */
function excludedByText(db: DB, fts: string, exclude: string, ids: number[], ownCount: number): number[] {
  if (ids.length <= OWN_LOOKUPS_MAX) return ownAmong(db, exclude, ids)
  const bound = ownCount + ids.length
  const excludedEntries = prep(db, `SELECT count(*) FROM (${OWN} LIMIT ?)`, true).get(exclude, bound + 1) as number
  if (excludedEntries <= bound) return ownAmong(db, exclude, ids)
  const inText = ownAmong(db, fts, ids)
  return mergeDesc(inText, ownAmong(db, exclude, minusDesc(ids, inText)))
}

/** `ids` without the articles whose text or highlights match `exclude`. */
function withoutText(db: DB, ids: number[], exclude: string): number[] {
  return minusDesc(minusDesc(ids, ownAmong(db, exclude, ids)), uniqueDesc(viaExcluded(db, exclude)))
}

/**
 * Up to this many ids are looked up in the doclist one by one (`rowid IN`: FTS5 seeks each, ~0.05
 * ms at 100k articles); more are checked in one pass over the whole doclist (`+rowid IN`), whose
 * cost is the doclist's length: 2.7 ms for `government` at 100k, whatever the ids, ten times
 * that at a million. An exclusion's highlight-only matches (`ceasefire -government`: 30 at
 * 100k) are few.
 */
export const OWN_LOOKUPS_MAX = 100

/** Which of `ids` (sorted descending) match `fts` by their own text, newest first. */
export function ownAmong(db: DB, fts: string, ids: number[]): number[] {
  if (ids.length === 0) return []
  // CAST: better-sqlite3 binds numbers as REAL, and FTS5 takes no REAL rowid constraint.
  const lookups = ids.length <= OWN_LOOKUPS_MAX
  const sql = lookups ? `${OWN} AND rowid IN (SELECT CAST(value AS INTEGER) FROM json_each(?))` : `${OWN} AND +rowid IN (${inList})`
  return uniqueDesc(prep(db, sql, true).all(fts, JSON.stringify(ids)) as number[])
}

function viaExcluded(db: DB, exclude: string): number[] {
  const v = viaHighlightsSql(exclude)
  return prep(db, v.sql, true).all(...v.params) as number[]
}

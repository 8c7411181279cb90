/**
 * The pieces every part of search builds SQL and FTS5 expressions from: a fragment of SQL with
 * its parameters, an id set read from indexes, and the quoting that keeps user text inert.
 */

export interface SqlFragment {
  sql: string
  params: unknown[]
}

/**
 * Article ids read from indexes alone: `SELECT <id> …` (one column; an id may repeat, which
 * `IN` ignores and match.ts removes). A `broad` set (a date range) is often most of the
 * archive: cheaper tested on an article row than drawn as a set.
 */
export interface IdSet extends SqlFragment {
  broad: boolean
  /** The set as a test of one id (an SQL expression), answered from an index: date ranges, tags. */
  probe?: (id: string) => SqlFragment
  /** With `probe`: `SELECT <a lower bound of the set's size>`, counted on an index (to choose between listing and probing). */
  size?: SqlFragment
  /** Counted and paged by SQLite from indexes, without listing the ids (see CountedSet). */
  counted?: CountedSet
  /** A date range as a test of a column holding the article's date (the tags' copies, migration 014). */
  column?: ColumnCond
  /** `probe` with date ranges folded in (`dated`, on the set's copy of the date): one seek where two would be. */
  probeDated?: (id: string, dated: ColumnCond) => SqlFragment
}

/**
 * A set that SQLite can count, and page newest first, from its indexes: a query of this set
 * alone (and date ranges, given as `cond`, a test of the id expression it is handed) is
 * answered without listing its ids — `tag:Syria` is 137,000 ids at a million articles.
 */
export interface CountedSet {
  /**
   * `SELECT <number of distinct ids satisfying cond>`. `dated`, when given, is the same test as
   * `cond` (date ranges) on a column holding the article's date, for a set that keeps a copy.
   */
  count(cond: IdCond, dated?: ColumnCond): SqlFragment
  /** `SELECT id …` distinct, newest (highest id) first; the caller appends `LIMIT ? OFFSET ?`. */
  newest(cond: IdCond, dated?: ColumnCond): SqlFragment
  /**
   * The same ids as `newest` in two parts, for a page: `own`, distinct and newest first from an
   * index (the caller appends `LIMIT ?`), and `others(bound)`, the rest of the set at or above
   * `bound` (any order; may repeat or overlap `own`). A page needs only the ids at or above the
   * last of its length's newest `own` ids: `others` is then a few, where `newest` sorts them all.
   */
  split?(cond: IdCond, dated?: ColumnCond): { own: SqlFragment; others: (bound: number) => SqlFragment }
}

/** A test of an id given as an SQL expression (no test: `1`). */
export type IdCond = (id: string) => SqlFragment
/** A test of a column (a copy of the article's publication date). */
export type ColumnCond = (column: string) => SqlFragment


/** unicode61 indexes letters, numbers and private-use characters; anything else separates. */
export const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u
/** Han and kana: scripts written without spaces, searched by substring (migration 011). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
export const isCjk = (text: string): boolean => CJK.test(text)

/** articles_fts's columns and tokenizer (migration 004): a scratch index must cut text exactly as it does. */
export const ARTICLE_FTS_COLUMNS = 'title, byline, site, text, tags'
export const ARTICLE_FTS_TOKENIZE = 'porter unicode61 remove_diacritics 2'

/** A user token as an FTS5 string. FTS5 reads the expression as a C string: drop controls. */
export function ftsQuote(text: string, prefix = false): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what this removes
  const clean = text.replace(/[\u0000-\u001f\u007f]/gu, ' ')
  return `"${clean.replace(/"/gu, '""')}"${prefix ? '*' : ''}`
}

export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/gu, (c) => `\\${c}`)
}

/** `a.id IN (set)`: a set as a predicate (SQLite reads the set once per statement). */
export const inSet = (set: SqlFragment): SqlFragment => ({ sql: `a.id IN (${set.sql})`, params: set.params })

/** A predicate no row satisfies. */
export const NOTHING: SqlFragment = { sql: '0', params: [] }

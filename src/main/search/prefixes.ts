/**
 * A prefix's words, for listing and counting its matches without FTS5's prefix merge.
 *
 * Without a prefix index, FTS5 evaluates `"econom"*` by merging the doclists of every word the
 * prefix covers into one, in full, before it returns the first row — even under a LIMIT, and
 * again in every statement that evaluates it. The same rows are the matches of the words
 * themselves, OR'd: `("econom" OR "economi" OR "economist")`, which FTS5 merges lazily, row
 * by row, so a listing stops at its LIMIT and a count does no more than walk the doclists.
 * Measured on the bench's `econom*` (3 words): count 11.3 → 5.0 ms at 100k articles; the
 * newest 100,001 matches at 1M 53 → 9 ms. The words are read from the index's vocabulary
 * (fts5vocab), which walks their doclists once (2 ms at 100k, 27 ms at 1M).
 *
 * The ranking keeps the prefix itself: bm25 scores a prefix as one phrase, its words OR'd as
 * several, and the scores must not change. So does every statement on highlights_fts (its
 * own vocabulary, and few rows).
 *
 * The rewrite is exact only where the words, quoted again, stand for themselves: each is
 * re-tokenized (in a scratch index with articles_fts's tokenizer) and kept only if it comes
 * back unchanged — Porter is not idempotent on every stem. Anything else (a phrase prefix, a
 * word that does not survive, more than MAX_WORDS words) keeps the prefix as it was.
 */
import type { Statement } from 'better-sqlite3'
import { scratchBeside, type DB } from '../db/connection'
import { ARTICLE_FTS_TOKENIZE, ftsQuote } from './sql'
import { prep } from './statements'

/** Past this many words the OR is no cheaper than the merge (and longer to parse): the prefix stays. */
export const MAX_WORDS = 32

/** A prefix as compile.ts writes it (sql.ts ftsQuote): `"text"*`, quotes inside doubled. */
const PREFIX = /"((?:[^"]|"")*)"\*/gu

/** Highest code point: a term starting with `p` sorts at or below `p` + this. */
const TOP = '\u{10FFFF}'

/**
 * `fts` (an articles_fts expression from compile.ts) with each single-word prefix replaced by
 * its words, OR'd; the same rows match. Unchanged when it has no prefix.
 */
export function expandPrefixes(db: DB, fts: string): string {
  if (!fts.includes('*')) return fts
  return fts.replace(PREFIX, (whole, inner: string) => {
    const words = prefixWords(db, inner.replace(/""/gu, '"'))
    return words && words.length > 0 ? wordsOr(words) : whole
  })
}

/** Words OR'd as one FTS5 expression: the same rows as the prefix they are the words of. */
export function wordsOr(words: string[]): string {
  return `(${words.map((w) => ftsQuote(w)).join(' OR ')})`
}

/**
 * The index's words that the prefix `text` matches, in index order; null when the prefix
 * cannot be rewritten exactly (see the module's comment).
 */
export function prefixWords(db: DB, text: string): string[] | null {
  return prefixVocabulary(db, text)?.words ?? null
}

/** A prefix's words (as prefixWords) and, for each, how many articles it is in. */
export interface PrefixVocabulary {
  words: string[]
  docs: number[]
}

/** prefixWords with each word's article count (fts5vocab's `doc`); null where prefixWords is. */
export function prefixVocabulary(db: DB, text: string): PrefixVocabulary | null {
  const token = tokens(db, text)
  if (token.length !== 1) return null
  const [p] = token
  const cache = cacheOf(db)
  if (cache.has(p)) return cache.get(p) as PrefixVocabulary | null
  const found = wordsOf(db, p)
  if (cache.size >= CACHED) cache.delete(cache.keys().next().value as string)
  cache.set(p, found)
  return found
}

function wordsOf(db: DB, p: string): PrefixVocabulary | null {
  const words: string[] = []
  const docs: number[] = []
  for (const [term, doc] of vocabulary(db).iterate(p, p + TOP)) {
    if (!term.startsWith(p)) break
    if (words.length === MAX_WORDS) return null
    words.push(term)
    docs.push(doc)
  }
  if (words.length === 0) return { words, docs }
  const again = tokens(db, words.join(' '))
  return again.length === words.length && again.every((w, i) => w === words[i]) ? { words, docs } : null
}

/** The terms `text` is indexed as, in order, cut by articles_fts's tokenizer (in the scratch database). */
function tokens(db: DB, text: string): string[] {
  const scratch = scratchBeside(db)
  scratch.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS cut_fts USING fts5(t, tokenize = '${ARTICLE_FTS_TOKENIZE}');` +
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp.cut_words USING fts5vocab(main, cut_fts, instance)`
  )
  // Written and rolled back: the scratch index stays empty.
  scratch.exec('BEGIN')
  try {
    scratch.prepare('INSERT INTO cut_fts(rowid, t) VALUES (1, ?)').run(text)
    return scratch.prepare('SELECT term FROM temp.cut_words ORDER BY offset').pluck().all() as string[]
  } finally {
    scratch.exec('ROLLBACK')
  }
}

/** How many prefixes' words a connection remembers. */
const CACHED = 64
const caches = new WeakMap<DB, { version: string; words: Map<string, PrefixVocabulary | null> }>()

/**
 * The connection's remembered words, emptied whenever the archive may have changed since: a
 * commit by another connection changes `data_version`, a write by this one `total_changes()`.
 * Walking a prefix's doclists for its words costs 27 ms at a million articles (`econom*`);
 * paging, facets and the same query again need not pay it twice.
 */
function cacheOf(db: DB): Map<string, PrefixVocabulary | null> {
  const version = `${db.pragma('data_version', { simple: true })}:${prep(db, 'SELECT total_changes()', true).get()}`
  let c = caches.get(db)
  if (!c || c.version !== version) caches.set(db, (c = { version, words: new Map() }))
  return c.words
}

const vocabularies = new WeakMap<DB, Statement<[string, string], [string, number]>>()

/**
 * `SELECT term, doc … WHERE term >= ? AND term <= ?` over articles_fts's vocabulary: a temp
 * fts5vocab table, created once per connection. A search thread's connection is query_only,
 * which refuses even temp tables: it is lifted for that one statement.
 */
function vocabulary(db: DB): Statement<[string, string], [string, number]> {
  let stmt = vocabularies.get(db)
  if (!stmt) {
    const readOnly = db.pragma('query_only', { simple: true }) === 1
    if (readOnly) db.pragma('query_only = OFF')
    try {
      db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_words USING fts5vocab(main, articles_fts, row)')
    } finally {
      if (readOnly) db.pragma('query_only = ON')
    }
    stmt = db.prepare<[string, string], [string, number]>('SELECT term, doc FROM temp.articles_fts_words WHERE term >= ? AND term <= ?').raw(true)
    vocabularies.set(db, stmt)
  }
  return stmt
}

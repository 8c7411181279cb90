/**
 * bm25 of a prefix query's ranking window, the same doubles FTS5 returns, without FTS5's
 * prefix merge.
 *
 * FTS5 scores a prefix (`"econom"*`) as one phrase, and to do so it merges the doclists of
 * every word the prefix covers twice, in full: once to match, and once more to count the rows
 * the phrase is in (its IDF). At a million articles that is 128 ms for `econom*` (607,000
 * matches), most of the search; the window itself (2,001 rows, prefixes.ts) lists in 1 ms.
 *
 * FTS5's bm25 (fts5_aux.c), for a row of D tokens, over the query's phrases p in order:
 *
 *     score = -Σ_p IDF(p) · f(p)·(k1 + 1) / (f(p) + k1·(1 − b + b·D/avgdl))    k1 = 1.2, b = 0.75
 *     IDF(p) = ln((N − n(p) + 0.5) / (n(p) + 0.5)), or 1e-6 where that is ≤ 0
 *     f(p)   = the sum, over the phrase's instances in the row, of its column's weight
 *
 * with N and avgdl from the index's totals record, D from the row's docsize record and n(p) the
 * number of rows the phrase is in. A prefix's instances in a row are its words' instances, so
 * f(prefix) = Σ_w f(w), and n(prefix) is the count of its words OR'd (walked lazily; the
 * caller's own count when the prefix is the whole query; not needed at all when one word is in
 * half the rows, where IDF is 1e-6 whatever n is). Each
 * word's f(w) is read back from bm25 of the word alone, whose IDF comes from the word's row
 * count in the vocabulary: the weights are whole numbers, so f is a whole number, and each
 * read-back is checked to be one (else null). A plain phrase's term is bm25 of the phrase alone.
 * The terms are added in phrase order with fts5_aux.c's operations, and IDF's logarithm is
 * SQLite's (`ln`, C's `log`): `search.test.ts`/`prefix-scores.test.ts` compare every row with
 * FTS5's own bm25.
 *
 * Any other expression (NOT, NEAR, column filters, a prefix prefixes.ts cannot rewrite) gives
 * null, and the caller scores with FTS5.
 */
import type { DB } from '../db/connection'
import { prefixVocabulary, wordsOr } from './prefixes'
import { ftsQuote } from './sql'
import { prep } from './statements'

const K1 = 1.2
const B = 0.75

/** The bm25 call over articles_fts with these column weights (`bm25(articles_fts, 10.0, 2.0, …)`). */
export function articlesBm25(weights: readonly number[]): string {
  return `bm25(articles_fts, ${weights.map((w) => w.toFixed(1)).join(', ')})`
}

/** k1·(1 − b + b·D/avgdl): fts5_aux.c's length term for a row of `d` tokens, with its operations in its order. */
function lengthTerm(d: number, avgdl: number): number {
  return K1 * (1 - B + (B * d) / avgdl)
}

/** A phrase of an FTS5 expression as compile.ts writes it: `"text"` or `"text"*` (quotes doubled inside). */
interface Phrase {
  text: string
  prefix: boolean
}

const TOKEN = /\s*(?:"((?:[^"]|"")*)"(\*?)|\(|\)|AND(?=[\s("])|OR(?=[\s("]))/uy

/** The phrases of an expression of phrases, AND, OR and parentheses, in order; null for anything else. */
export function phrasesOf(fts: string): Phrase[] | null {
  const phrases: Phrase[] = []
  let at = 0
  while (at < fts.length) {
    if (fts.slice(at).trim() === '') break
    TOKEN.lastIndex = at
    const m = TOKEN.exec(fts)
    if (!m) return null
    if (m[1] !== undefined) phrases.push({ text: m[1].replace(/""/gu, '"'), prefix: m[2] === '*' })
    at = TOKEN.lastIndex
  }
  return phrases
}

/**
 * [id, bm25] for each id of `window` (the expression's most recent own matches, newest first:
 * every match at or above its last id), in its order; `weights` are bm25's column weights.
 * Null when the expression or the index is not one this can score (see the module's comment).
 */
export function windowScores(
  db: DB,
  fts: string,
  window: number[],
  weights: readonly number[],
  ownCount?: () => number
): [number, number][] | null {
  if (window.length === 0) return []
  if (!weights.every((w) => Number.isInteger(w))) return null
  const phrases = phrasesOf(fts)
  if (!phrases || phrases.length === 0) return null
  const bm25 = articlesBm25(weights)
  const bound = window[window.length - 1]
  const listed = JSON.stringify(window)
  const totals = indexTotals(db)
  if (!totals) return null
  const { rows: n, avgdl } = totals
  let sizes: Map<number, number> | null = null
  const size = (id: number): number => (sizes ??= docSizes(db, listed)).get(id) ?? Number.NaN

  const terms: Map<number, number>[] = []
  for (const phrase of phrases) {
    if (!phrase.prefix) {
      const term = new Map<number, number>()
      for (const [id, score] of windowRows(db, bm25, ftsQuote(phrase.text), bound, listed)) term.set(id, -score)
      terms.push(term)
      continue
    }
    const vocab = prefixVocabulary(db, phrase.text)
    if (!vocab) return null
    if (vocab.words.length === 0) {
      terms.push(new Map())
      continue
    }
    // f(prefix) per row: the sum of its words' f(w), each read back from bm25 of the word alone.
    const freq = new Map<number, number>()
    for (let i = 0; i < vocab.words.length; i++) {
      const idf = idfOf(n, vocab.docs[i])
      for (const [id, score] of windowRows(db, bm25, ftsQuote(vocab.words[i]), bound, listed)) {
        const f = frequency(-score / idf, size(id), avgdl)
        if (f === null) return null
        freq.set(id, (freq.get(id) ?? 0) + f)
      }
    }
    // A prefix that is the whole expression is in as many rows as the expression matches (the caller's count, which its total then reuses).
    const only = phrases.length === 1 ? ownCount : undefined
    const idf = exactIdf(db, n, prefixRows(db, vocab.words, vocab.docs, n, only))
    const term = new Map<number, number>()
    for (const [id, f] of freq) term.set(id, idf * ((f * (K1 + 1.0)) / (f + lengthTerm(size(id), avgdl))))
    terms.push(term)
  }
  const scored: [number, number][] = []
  for (const id of window) {
    let score = 0.0
    for (const term of terms) score += term.get(id) ?? 0
    scored.push([id, -1.0 * score])
  }
  return scored
}

/**
 * [rowid, bm25] of a one-phrase expression for the rows of the window (`listed`: its ids as
 * JSON) that it matches. bm25 is computed for those rows alone: a common word's doclist down to
 * the window's last id can be ten times the window (`econom* ceasefire`).
 */
function windowRows(db: DB, bm25: string, phrase: string, bound: number, listed: string): [number, number][] {
  return prep(
    db,
    `SELECT rowid, ${bm25} FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= CAST(? AS INTEGER) ` +
      'AND +rowid IN (SELECT value FROM json_each(?))'
  )
    .raw(true)
    .all(phrase, bound, listed) as [number, number][]
}

/**
 * f from one phrase's term t = f·(k1 + 1) / (f + K), K = k1·(1 − b + b·D/avgdl): a whole
 * number, or null when the read-back is not one (the index changed between two statements).
 */
function frequency(t: number, d: number, avgdl: number): number | null {
  const k = lengthTerm(d, avgdl)
  const f = (t * k) / (K1 + 1.0 - t)
  const whole = Math.round(f)
  return Number.isFinite(f) && whole >= 0 && Math.abs(f - whole) < 1e-3 * Math.max(1, whole) ? whole : null
}

/** fts5_aux.c's IDF, with JavaScript's logarithm: for reading f back (rounded), not for scores. */
function idfOf(rows: number, hits: number): number {
  const idf = Math.log((rows - hits + 0.5) / (hits + 0.5))
  return idf <= 0 ? 1e-6 : idf
}

/** fts5_aux.c's IDF with SQLite's `ln` (C's `log`), so the score is FTS5's to the last bit. */
function exactIdf(db: DB, rows: number, hits: number): number {
  const idf = prep(db, 'SELECT ln((CAST(? AS INTEGER) - CAST(? AS INTEGER) + 0.5) / (CAST(? AS INTEGER) + 0.5))', true).get(rows, hits, hits) as number
  return idf <= 0.0 ? 1e-6 : idf
}

/** How many rows have one of the words; not counted when one word alone is in half the rows (IDF is 1e-6 then). */
function prefixRows(db: DB, words: string[], docs: number[], rows: number, count?: () => number): number {
  if (words.length === 1) return docs[0]
  const most = Math.max(0, ...docs)
  if (rows <= 2 * most) return most
  if (count) return count()
  return prep(db, 'SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?', true).get(wordsOr(words)) as number
}

/** N and avgdl as FTS5 reads them: the totals record (id 1 of articles_fts_data), row count then tokens per column. */
function indexTotals(db: DB): { rows: number; avgdl: number } | null {
  const block = prep(db, 'SELECT block FROM articles_fts_data WHERE id = 1', true).get() as Buffer | undefined
  if (!block || block.length === 0) return null
  const values = varints(block)
  const rows = values[0]
  if (!(rows > 0)) return null
  return { rows, avgdl: sum(values.slice(1)) / rows }
}

/** Each id's token count, all columns (its articles_fts_docsize record; read as hex, which costs less than a Buffer a row). */
function docSizes(db: DB, listed: string): Map<number, number> {
  const sizes = new Map<number, number>()
  const rows = prep(db, 'SELECT id, hex(sz) FROM articles_fts_docsize WHERE id IN (SELECT value FROM json_each(?))')
    .raw(true)
    .all(listed) as [number, string][]
  for (const [id, hex] of rows) sizes.set(id, sum(varints(hexBytes(hex))))
  return sizes
}

function hexBytes(hex: string): number[] {
  const bytes: number[] = []
  for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16))
  return bytes
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0)

/** SQLite's varints (big-endian, 7 bits a byte, the ninth byte whole), as numbers. */
export function varints(buf: ArrayLike<number>): number[] {
  const out: number[] = []
  let i = 0
  while (i < buf.length) {
    let v = 0
    let n = 0
    for (;;) {
      const byte = buf[i++]
      if (n === 8) {
        v = v * 256 + byte
        break
      }
      v = v * 128 + (byte & 0x7f)
      n++
      if (byte < 0x80 || i >= buf.length) break
    }
    out.push(v)
  }
  return out
}

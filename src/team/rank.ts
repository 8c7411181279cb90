/**
 * Relevance on the team server, shaped like the local archive's bm25 so that both put the
 * same articles on top.
 *
 * FTS5's bm25 needs, for each query term, its frequency in the document (per column, weighted
 * title 10, byline 2, outlet 2, text 1, tags 5), the document's length against the average,
 * and the term's rarity (IDF). PostgreSQL gives none of these directly, so:
 * - the weighted frequency comes from ts_rank of the term alone, with the same column
 *   weights, divided by what one occurrence in the text scores (ts_rank's frequency
 *   saturates — 1, 1¼, 1⅓… for repeats — where bm25 counts them);
 * - the length is the article's word count, against the average over the team's articles;
 * - rarity comes from the planner's statistics of the search column (pg_stats' most common
 *   elements and their frequencies, kept by ANALYZE); a term not among them counts as rare.
 * Then bm25's formula (k1 = 1.2, b = 0.75) as FTS5 computes it. docs/team.md measures how
 * often the two top-10s agree.
 */
import type { Pool } from './store/pool'

const K1 = 1.2
const B = 0.75
/** ts_rank of one occurrence in the text column (weight D = 0.1, divided by ts_rank's 1.6449). */
const ONE_TEXT_OCCURRENCE = 0.1 / 1.64493406685

interface CorpusStats {
  at: number
  articles: number
  avgWords: number
  /** Lexeme → share of articles containing it (the most common ones only). */
  freq: Map<string, number>
  rare: number
}

const cache = new WeakMap<Pool, CorpusStats>()
const STATS_TTL_MS = 5 * 60_000

async function corpusStats(pool: Pool): Promise<CorpusStats> {
  const hit = cache.get(pool)
  if (hit && Date.now() - hit.at < STATS_TTL_MS) return hit
  const size = await pool.query<{ n: number; w: number }>('SELECT count(*)::int AS n, coalesce(avg(word_count), 1)::float8 AS w FROM articles WHERE deleted_at IS NULL')
  const mce = await pool.query<{ e: string[] | null; f: number[] | null }>(
    "SELECT most_common_elems::text::text[] AS e, most_common_elem_freqs AS f FROM pg_stats WHERE tablename = 'articles' AND attname = 'search' LIMIT 1"
  )
  const freq = new Map<string, number>()
  const e = mce.rows[0]?.e ?? []
  const f = mce.rows[0]?.f ?? []
  e.forEach((lexeme, i) => freq.set(lexeme, f[i]))
  const known = [...freq.values()]
  const stats = { at: Date.now(), articles: size.rows[0].n, avgWords: size.rows[0].w, freq, rare: known.length ? Math.min(...known) / 2 : 0.001 }
  cache.set(pool, stats)
  return stats
}

/** The lexemes of a tsquery's text (`'climat' <-> 'summit'`, `'econom':*`), with whether each is a prefix. */
function lexemes(querytree: string): { lexeme: string; prefix: boolean }[] {
  return [...querytree.matchAll(/'((?:[^']|'')*)'(:\*)?/g)].map((m) => ({ lexeme: m[1].replace(/''/g, "'"), prefix: m[2] !== undefined }))
}

/** A leaf's inverse document frequency as FTS5 computes it (floored at 1e-6), from the column statistics. */
function idf(stats: CorpusStats, querytree: string): number {
  const n = stats.articles
  let share = 1
  for (const { lexeme, prefix } of lexemes(querytree)) {
    let s = stats.freq.get(lexeme) ?? 0
    if (prefix) for (const [l, v] of stats.freq) if (l !== lexeme && l.startsWith(lexeme)) s += v
    share = Math.min(share, Math.min(1, s || stats.rare))
  }
  const df = share * n
  return Math.max(1e-6, Math.log((n - df + 0.5) / (df + 0.5)))
}

export interface Scorer {
  /** bm25 of an article from the ts_rank of each leaf and its word count. */
  score(ranks: number[], words: number): number
}

/** Prepares the scoring of one query (its leaves' query trees, as PostgreSQL normalised them). */
export async function scorer(pool: Pool, querytrees: string[]): Promise<Scorer> {
  const stats = await corpusStats(pool)
  const idfs = querytrees.length > 1 ? querytrees.map((t) => idf(stats, t)) : [1]
  return {
    score: (ranks, words) => {
      const norm = K1 * (1 - B + (B * words) / stats.avgWords)
      let s = 0
      ranks.forEach((r, i) => {
        const tf = r / ONE_TEXT_OCCURRENCE
        if (tf > 0) s += idfs[i] * ((tf * (K1 + 1)) / (tf + norm))
      })
      return s
    }
  }
}

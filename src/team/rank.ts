/**
 * Relevance on the team server, shaped like the local archive's bm25 so that both put the
 * same articles on top.
 *
 * FTS5's bm25 needs, for each query term, its frequency in the document (per column, weighted
 * title 10, byline 2, outlet 2, text 1, tags 5), the document's length against the average,
 * and the term's rarity (IDF). PostgreSQL gives none of these directly, so:
 * - the weighted frequency is decoded from ts_rank of the term alone: with the column weights
 *   {text 0.1, tags 0.5, byline/outlet 0.2, title 1}, ts_rank is a known function of how often
 *   the term occurs in each column (occurrences weigh 1, ¼, ⅑… in position order), so a table
 *   of every count up to a bound turns the rank back into counts, and the counts into FTS5's
 *   weighted frequency (title 10, byline and outlet 2, tags 5, text 1);
 * - the length is the article's words in all five columns, counted as the local tokenizer
 *   counts them (`tokens`), against the average;
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
  const size = await pool.query<{ n: number; w: number }>('SELECT count(*)::int AS n, coalesce(avg(tokens), 1)::float8 AS w FROM articles WHERE deleted_at IS NULL')
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

/** ts_rank (calc_rank_or, in float4 as PostgreSQL computes it) of one term occurring a, b, c, d times in the title, byline/outlet, tags, text. */
function tsRankOf(a: number, b: number, c: number, d: number): number {
  const f = Math.fround
  const weights = [...Array(a).fill(1.0), ...Array(b).fill(0.2), ...Array(c).fill(0.5), ...Array(d).fill(0.1)].map(f)
  let resj = f(0)
  let wjm = f(-1)
  let jm = 0
  weights.forEach((w, l) => {
    resj = f(resj + f(w / ((l + 1) * (l + 1))))
    if (w > wjm) {
      wjm = w
      jm = l
    }
  })
  return f(f(wjm + resj - f(wjm / ((jm + 1) * (jm + 1)))) / 1.64493406685)
}

/** Every ts_rank value a single term can have (up to a bound per column) with FTS5's weighted frequency, sorted by rank. */
const DECODE: { rank: number; tf: number }[] = (() => {
  const out: { rank: number; tf: number }[] = []
  for (let a = 0; a <= 3; a++)
    for (let b = 0; b <= 3; b++)
      for (let c = 0; c <= 2; c++)
        for (let d = 0; d <= 60; d++) if (a + b + c + d > 0) out.push({ rank: tsRankOf(a, b, c, d), tf: 10 * a + 2 * (b) + 5 * c + d })
  return out.sort((x, y) => x.rank - y.rank)
})()

/** FTS5's weighted term frequency behind a single term's ts_rank; the proportional estimate when no count matches. */
export function weightedFrequency(rank: number): number {
  if (rank <= 0) return 0
  let lo = 0
  let hi = DECODE.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (DECODE[mid].rank < rank) lo = mid + 1
    else hi = mid
  }
  const near = [DECODE[lo], DECODE[lo - 1]].filter(Boolean).sort((x, y) => Math.abs(x.rank - rank) - Math.abs(y.rank - rank))[0]
  return Math.abs(near.rank - rank) <= rank * 1e-6 ? near.tf : rank / ONE_TEXT_OCCURRENCE
}

export interface Scorer {
  /** bm25 of an article from the ts_rank of each leaf and its length in tokens. */
  score(ranks: number[], tokens: number): number
}

/** Prepares the scoring of one query (its leaves' query trees, as PostgreSQL normalised them). */
export async function scorer(pool: Pool, querytrees: string[]): Promise<Scorer> {
  const stats = await corpusStats(pool)
  const idfs = querytrees.length > 1 ? querytrees.map((t) => idf(stats, t)) : [1]
  return {
    score: (ranks, tokens) => {
      const norm = K1 * (1 - B + (B * tokens) / stats.avgWords)
      let s = 0
      ranks.forEach((r, i) => {
        const tf = weightedFrequency(r)
        if (tf > 0) s += idfs[i] * ((tf * (K1 + 1)) / (tf + norm))
      })
      return s
    }
  }
}

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

interface CorpusStats {
  at: number
  articles: number
  avgWords: number
  /** Lexeme → share of articles containing it (the most common ones only). */
  freq: Map<string, number>
  rare: number
}

/** The two indexes bm25 is computed over, as locally: articles (articles_fts) and highlights (highlights_fts). */
export type RankedTable = 'articles' | 'highlights'

const cache = new WeakMap<Pool, Map<RankedTable, CorpusStats>>()
const STATS_TTL_MS = 5 * 60_000

async function corpusStats(pool: Pool, table: RankedTable): Promise<CorpusStats> {
  const byTable = cache.get(pool) ?? new Map<RankedTable, CorpusStats>()
  cache.set(pool, byTable)
  const hit = byTable.get(table)
  if (hit && Date.now() - hit.at < STATS_TTL_MS) return hit
  // Literals, never user input. article_search holds live articles only (team migration 2).
  const relation = table === 'articles' ? 'article_search' : 'highlights WHERE deleted_at IS NULL'
  const size = await pool.query<{ n: number; w: number }>(`SELECT count(*)::int AS n, coalesce(avg(tokens), 1)::float8 AS w FROM ${relation}`)
  const mce = await pool.query<{ e: string[] | null; f: number[] | null }>(
    "SELECT most_common_elems::text::text[] AS e, most_common_elem_freqs AS f FROM pg_stats WHERE tablename = $1 AND attname = 'search' LIMIT 1",
    [table === 'articles' ? 'article_search' : 'highlights']
  )
  const freq = new Map<string, number>()
  const e = mce.rows[0]?.e ?? []
  const f = mce.rows[0]?.f ?? []
  e.forEach((lexeme, i) => freq.set(lexeme, f[i]))
  const known = [...freq.values()]
  const stats = { at: Date.now(), articles: Math.max(1, size.rows[0].n), avgWords: size.rows[0].w, freq, rare: known.length ? Math.min(...known) / 2 : 0.5 / Math.max(1, size.rows[0].n) }
  byTable.set(table, stats)
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

/**
 * The columns of each index in vector order (A, B, C, D): their ts_rank weight and their FTS5
 * bm25 weight. Articles: title, byline+outlet, tags, text; highlights: quote, note, tags.
 */
const COLUMNS: Record<RankedTable, { rank: number; bm25: number; max: number }[]> = {
  articles: [{ rank: 1.0, bm25: 10, max: 3 }, { rank: 0.2, bm25: 2, max: 3 }, { rank: 0.5, bm25: 5, max: 2 }, { rank: 0.1, bm25: 1, max: 60 }],
  highlights: [{ rank: 1.0, bm25: 4, max: 12 }, { rank: 0.5, bm25: 2, max: 12 }, { rank: 0.5, bm25: 2, max: 3 }]
}

/** ts_rank (calc_rank_or, in float4 as PostgreSQL computes it) of one term occurring counts[i] times in column i. */
function tsRankOf(table: RankedTable, counts: number[]): number {
  const f = Math.fround
  const weights = counts.flatMap((n, i) => Array(n).fill(COLUMNS[table][i].rank) as number[]).map(f)
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
function decodeTable(table: RankedTable): { rank: number; tf: number }[] {
  const out: { rank: number; tf: number }[] = []
  const columns = COLUMNS[table]
  const walk = (i: number, counts: number[]) => {
    if (i === columns.length) {
      if (counts.some((n) => n > 0)) out.push({ rank: tsRankOf(table, counts), tf: counts.reduce((s, n, k) => s + n * columns[k].bm25, 0) })
      return
    }
    for (let n = 0; n <= columns[i].max; n++) walk(i + 1, [...counts, n])
  }
  walk(0, [])
  return out.sort((x, y) => x.rank - y.rank)
}
const DECODE: Record<RankedTable, { rank: number; tf: number }[]> = { articles: decodeTable('articles'), highlights: decodeTable('highlights') }

/** FTS5's weighted term frequency behind a single term's ts_rank; the proportional estimate when no count matches. */
export function weightedFrequency(rank: number, table: RankedTable = 'articles'): number {
  if (rank <= 0) return 0
  const DECODE_T = DECODE[table]
  let lo = 0
  let hi = DECODE_T.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (DECODE_T[mid].rank < rank) lo = mid + 1
    else hi = mid
  }
  const near = [DECODE_T[lo], DECODE_T[lo - 1]].filter(Boolean).sort((x, y) => Math.abs(x.rank - rank) - Math.abs(y.rank - rank))[0]
  if (Math.abs(near.rank - rank) <= rank * 1e-6) return near.tf
  // Not a count of one word (several words under one prefix): in proportion to one occurrence of the lowest-weighted column.
  const lowest = COLUMNS[table][COLUMNS[table].length - 1]
  return (rank / (lowest.rank / 1.64493406685)) * lowest.bm25
}

export interface Scorer {
  /** bm25 of a row from the ts_rank of each word of each leaf (ranks[leaf][word]) and its length in tokens. */
  score(ranks: number[][], tokens: number): number
}

/**
 * Prepares the scoring of one query over one index, from the query trees of each leaf's words
 * as PostgreSQL normalised them. A phrase counts as often as its least frequent word, and is as
 * rare as its rarest word. Scores of the two indexes are comparable as FTS5's are: each is bm25
 * over its own index (an article matched only through a rare word in a highlight can outrank
 * every article whose text has a word that is everywhere).
 */
export async function scorer(pool: Pool, table: RankedTable, querytrees: string[][]): Promise<Scorer> {
  const stats = await corpusStats(pool, table)
  const idfs = querytrees.map((words) => Math.max(...words.map((t) => idf(stats, t))))
  return {
    score: (ranks, tokens) => {
      const norm = K1 * (1 - B + (B * tokens) / stats.avgWords)
      let s = 0
      ranks.forEach((words, i) => {
        const tf = Math.min(...words.map((r) => weightedFrequency(r, table)))
        if (tf > 0) s += idfs[i] * ((tf * (K1 + 1)) / (tf + norm))
      })
      return s
    }
  }
}

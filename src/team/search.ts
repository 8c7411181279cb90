/**
 * Search on the team server: the same query language and result shape as the local archive
 * (src/main/search), over PostgreSQL full-text search.
 *
 * It follows the local algorithm step for step so that both answer alike: relevance is
 * computed within a window of the RANK_WINDOW most recently added text matches (plus as many
 * matching highlights), ranked, and older matches follow in the order they were added; the
 * total is exact. The ranking is bm25 rebuilt from what PostgreSQL offers (rank.ts); see
 * docs/team.md for how often the two top-10s agree.
 *
 * Facets and timeline: exact up to FACET_SAMPLE matches; beyond, an even sample of ids
 * (`id % k = 0`) with counts scaled up, like the local `facetsSampled`.
 */
import type { FacetCount, SearchHighlight, SearchHit, SearchResult } from '../shared/types'
import { SNIPPET_CLOSE, SNIPPET_OPEN, directionOf, type SearchSort } from '../shared/vocabulary'
import { parseQueryLenient } from '../main/search/parse'
import { ARTICLE_WEIGHTS, HIGHLIGHT_WEIGHTS, TS_CONFIG, compileTsquery, highlightCond, numbered, textSql, type PgCompiledQuery, type SqlFragment } from '../main/search/tsquery'
import type { Pool } from './store/pool'
import { scorer } from './rank'

export const RANK_WINDOW = 2000
export const HIGHLIGHT_WINDOW = 2000
export const FACET_SAMPLE = 4000
const FACET_TOP = 10

export interface TeamSearchInput {
  query: string
  sort: SearchSort
  limit: number
  offset: number
  facets: boolean
  timeline: boolean
}

const frag = (sql: string, params: unknown[] = []): SqlFragment => ({ sql, params })
const cat = (...parts: SqlFragment[]): SqlFragment => frag(parts.map((p) => p.sql).join(''), parts.flatMap((p) => p.params))

async function rows<T>(pool: Pool, f: SqlFragment): Promise<T[]> {
  const { text, values } = numbered(f)
  return (await pool.query(text, values)).rows as T[]
}

/** `a.deleted_at IS NULL AND …`: every live matching article. */
function matchWhere(q: PgCompiledQuery): SqlFragment {
  let text = frag('TRUE')
  if (q.highlightsOnly) {
    const h = highlightCond(q) ?? frag('h.deleted_at IS NULL')
    text = cat(frag('a.id IN (SELECT h.article_id FROM highlights h WHERE '), h, frag(')'))
  } else if (q.tsq) {
    text = textSql(q.tsq)
  }
  return cat(frag('a.deleted_at IS NULL AND '), text, frag(' AND '), q.filters)
}

export async function teamSearch(pool: Pool, input: TeamSearchInput): Promise<SearchResult> {
  const { ast, error } = parseQueryLenient(input.query)
  const q = compileTsquery(ast)
  const where = matchWhere(q)
  const total = await countMatches(pool, q, where)
  const ranked = input.sort === 'relevance' && q.tsq !== null
  const page = ranked ? await rankedPage(pool, q, where, total, input.limit, input.offset) : await orderedPage(pool, where, input.sort, input.limit, input.offset)
  const step = Math.max(1, Math.ceil(total / FACET_SAMPLE))
  const sampled = cat(where, frag(step > 1 ? ` AND a.id % ${step} = 0` : ''))
  const wantFacets = (input.facets || input.timeline) && total > 0
  const sampleSize = wantFacets && step > 1 ? (await rows<{ n: number }>(pool, cat(frag('SELECT count(*)::int AS n FROM articles a WHERE '), sampled)))[0].n : total
  const scale = sampleSize > 0 ? total / sampleSize : 1
  const problem = error ?? q.warnings[0]
  return {
    total,
    results: await hits(pool, q, page),
    facets: input.facets && wantFacets ? await facets(pool, sampled, scale) : { tags: [], sites: [], authors: [] },
    timeline: input.timeline && wantFacets ? await timeline(pool, sampled, scale) : [],
    facetsSampled: wantFacets && step > 1,
    ...(problem ? { error: { message: problem.message, position: problem.position } } : {})
  }
}

type Page = { id: number; score: number }[]

/**
 * How many articles match. For text alone: the articles whose own text matches, counted from
 * the GIN index (a bitmap scan that skips the heap for all-visible pages), plus those matched
 * only through a highlight — instead of materialising every id.
 */
async function countMatches(pool: Pool, q: PgCompiledQuery, where: SqlFragment): Promise<number> {
  if (q.tsq && !q.highlightsOnly && q.filters.sql === 'TRUE') {
    const [{ n }] = await rows<{ n: number }>(
      pool,
      cat(
        frag('SELECT (SELECT count(*) FROM articles a WHERE a.deleted_at IS NULL AND a.search @@ '), q.tsq,
        frag(')::int + (SELECT count(DISTINCT h.article_id) FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.deleted_at IS NULL AND a.deleted_at IS NULL AND h.search @@ '), q.tsq,
        frag(' AND NOT (a.search @@ '), q.tsq, frag('))::int AS n')
      )
    )
    return n
  }
  return (await rows<{ n: number }>(pool, cat(frag('SELECT count(*)::int AS n FROM articles a WHERE '), where)))[0].n
}

const ORDER: Record<SearchSort, string> = {
  newest: 'a.published_at DESC NULLS LAST, a.id DESC',
  oldest: 'a.published_at ASC NULLS LAST, a.id ASC',
  relevance: 'a.id DESC'
}

async function orderedPage(pool: Pool, where: SqlFragment, sort: SearchSort, limit: number, offset: number): Promise<Page> {
  const ids = await rows<{ id: number }>(pool, cat(frag('SELECT a.id FROM articles a WHERE '), where, frag(` ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`, [limit, offset])))
  return ids.map((r) => ({ id: r.id, score: 0 }))
}

/**
 * The local ranking's window, in SQL: the RANK_WINDOW most recent own-text matches and
 * HIGHLIGHT_WINDOW most recent matching highlights are ranked (each window chosen before
 * filters, then filtered, as locally), best first; every other match follows, newest first.
 */
async function rankedPage(pool: Pool, q: PgCompiledQuery, where: SqlFragment, total: number, limit: number, offset: number): Promise<Page> {
  const tsq = q.tsq as SqlFragment
  // The window rows already match the text: only the filters remain to check on them.
  const filters = cat(frag('a.deleted_at IS NULL AND '), q.filters)
  const leaves = q.leaves.length ? q.leaves : [[tsq]]
  const words = leaves.flat()
  // How PostgreSQL normalised each word (its lexemes), for the words' rarity.
  const treeRow = (await rows<Record<string, string>>(pool, cat(frag('SELECT '), ...words.flatMap((l, i) => [frag(i ? ', ' : ''), frag('querytree('), l, frag(`)::text AS t${i}`)]))))[0]
  let k = 0
  const trees = leaves.map((leaf) => leaf.map(() => treeRow[`t${k++}`]))
  /** ts_rank of every word against `vector`, as columns r0, r1, … */
  const rankColumns = (weights: string, vector: string) => words.flatMap((l, i) => [frag(`, ts_rank('${weights}', ${vector}, `), l, frag(`) AS r${i}`)])
  const grouped = (r: Record<string, number>) => {
    let i = 0
    return leaves.map((leaf) => leaf.map(() => r[`r${i++}`]))
  }
  const scores = new Map<number, number>()
  if (!q.highlightsOnly) {
    const score = await scorer(pool, 'articles', trees)
    const own = q.exclude ? cat(frag('a.search @@ '), tsq, frag(' AND NOT (a.search @@ '), q.exclude, frag(')')) : cat(frag('a.search @@ '), tsq)
    const found = await rows<Record<string, number>>(
      pool,
      cat(
        frag('SELECT w.id, w.tokens'), ...rankColumns(ARTICLE_WEIGHTS, 'w.search'), frag(' FROM (SELECT a.id, a.search, a.tokens FROM articles a WHERE '),
        own, frag(' AND a.deleted_at IS NULL ORDER BY a.id DESC LIMIT ?) w JOIN articles a ON a.id = w.id WHERE ', [RANK_WINDOW]), filters
      )
    )
    for (const r of found) scores.set(r.id, score.score(grouped(r), r.tokens))
  }
  const hscore = await scorer(pool, 'highlights', trees)
  const h = (q.highlightsOnly && highlightCond(q)) || frag('h.deleted_at IS NULL')
  const viaHighlights = (
    await rows<Record<string, number>>(
      pool,
      cat(
        frag('SELECT w.article_id AS id, w.tokens'), ...rankColumns(HIGHLIGHT_WEIGHTS, 'w.search'),
        frag(' FROM (SELECT h.article_id, h.search, h.tokens FROM highlights h WHERE h.search @@ '), tsq, frag(' AND '), h,
        frag(' ORDER BY h.id DESC LIMIT ?) w JOIN articles a ON a.id = w.article_id WHERE ', [HIGHLIGHT_WINDOW]), filters
      )
    )
  ).map((r) => ({ id: r.id, score: hscore.score(grouped(r), r.tokens) }))
  // As locally: an article's own score wins; a highlight's ranks the articles matched through highlights alone.
  const own = new Set(scores.keys())
  for (const r of viaHighlights) {
    const prev = scores.get(r.id)
    if (!own.has(r.id) && (prev === undefined || r.score > prev)) scores.set(r.id, r.score)
  }
  const ranked = [...scores].sort(([ia, sa], [ib, sb]) => sb - sa || ib - ia).map(([id, score]) => ({ id, score }))
  const page = ranked.slice(offset, offset + limit)
  if (page.length < limit && total > ranked.length) {
    const skip = Math.max(0, offset - ranked.length)
    const rest = await rows<{ id: number }>(
      pool,
      cat(frag('SELECT a.id FROM articles a WHERE '), where, frag(' AND NOT (a.id = ANY(?::bigint[])) ORDER BY a.id DESC LIMIT ? OFFSET ?', [ranked.map((r) => r.id), limit - page.length, skip]))
    )
    page.push(...rest.map((r) => ({ id: r.id, score: 0 })))
  }
  return page
}

interface HitRow {
  language: string | null
  id: number
  uuid: string
  title: string
  site: string | null
  byline: string | null
  published_at: string | null
  saved_at: string
  url: string
  excerpt: string | null
  tags: string[]
}

async function hits(pool: Pool, q: PgCompiledQuery, page: Page): Promise<SearchHit[]> {
  if (page.length === 0) return []
  const ids = page.map((p) => p.id)
  const found = new Map(
    (await rows<HitRow>(pool, frag('SELECT id, uuid, title, site, byline, published_at, saved_at, url, excerpt, tags, language FROM articles WHERE id = ANY(?::bigint[])', [ids]))).map((r) => [r.id, r])
  )
  const snips = await snippets(pool, q, ids)
  const highlights = await matchingHighlights(pool, q, ids)
  return page.flatMap(({ id, score }) => {
    const a = found.get(id)
    if (!a) return []
    return [{
      id: a.id,
      uuid: a.uuid,
      title: a.title,
      site: a.site,
      byline: a.byline,
      publishedAt: a.published_at,
      savedAt: a.saved_at,
      url: a.url,
      dir: directionOf(a.language),
      tags: [...a.tags].sort((x, y) => x.localeCompare(y)),
      snippet: snips.get(id) ?? a.excerpt ?? '',
      score,
      highlights: highlights.get(id) ?? []
    }]
  })
}

const HEADLINE = `StartSel=${SNIPPET_OPEN}, StopSel=${SNIPPET_CLOSE}, MaxWords=24, MinWords=10, MaxFragments=1, FragmentDelimiter=" … "`
/** ts_headline parses the whole text it is given: try the opening first, the whole text only when the match is further in. */
const HEAD_CHARS = 6000

async function snippets(pool: Pool, q: PgCompiledQuery, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>()
  if (!q.tsq) return out
  const run = async (expr: string, want: number[]) => {
    const r = await rows<{ id: number; s: string }>(
      pool,
      cat(
        frag(`SELECT a.id, ts_headline('${TS_CONFIG}', ${expr}, `), q.tsq as SqlFragment,
        frag(', ?) AS s FROM articles a JOIN article_versions v ON v.uuid = a.current_version WHERE a.id = ANY(?::bigint[])', [HEADLINE, want])
      )
    )
    for (const row of r) if (row.s.includes(SNIPPET_OPEN)) out.set(row.id, row.s)
  }
  await run(`left(v.text, ${HEAD_CHARS})`, ids)
  const missing = ids.filter((id) => !out.has(id))
  if (missing.length) await run('v.text', missing)
  return out
}

async function matchingHighlights(pool: Pool, q: PgCompiledQuery, ids: number[]): Promise<Map<number, SearchHighlight[]>> {
  const cond = highlightCond(q)
  const out = new Map<number, SearchHighlight[]>()
  if (!cond) return out
  const found = await rows<{ aid: number; id: number; exact: string; note: string; color: string; tags: string[]; author: string }>(
    pool,
    cat(
      frag('SELECT h.article_id AS aid, h.id, h.exact, h.note, h.color, h.tags, u.name AS author FROM highlights h JOIN users u ON u.id = h.created_by WHERE h.article_id = ANY(?::bigint[]) AND ', [ids]),
      cond, frag(' ORDER BY h.article_id, h.start_pos, h.id')
    )
  )
  for (const { aid, ...h } of found) {
    const list = out.get(aid) ?? []
    list.push({ ...h, tags: [...h.tags].sort() })
    out.set(aid, list)
  }
  return out
}

const scaled = <T extends { count: number }>(list: T[], scale: number): T[] => (scale === 1 ? list : list.map((r) => ({ ...r, count: Math.round(r.count * scale) })))

async function facets(pool: Pool, where: SqlFragment, scale: number): Promise<SearchResult['facets']> {
  const m = cat(frag('WITH m AS (SELECT a.id FROM articles a WHERE '), where, frag(') '))
  // An article counts once for a tag whether it or one of its highlights carries it.
  const tags = await rows<FacetCount>(
    pool,
    cat(
      m,
      frag(
        `SELECT t AS value, count(DISTINCT id)::int AS count FROM (
           SELECT a.id, unnest(a.tags) AS t FROM articles a WHERE a.id IN (SELECT id FROM m)
           UNION ALL SELECT h.article_id, unnest(h.tags) FROM highlights h WHERE h.article_id IN (SELECT id FROM m) AND h.deleted_at IS NULL) x
         GROUP BY t ORDER BY count DESC, t LIMIT ${FACET_TOP}`
      )
    )
  )
  const column = (col: 'site' | 'byline') =>
    rows<FacetCount>(pool, cat(m, frag(`SELECT a.${col} AS value, count(*)::int AS count FROM m JOIN articles a ON a.id = m.id WHERE a.${col} IS NOT NULL AND a.${col} <> '' GROUP BY a.${col} ORDER BY count DESC, value LIMIT ${FACET_TOP}`)))
  return { tags: scaled(tags, scale), sites: scaled(await column('site'), scale), authors: scaled(await column('byline'), scale) }
}

async function timeline(pool: Pool, where: SqlFragment, scale: number): Promise<SearchResult['timeline']> {
  const list = await rows<{ month: string; count: number }>(
    pool,
    cat(
      frag('SELECT substr(a.published_at, 1, 7) AS month, count(*)::int AS count FROM articles a WHERE '), where,
      frag(" AND a.published_at ~ '^[0-9]{4}-[0-9]{2}' GROUP BY month ORDER BY month")
    )
  )
  return scaled(list, scale)
}

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
import { TEAM_READING } from './reading'

export const RANK_WINDOW = 2000
export const HIGHLIGHT_WINDOW = 2000
export const FACET_SAMPLE = 4000
/** Below this many articles passing the filters (estimated), PostgreSQL counts from the filters. */
const FEW_FILTERED = 500
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
  const ranked = input.sort === 'relevance' && q.tsq !== null
  let total: number
  let page: Page
  if (ranked) {
    // Text with filters not very few (PostgreSQL's estimate): the window also counts the text's own matches, for countTextAndFilters.
    const estimate = q.rowFilters.sql !== 'TRUE' && !q.highlightsOnly ? await filteredEstimate(pool, q) : 0
    const r = await rankedWindow(pool, q, estimate >= FEW_FILTERED)
    total = r.total ?? (r.textMatches !== null && estimate <= 2 * r.textMatches ? await countTextAndFilters(pool, q) : await countMatches(pool, where))
    page = await rankedPage(pool, where, r.ranked, total, input.limit, input.offset)
  } else {
    total = await countMatches(pool, where)
    page = await orderedPage(pool, where, input.sort, input.limit, input.offset)
  }
  const step = Math.max(1, Math.ceil(total / FACET_SAMPLE))
  const sampled = cat(where, frag(step > 1 ? ` AND a.id % ${step} = 0` : ''))
  const wantFacets = (input.facets || input.timeline) && total > 0
  // The (sampled) matches are found once, as ids; each facet groups those rows by primary key.
  const sampleIds = wantFacets ? (await rows<{ id: number }>(pool, cat(frag('SELECT a.id FROM articles a WHERE '), sampled))).map((r) => r.id) : []
  const inSample = frag('a.id = ANY(?::bigint[])', [sampleIds])
  const scale = step > 1 && sampleIds.length > 0 ? total / sampleIds.length : 1
  const problem = error ?? q.warnings[0]
  return {
    total,
    // PostgreSQL counts every match: the team's totals are exact.
    totalApproximate: false,
    results: await hits(pool, q, page),
    facets: input.facets && wantFacets ? await facets(pool, inSample, scale) : { tags: [], sites: [], authors: [] },
    timeline: input.timeline && wantFacets ? await timeline(pool, inSample, scale) : [],
    facetsSampled: wantFacets && step > 1,
    ...(problem ? { error: { message: problem.message, position: problem.position } } : {})
  }
}

type Page = { id: number; score: number }[]

/** How many articles match (the general case; text alone is counted with its ranking window). */
async function countMatches(pool: Pool, where: SqlFragment): Promise<number> {
  return (await rows<{ n: number }>(pool, cat(frag('SELECT count(*)::int AS n FROM articles a WHERE '), where)))[0].n
}

/** The live articles passing the filters, as a statement. */
const filteredIds = (q: PgCompiledQuery) => cat(frag('SELECT a.id FROM articles a WHERE a.deleted_at IS NULL AND '), q.filters)

/** How many articles PostgreSQL expects to pass the filters: it sees them (not the words). */
async function filteredEstimate(pool: Pool, q: PgCompiledQuery): Promise<number> {
  const { text, values } = numbered(cat(frag('EXPLAIN (FORMAT JSON) '), filteredIds(q)))
  const plan = (await pool.query(text, values)).rows[0]['QUERY PLAN'] as { Plan: { 'Plan Rows': number } }[]
  return plan[0].Plan['Plan Rows']
}

/**
 * Text with filters, counted as two id sets intersected by hash, as the local search does.
 * Checking each text match's article for the filters (what `countMatches` leads PostgreSQL to:
 * it cannot see the words, so it guesses few matches) costs an index probe per match — 58 ms
 * for `climate site:…` at 100k, 12,009 matches for 394 on the site. Used when the filters are
 * fewer than twice the text's own matches and not very few (FEW_FILTERED: a speaker; then
 * PostgreSQL starts from them already, and listing the text's matches would cost more:
 * `government speaker:Torres` 6 → 37 ms).
 */
export async function countTextAndFilters(pool: Pool, q: PgCompiledQuery): Promise<number> {
  const tsq = q.tsq as SqlFragment
  return (
    await rows<{ n: number }>(
      pool,
      cat(
        frag('WITH f AS MATERIALIZED ('), filteredIds(q),
        frag('), t AS MATERIALIZED (SELECT x.article_id AS id FROM article_search x WHERE x.search @@ '), tsq,
        frag(' UNION SELECT h.article_id FROM highlights h WHERE h.search @@ '), tsq, frag(' AND h.deleted_at IS NULL)'),
        frag(' SELECT count(*)::int AS n FROM t JOIN f USING (id)')
      )
    )
  )[0].n
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
 * filters, then filtered, as locally), best first. For text alone it also answers the total.
 *
 * Each window is one statement in three steps, each on a list of ids so that the planner's
 * guesses (it cannot see the words: see `opaque`) cannot lead it astray: the matches' ids from
 * the GIN index over the narrow `article_search` (team migration 2) — neither choosing the
 * window nor counting opens a search vector —, the window's articles that pass the filters
 * (by primary key), and only those ranked, one ts_rank per word.
 */
async function rankedWindow(pool: Pool, q: PgCompiledQuery, countOwn: boolean): Promise<{ ranked: Page; total: number | null; textMatches: number | null }> {
  const tsq = q.tsq as SqlFragment
  const leaves = q.leaves.length ? q.leaves : [[tsq]]
  const words = leaves.flat()
  // How PostgreSQL normalised each word (its lexemes), for the words' rarity.
  const treeRow = (await rows<Record<string, string>>(pool, cat(frag('SELECT '), ...words.flatMap((l, i) => [frag(i ? ', ' : ''), frag('querytree('), l, frag(`)::text AS t${i}`)]))))[0]
  let k = 0
  const trees = leaves.map((leaf) => leaf.map(() => treeRow[`t${k++}`]))
  /** Per word, the array of its ts_rank against each ranked row's vector (r0, r1, …), with the rows' ids and lengths. */
  const rankArrays = (weights: string, table: string, idColumn: string) =>
    cat(
      // One aggregate node feeds every array the same rows in the same order: the arrays line up.
      frag(`array_agg(${idColumn}) AS ids, array_agg(${table}.tokens) AS tokens`),
      ...words.flatMap((l, i) => [frag(`, array_agg(ts_rank('${weights}', ${table}.search, `), l, frag(`)) AS r${i}`)])
    )
  const scoreRows = (r: RankArrays, score: (ranks: number[][], tokens: number) => number) =>
    (r.ids ?? []).map((id, n) => {
      let i = 0
      return { id: Number(id), score: score(leaves.map((leaf) => leaf.map(() => (r[`r${i++}`] as number[])[n])), (r.tokens as number[])[n]) }
    })
  const filtered = q.filters.sql !== 'TRUE'
  /** The ids of `list` (an id-array expression) whose articles pass the filters. */
  const kept = (list: string) =>
    filtered ? cat(frag(`ARRAY(SELECT a.id FROM articles a WHERE a.id = ANY(${list}) AND a.deleted_at IS NULL AND `), q.filters, frag(')')) : frag(list)
  /**
   * As `kept`, for a short list: with text and `-words` alone, each article is checked for the
   * excluded words by itself (its vector, its highlights) instead of listing every article
   * they match.
   */
  const keptFew = (list: string) =>
    q.exclude && q.rowFilters.sql === 'TRUE'
      ? cat(
        frag(`ARRAY(SELECT a.id FROM articles a WHERE a.id = ANY(${list}) AND a.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM article_search y WHERE y.article_id = a.id AND y.search @@ `),
        q.exclude, frag(') AND NOT EXISTS (SELECT 1 FROM highlights h2 WHERE h2.article_id = a.id AND h2.deleted_at IS NULL AND h2.search @@ '), q.exclude, frag('))')
      )
      : kept(list)
  const textAlone = q.rowFilters.sql === 'TRUE'
  const ex = q.exclude
  // Text alone (and `-words`): every match is an own match or one through a highlight only,
  // less the articles an excluded word matches (by their text or a highlight) — counted
  // without reading an article row or listing what the excluded words match:
  // - `own`, the text matches less the articles whose text has an excluded word, is one
  //   tsquery (`t & !e`), which the GIN index answers exactly (`ceasefire -government` at
  //   100k: no 40,000 ids of `government` listed and hashed three times);
  // - `exh`, the articles an excluded word matches through a highlight: few (highlights are short);
  // - an article matched through a highlight only is checked against its own vector, one by
  //   one: they are few, where hashing `own` to look them up cost 34 ms for `according`.
  // The three statements (own matches, highlight-only matches, the highlights' window) are
  // independent: they run side by side on the pool's connections.
  const exh = ex && textAlone ? cat(frag('exh AS MATERIALIZED (SELECT h.article_id AS id FROM highlights h WHERE h.deleted_at IS NULL AND h.search @@ '), ex, frag('), ')) : frag('')
  const notExh = (col: string) => frag(ex ? ` AND ${col} NOT IN (SELECT id FROM exh)` : '')
  const articleWindow = async () => {
    const score = await scorer(pool, 'articles', trees)
    const ownTsq = ex ? withoutExcluded(tsq, ex) : tsq
    const ctes = cat(exh, frag('own AS MATERIALIZED (SELECT x.article_id AS id FROM article_search x WHERE x.search @@ '), ownTsq, frag('), '))
    // Text alone: the own part of the total. With filters: the text's own matches, for countTextAndFilters to choose its way.
    const ownCount = textAlone ? cat(frag('(SELECT count(*) FROM own WHERE TRUE'), notExh('id'), frag(')::int')) : frag(countOwn ? '(SELECT count(*) FROM own)::int' : 'NULL::int')
    const windowIds = '(SELECT ids FROM win)::bigint[]'
    // With `-words` alone the window's filter is the highlight-excluded set already listed: ids only.
    const keptWindow = ex && textAlone ? frag(`ARRAY(SELECT w FROM unnest(${windowIds}) w WHERE w NOT IN (SELECT id FROM exh))`) : kept(windowIds)
    const [r] = await rows<RankArrays & { own_count: number | null }>(
      pool,
      cat(
        frag('WITH '), ctes,
        frag('win AS MATERIALIZED (SELECT ARRAY(SELECT id FROM own ORDER BY id DESC LIMIT ?) AS ids) ', [RANK_WINDOW]),
        frag('SELECT '), ownCount, frag(' AS own_count, '), rankArrays(ARTICLE_WEIGHTS, 's', 's.article_id'),
        frag(' FROM article_search s WHERE s.article_id = ANY('), keptWindow, frag(')')
      )
    )
    return { scored: scoreRows(r, score.score), ownCount: r.own_count }
  }
  const highlightOnlyCount = async () => {
    // Neither the query's text nor an excluded word in the article's own text (`t | e`: one test).
    const textNeither = ex ? frag(`(SELECT ${tsq.sql} || ${ex.sql})`, [...tsq.params, ...ex.params]) : tsq
    const [r] = await rows<{ n: number }>(
      pool,
      cat(
        frag(ex ? 'WITH ' : ''), exh.sql ? frag(exh.sql.replace(/, $/, ' '), exh.params) : frag(''),
        frag('SELECT count(DISTINCT h.article_id)::int AS n FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.deleted_at IS NULL AND a.deleted_at IS NULL AND h.search @@ '), tsq,
        frag(' AND NOT coalesce((SELECT y.search @@ '), textNeither, frag(' FROM article_search y WHERE y.article_id = h.article_id), FALSE)'), notExh('h.article_id')
      )
    )
    return r.n
  }
  const highlightWindow = async () => {
    const hscore = await scorer(pool, 'highlights', trees)
    const h = (q.highlightsOnly && highlightCond(q)) || frag('h.deleted_at IS NULL')
    const [hr] = await rows<RankArrays>(
      pool,
      cat(
        frag('WITH hw AS MATERIALIZED (SELECT h.id, h.article_id FROM highlights h WHERE h.search @@ '), tsq, frag(' AND '), h, frag(' ORDER BY h.id DESC LIMIT ?) ', [HIGHLIGHT_WINDOW]),
        frag('SELECT '), rankArrays(HIGHLIGHT_WEIGHTS, 'hl', 'hl.article_id'),
        frag(' FROM highlights hl WHERE hl.id = ANY(ARRAY(SELECT id FROM hw)) AND hl.article_id = ANY('), keptFew('ARRAY(SELECT article_id FROM hw)'), frag(')')
      )
    )
    return scoreRows(hr, hscore.score)
  }
  const [articles, highlightOnly, highlighted] = await Promise.all([
    q.highlightsOnly ? null : articleWindow(),
    !q.highlightsOnly && textAlone ? highlightOnlyCount() : null,
    highlightWindow()
  ])
  const scores = new Map<number, number>((articles?.scored ?? []).map((x) => [x.id, x.score]))
  const total = articles && highlightOnly !== null ? (articles.ownCount as number) + highlightOnly : null
  const textMatches = articles && !textAlone ? articles.ownCount : null
  // As locally: an article's own score wins; a highlight's ranks the articles matched through highlights alone.
  const own = new Set(scores.keys())
  for (const x of highlighted) {
    const prev = scores.get(x.id)
    if (!own.has(x.id) && (prev === undefined || x.score > prev)) scores.set(x.id, x.score)
  }
  const ranked = [...scores].sort(([ia, sa], [ib, sb]) => sb - sa || ib - ia).map(([id, score]) => ({ id, score }))
  return { ranked, total, textMatches }
}

/**
 * `t & !e` as one tsquery (both opaque): what the GIN index answers without opening a vector.
 * When either has no lexeme (stop words only) `&&` would answer the other alone — `!e` would
 * match nearly everything — so then `t` stays as it is, as two separate tests would answer.
 */
function withoutExcluded(t: SqlFragment, e: SqlFragment): SqlFragment {
  return frag(`(SELECT CASE WHEN numnode(z.t) = 0 OR numnode(z.e) = 0 THEN z.t ELSE z.t && !! z.e END FROM (SELECT ${t.sql} AS t, ${e.sql} AS e) z)`, [...t.params, ...e.params])
}

/** One window's rows as parallel arrays (one row per statement, even when nothing is ranked). */
type RankArrays = { ids: (number | string)[] | null; tokens: number[] | null } & Record<string, unknown>

/** The ranked window's page; past it, every other match follows, newest first. */
async function rankedPage(pool: Pool, where: SqlFragment, ranked: Page, total: number, limit: number, offset: number): Promise<Page> {
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
  // Three independent statements, side by side on the pool's connections.
  const [articles, snips, highlights] = await Promise.all([
    rows<HitRow>(pool, frag('SELECT id, uuid, title, site, byline, published_at, saved_at, url, excerpt, tags, language FROM articles WHERE id = ANY(?::bigint[])', [ids])),
    snippets(pool, q, ids),
    matchingHighlights(pool, q, ids)
  ])
  const found = new Map(articles.map((r) => [r.id, r]))
  return page.flatMap(({ id, score }) => {
    const a = found.get(id)
    if (!a) return []
    return [{
      ...TEAM_READING,
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
/**
 * ts_headline parses the whole text it is given, and that is most of a search's fixed cost. So
 * it is first given ~1,200 characters around the first place one of the query's lexemes occurs
 * as written (a stem is usually the start of its words: 'accord', 'econom'); where none does
 * (an accent, a stem that is no prefix), the opening; the whole text only when the match is
 * further in.
 */
const AROUND_BEFORE = 240
const AROUND_CHARS = 1200
const HEAD_CHARS = 6000
/** The lexemes of a tsquery's text form (`'accord' & 'econom':*`); no `?` in it: that is the placeholder. */
const LEXEME = String.raw`'''(([^'']|'''')+)'''`
/** The text to headline: from the start of a word before the first occurrence, else the opening. */
const AROUND = String.raw`CASE WHEN p.pos > ${AROUND_BEFORE} THEN regexp_replace(substr(v.text, p.pos - ${AROUND_BEFORE}, ${AROUND_CHARS}), '^\S*\s+', '')
  WHEN p.pos > 0 THEN left(v.text, ${AROUND_CHARS}) ELSE left(v.text, ${HEAD_CHARS}) END`

async function snippets(pool: Pool, q: PgCompiledQuery, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>()
  if (!q.tsq) return out
  const tsq = q.tsq
  const run = async (expr: string, want: number[]) => {
    const r = await rows<{ id: number; s: string }>(
      pool,
      cat(
        frag("WITH lx AS (SELECT coalesce(array_agg(m[1]), '{}') AS l FROM regexp_matches(querytree("), tsq, frag(`)::text, ${LEXEME}, 'g') m) `),
        frag(`SELECT a.id, ts_headline('${TS_CONFIG}', ${expr}, `), tsq,
        frag(', ?) AS s FROM articles a JOIN article_versions v ON v.uuid = a.current_version', [HEADLINE]),
        frag(' CROSS JOIN LATERAL (SELECT min(nullif(strpos(lower(v.text), l), 0)) AS pos FROM unnest((SELECT l FROM lx)) l) p WHERE a.id = ANY(?::bigint[])', [want])
      )
    )
    for (const row of r) if (row.s.includes(SNIPPET_OPEN)) out.set(row.id, row.s)
  }
  await run(AROUND, ids)
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

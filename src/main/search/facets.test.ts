/**
 * Facets, timeline and paging on a corpus larger than the ranking window, checked against
 * counts computed independently with plain SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FACET_SAMPLE, RANK_WINDOW, searchArticles, type FacetCount } from './search'
import { createTestDb, type TestDb } from '../../../test/support/search-db'
import { makeRng } from '../../../test/support/prng'

const N = RANK_WINDOW + 300
let t: TestDb

beforeAll(() => {
  t = createTestDb()
  const rnd = makeRng(42)
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]
  const sites = Array.from({ length: 13 }, (_, i) => `Outlet ${i}`)
  const authors = Array.from({ length: 14 }, (_, i) => `Writer ${String.fromCharCode(65 + i)}`)
  const tags = Array.from({ length: 15 }, (_, i) => `topic ${i}`)
  t.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const year = 2015 + Math.floor(rnd() * 4)
      const month = 1 + Math.floor(rnd() * 12)
      const id = t.add({
        title: `Story ${i}${rnd() < 0.05 ? ' rare' : ''}`,
        text: `common words ${rnd() < 0.1 ? 'rare' : 'usual'} filler`,
        site: rnd() < 0.9 ? pick(sites) : null,
        byline: rnd() < 0.9 ? pick(authors) : null,
        publishedAt: rnd() < 0.9 ? `${year}-${String(month).padStart(2, '0')}-15T10:00:00Z` : null,
        tags: rnd() < 0.5 ? [...new Set([pick(tags), pick(tags)])] : []
      })
      if (rnd() < 0.1) t.highlight(id, { exact: 'common words', tags: rnd() < 0.5 ? [pick(tags)] : [] })
    }
  })()
})

afterAll(() => t.close())

/** Independent facets for a set of ids, straight from the tables. */
function expectedFacets(ids: number[]) {
  const json = JSON.stringify(ids)
  const top = (rows: FacetCount[]) => rows.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, 10)
  const tags = t.db
    .prepare(
      `SELECT t.name AS value, count(DISTINCT a.id) AS count FROM articles a JOIN tags t
       WHERE a.id IN (SELECT value FROM json_each(?)) AND (
         EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = a.id AND x.tag_id = t.id) OR
         EXISTS (SELECT 1 FROM highlights h JOIN highlight_tags y ON y.highlight_id = h.id WHERE h.article_id = a.id AND y.tag_id = t.id))
       GROUP BY t.id`
    )
    .all(json) as FacetCount[]
  const col = (c: string) =>
    t.db
      .prepare(`SELECT ${c} AS value, count(*) AS count FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND ${c} IS NOT NULL GROUP BY ${c}`)
      .all(json) as FacetCount[]
  const timeline = t.db
    .prepare(
      `SELECT substr(published_at, 1, 7) AS month, count(*) AS count FROM articles
       WHERE id IN (SELECT value FROM json_each(?)) AND published_at IS NOT NULL GROUP BY 1 ORDER BY 1`
    )
    .all(json)
  return { facets: { tags: top(tags), sites: top(col('site')), authors: top(col('byline')) }, timeline }
}

const idsOf = (sql: string, ...params: unknown[]) => t.db.prepare(sql).pluck().all(...params) as number[]

describe('facets and timeline', () => {
  it.each([
    ['', () => idsOf('SELECT id FROM articles')],
    ['common', () => idsOf('SELECT id FROM articles')],
    ['rare', () => idsOf(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'rare'`)],
    [
      'rare after:2017 before:2018-07',
      () =>
        idsOf(
          `SELECT a.id FROM articles a WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'rare')
           AND a.published_at >= '2017-01-01' AND a.published_at < '2018-07-01'`
        )
    ],
    [
      'tag:"topic 3" -rare',
      () =>
        idsOf(
          `SELECT a.id FROM articles a WHERE (a.id IN (SELECT article_id FROM article_tags WHERE tag_id = (SELECT id FROM tags WHERE name = 'topic 3'))
           OR a.id IN (SELECT h.article_id FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id
                       WHERE ht.tag_id = (SELECT id FROM tags WHERE name = 'topic 3')))
           AND a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'rare')`
        )
    ],
    ['site:"outlet 7" OR author:"writer c"', () => idsOf(`SELECT id FROM articles WHERE site = 'Outlet 7' OR byline = 'Writer C'`)]
  ])('%j equals independent SQL counts', (query, expectedIds) => {
    const ids = expectedIds()
    expect(ids.length).toBeGreaterThan(0)
    const r = searchArticles(t.db, { query, includeFacets: true, includeTimeline: true })
    expect(r.total).toBe(ids.length)
    expect(r.facetsSampled).toBe(false)
    const want = expectedFacets(ids)
    expect(r.facets).toEqual(want.facets)
    expect(r.timeline).toEqual(want.timeline)
  })
})

describe('broad queries beyond the ranking window', () => {
  it('pages through every match exactly once with a stable total', () => {
    const seen: number[] = []
    let scored = 0
    for (let offset = 0; offset < N + 200; offset += 200) {
      const r = searchArticles(t.db, { query: 'common', limit: 200, offset })
      expect(r.total).toBe(N)
      seen.push(...r.results.map((x) => x.id))
      scored += r.results.filter((x) => x.score > 0).length
    }
    expect(seen).toHaveLength(N)
    expect(new Set(seen).size).toBe(N)
    // The most recent RANK_WINDOW (plus older articles matched through a highlight, which
    // the highlight window ranks) come first; older matches follow in saved order.
    const highlighted = idsOf(`SELECT DISTINCT article_id FROM highlights WHERE article_id <= ?`, N - RANK_WINDOW)
    expect(scored).toBe(RANK_WINDOW + highlighted.length)
    const rest = seen.slice(scored)
    expect(rest).toEqual([...rest].sort((a, b) => b - a))
  })

  it('applies filters to the window and to the rest', () => {
    const ids = idsOf(`SELECT id FROM articles WHERE site = 'Outlet 2'`)
    const r = searchArticles(t.db, { query: 'common site:"outlet 2"', limit: 200 })
    expect(r.total).toBe(ids.length)
    const all = [0, 200, 400].flatMap(
      (offset) => searchArticles(t.db, { query: 'common site:"outlet 2"', limit: 200, offset }).results.map((x) => x.id)
    )
    expect(new Set(all)).toEqual(new Set(ids))
  })
})

describe('facets on a match set larger than the sample', () => {
  it('estimates from an even sample and says so', () => {
    t.db.transaction(() => {
      for (let i = 0; i < FACET_SAMPLE; i++) t.add({ title: `Extra ${i}`, text: 'common extra', site: i % 2 ? 'Odd' : 'Even' })
    })()
    const r = searchArticles(t.db, { query: 'common', includeFacets: true, includeTimeline: true })
    const total = N + FACET_SAMPLE
    expect(r.total).toBe(total)
    expect(r.facetsSampled).toBe(true)
    const even = r.facets.sites.find((f) => f.value === 'Even')?.count ?? 0
    expect(Math.abs(even - FACET_SAMPLE / 2)).toBeLessThan(FACET_SAMPLE * 0.1)
    const months = r.timeline.reduce((sum, m) => sum + m.count, 0)
    const dated = idsOf('SELECT id FROM articles WHERE published_at IS NOT NULL').length
    expect(Math.abs(months - dated)).toBeLessThan(total * 0.1)
  })
})

/**
 * Totals past APPROXIMATE_FROM (set low here): text alone is estimated and flagged, exactly
 * counted on request, and everything else — the results on every page, totals at or under the
 * threshold, queries with filters — is what the exact path answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FACET_SAMPLE, searchArticles, type SearchInput } from './search'
import { compileQuery } from './compile'
import { parseQuery } from './parse'
import { matchSet, roughly } from './match'
import { createTestDb, type TestDb } from '../../../test/support/search-db'

let t: TestDb
/** More than the 2,001 newest matches listed up front, so that totals past the threshold are counted newest first. */
const N = 2500
/** "harbour" in every article, "tide" in every third, "moon" in every tenth; "harbourmaster" in every fifth (a prefix's second word); "recent" in the newest 2,100. */
beforeAll(() => {
  t = createTestDb()
  t.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const words = ['harbour', i % 3 === 0 ? 'tide' : 'calm', i % 10 === 0 ? 'moon' : 'sun', i % 5 === 0 ? 'harbourmaster' : 'quay', i >= N - 2100 ? 'recent' : 'old']
      t.add({ title: `Report ${i}`, text: `The ${words.join(' and the ')} were noted on day ${i}.`, tags: i % 2 ? ['Port'] : [], publishedAt: `2020-01-${String((i % 28) + 1).padStart(2, '0')}` })
    }
  })()
  // An article matched through its highlight alone.
  const other = t.add({ title: 'Inland', text: 'Nothing about the sea here.' })
  t.highlight(other, { exact: 'Nothing about', note: 'no harbour mentioned' })
})

afterAll(() => t.close())

const plainCount = (fts: string): number =>
  t.db
    .prepare(
      `SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? UNION ` +
        `SELECT h.article_id FROM highlights h WHERE h.id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?))`
    )
    .pluck()
    .get(fts, fts) as number

const search = (query: string, more: Partial<SearchInput> = {}) => searchArticles(t.db, { query, limit: 20, ...more })

describe('approximate totals', () => {
  it('rounds to two significant digits', () => {
    expect([roughly(1_003_456), roughly(401_234), roughly(99), roughly(123_456), roughly(0)]).toEqual([1_000_000, 400_000, 99, 120_000, 0])
  })

  it('estimates a text-alone total past the threshold, counts it exactly on request', () => {
    const exact = plainCount('"harbour"')
    expect(exact).toBe(N + 1)
    const approx = search('harbour', { approximateFrom: 1000 })
    expect(approx.totalApproximate).toBe(true)
    // Matches are as dense in the old ids as in the new: the estimate is close.
    expect(Math.abs(approx.total - exact) / exact).toBeLessThan(0.05)
    expect(approx.total).toBe(roughly(approx.total))
    const counted = search('harbour', { approximateFrom: 1000, exactTotal: true })
    expect(counted).toMatchObject({ total: exact, totalApproximate: false })
    const prefix = search('harbour*', { approximateFrom: 1000 })
    expect(prefix.totalApproximate).toBe(true)
    expect(Math.abs(prefix.total - plainCount('harbour*')) / plainCount('harbour*')).toBeLessThan(0.05)
  })

  it('keeps totals at or under the threshold exact and unflagged', () => {
    for (const [query, fts] of [
      ['tide', '"tide"'],
      ['moon', '"moon"'],
      ['harbourmaster', '"harbourmaster"']
    ]) {
      const r = search(query, { approximateFrom: plainCount(fts) })
      expect(r).toMatchObject({ total: plainCount(fts), totalApproximate: false })
    }
    expect(search('harbour')).toMatchObject({ total: N + 1, totalApproximate: false })
    // Counted newest first up to the threshold, which it reaches exactly (own matches and the one via a highlight).
    expect(search('harbour', { approximateFrom: N + 1 })).toMatchObject({ total: N + 1, totalApproximate: false })
    expect(search('harbour', { approximateFrom: N })).toMatchObject({ total: roughly(N + 1), totalApproximate: true })
    // Dense among the newest articles only: counted newest first (the density suggests more
    // than the threshold), to the end, under it: exact.
    expect(search('recent', { approximateFrom: 2200 })).toMatchObject({ total: plainCount('"recent"'), totalApproximate: false })
    expect(plainCount('"recent"')).toBe(2100)
    // Far under the newest matches' density: the plain count.
    expect(search('harbour', { approximateFrom: 10 * N })).toMatchObject({ total: N + 1, totalApproximate: false })
  })

  it('answers the same pages as the exact count, in every order, with and without facets (facets: estimates of the same counts)', () => {
    for (const query of ['harbour', 'harbour*', 'tide']) {
      for (const sort of ['relevance', 'newest', 'oldest'] as const) {
        for (const offset of [0, 20, 1990, 2010, 2490]) {
          const approx = search(query, { sort, offset, approximateFrom: 1000, includeFacets: offset === 0, includeTimeline: offset === 0 })
          const exact = search(query, { sort, offset, exactTotal: true, includeFacets: offset === 0, includeTimeline: offset === 0 })
          expect(approx.results.map((h) => [h.id, h.score, h.snippet])).toEqual(exact.results.map((h) => [h.id, h.score, h.snippet]))
          expect(approx.totalApproximate).toBe(exact.total > 1000)
          if (approx.totalApproximate) {
            // Scaled to the estimated total: close to the exact counts, the same values.
            expectClose(approx.facets.tags, exact.facets.tags)
            expectClose(approx.facets.sites, exact.facets.sites)
            expectClose(approx.timeline.map((m) => ({ value: m.month, count: m.count })), exact.timeline.map((m) => ({ value: m.month, count: m.count })))
          } else {
            expect(approx.facets).toEqual(exact.facets)
            expect(approx.timeline).toEqual(exact.timeline)
          }
        }
      }
    }
  })

  it('reports the same estimate on the first page (with facets) as on later pages', () => {
    const first = search('harbour', { approximateFrom: 1000, includeFacets: true, includeTimeline: true })
    const later = search('harbour', { approximateFrom: 1000, offset: 20 })
    expect(first.totalApproximate).toBe(true)
    expect(Math.abs(first.total - (N + 1)) / (N + 1)).toBeLessThan(0.05)
    expect(later).toMatchObject({ total: first.total, totalApproximate: true })
  })

  it('never estimates a query with filters or exclusions (its ids are listed)', () => {
    for (const query of ['harbour tag:Port', 'harbour -tide', 'tag:Port', 'after:2020-01-05']) {
      const r = search(query, { approximateFrom: 10 })
      expect(r.totalApproximate).toBe(false)
      expect(r.total).toBe(search(query, { exactTotal: true }).total)
    }
  })

  it("rounds a prefix's exact count, which its ranking made, instead of estimating from the newest matches", () => {
    // Its own archive: a prefix of three words, none in half the articles (so its ranking counts
    // the prefix's rows), all of them in the newest 2,400 of 4,000 only: the newest matches' density
    // would suggest 4,000.
    const u = createTestDb()
    try {
      u.db.transaction(() => {
        for (let i = 0; i < 4000; i++) {
          const word = i < 1600 ? 'sunlight' : ['lunar', 'lunacy', 'lunate'][i % 3]
          u.add({ title: `Night ${i}`, text: `The ${word} of day ${i}.` })
        }
      })()
      const old = u.db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'sunlight' ORDER BY rowid LIMIT 1").pluck().get() as number
      u.highlight(old, { exact: 'The sunlight', note: 'lunar, in a way' })
      const approx = searchArticles(u.db, { query: 'luna*', approximateFrom: 1000 })
      const exact = searchArticles(u.db, { query: 'luna*', exactTotal: true })
      expect(exact).toMatchObject({ total: 2401, totalApproximate: false })
      expect(approx).toMatchObject({ total: roughly(2401), totalApproximate: true })
      expect(approx.results.map((h) => [h.id, h.score])).toEqual(exact.results.map((h) => [h.id, h.score]))
      // The same words OR'd are ranked by FTS5 and count nothing: estimated from the newest matches (here, too high).
      expect(searchArticles(u.db, { query: 'lunar OR lunacy OR lunate', approximateFrom: 1000 })).toMatchObject({ total: 4000, totalApproximate: true })
    } finally {
      u.close()
    }
  })

  it('samples the facets of an estimated query one id in n, read from the doclist, without listing the matches', () => {
    // Its own archive: more matches than twice FACET_SAMPLE, so that the sample is one in two or more.
    const u = createTestDb()
    try {
      const n = 2 * FACET_SAMPLE + 1500
      u.db.transaction(() => {
        for (let i = 0; i < n; i++) u.add({ title: `Note ${i}`, text: `rain ${i % 3 === 0 ? 'storm' : 'drizzle'}`, tags: [['Wet', 'Dry', 'Grey'][i % 3]] })
      })()
      const m = matchSet(u.db, compileQuery(parseQuery('rain')))
      const reference = (k: number) => u.db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid % ? = 0 ORDER BY rowid DESC').pluck().all('rain', k)
      expect(m.everyNth(2)).toEqual(reference(2))
      expect(m.everyNth(3).length).toBe(Math.floor(n / 3))
      const approx = searchArticles(u.db, { query: 'rain', includeFacets: true, includeTimeline: true, approximateFrom: 1000 })
      const exact = searchArticles(u.db, { query: 'rain', includeFacets: true, includeTimeline: true, exactTotal: true })
      expect(approx).toMatchObject({ totalApproximate: true, facetsSampled: true })
      expect(approx.facets.tags.map((t) => t.value).sort()).toEqual(['Dry', 'Grey', 'Wet'])
      expectClose(approx.facets.tags, exact.facets.tags)
      expect(approx.results.map((h) => h.id)).toEqual(exact.results.map((h) => h.id))
    } finally {
      u.close()
    }
  })
})

/** The same values, each count within 5 % of the other's. */
function expectClose(got: { value: string; count: number }[], want: { value: string; count: number }[]): void {
  const byValue = (rows: { value: string; count: number }[]) => new Map(rows.map((r) => [r.value, r.count]))
  const a = byValue(got)
  const b = byValue(want)
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort())
  for (const [value, count] of b) expect(Math.abs((a.get(value) as number) - count) / count, value).toBeLessThan(0.05)
}

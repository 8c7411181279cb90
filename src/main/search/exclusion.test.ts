/**
 * An exclusion's check of a few ids against the excluded text (ownAmong): looked up one by one
 * up to OWN_LOOKUPS_MAX ids, in one pass over the doclist beyond — the same answer as plain
 * SQL either way; `a -b` where b's matches include articles found through a highlight; and the
 * ranking of `a -b`, scored as `a` alone when b is phrases OR'd, with the scores bm25 gives the
 * whole expression.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ownAmong, OWN_LOOKUPS_MAX } from './match'
import { phrasesOnly, searchArticles } from './search'
import { createTestDb, type TestDb } from '../../../test/support/search-db'
import { makeRng } from '../../../test/support/prng'

let t: TestDb
const N = 600

beforeAll(() => {
  t = createTestDb()
  t.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const words = [i % 2 ? 'truce' : 'calm', i % 3 ? 'cabinet' : 'market', i % 7 ? 'river' : 'economy economic']
      const id = t.add({ title: `Day ${i}`, text: `The ${words.join(' and the ')} stories.` })
      // Highlights that match `truce` on articles whose own text may or may not.
      if (i % 5 === 0) t.highlight(id, { exact: 'The', note: 'a truce was mentioned' })
    }
  })()
})

afterAll(() => t.close())

const plain = (fts: string, ids: number[]): number[] =>
  (t.db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC').pluck().all(fts) as number[]).filter((id) => ids.includes(id))

describe('exclusions', () => {
  it('checks ids against a doclist the same way by lookups and by one pass', () => {
    const random = makeRng(17)
    for (const fts of ['"cabinet"', '"econom"*', '"truce" "cabinet"', '"market"']) {
      for (const size of [0, 1, 30, OWN_LOOKUPS_MAX, OWN_LOOKUPS_MAX + 1, 400]) {
        // Some ids past the last article too.
        const ids = [...new Set(Array.from({ length: size }, () => 1 + Math.floor(random() * (N + 20))))].sort((a, b) => b - a)
        expect(ownAmong(t.db, fts, ids), `${fts} × ${ids.length}`).toEqual(plain(fts, ids))
      }
    }
  })

  it('drops highlight-only matches whose own text is excluded', () => {
    const r = searchArticles(t.db, { query: 'truce -cabinet', limit: 200, exactTotal: true })
    const expected = t.db
      .prepare(
        `SELECT id FROM articles WHERE (id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'truce')
           OR id IN (SELECT article_id FROM highlights WHERE id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH 'truce')))
         AND id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'cabinet')
         AND id NOT IN (SELECT article_id FROM highlights WHERE id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH 'cabinet'))`
      )
      .pluck()
      .all() as number[]
    expect(r.total).toBe(expected.length)
    expect(expected.length).toBeGreaterThan(50)
    expect(expected.length).toBeLessThan(200)
    expect(r.results.map((h) => h.id).sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b))
  })

  it("tells exclusions that add nothing to a matching row's score (phrases OR'd) from the rest", () => {
    expect(['"government"', '"a" OR "b"', '("negotiat"* OR "negoti"*)', '"a b" OR ("c" OR "d"*)', '"AND" OR "x"'].map(phrasesOnly)).toEqual([true, true, true, true, true])
    expect(['"a" AND "b"', '("a" OR "b") AND "c"', '"a" NOT "b"', '"a" NEAR "b"'].map(phrasesOnly)).toEqual([false, false, false, false])
  })

  it('ranks `a -b` with the scores of the whole expression, with and without filters', () => {
    // Rows of different lengths and word counts, so that the scores differ.
    const random = makeRng(5)
    const added: number[] = []
    t.db.transaction(() => {
      for (let i = 0; i < 80; i++) {
        const rare = ['cabinet', 'river', 'market', 'economics']
        const common = ['filler', 'stone', 'paper', 'glass', 'cloud', 'brick', 'field']
        const words = Array.from({ length: 5 + Math.floor(random() * 60) }, () =>
          random() < 0.08 ? rare[Math.floor(random() * rare.length)] : common[Math.floor(random() * common.length)]
        )
        added.push(t.add({ title: i % 4 ? `Note ${i}` : `Truce note ${i}`, text: words.join(' '), tags: i % 2 ? ['Odd'] : [] }))
      }
    })()
    const scored = (fts: string, within: (id: number) => boolean) =>
      (t.db.prepare('SELECT rowid AS id, bm25(articles_fts, 10.0, 2.0, 2.0, 1.0, 5.0) AS score FROM articles_fts WHERE articles_fts MATCH ?').all(fts) as { id: number; score: number }[])
        .filter((r) => within(r.id))
        .sort((a, b) => a.score - b.score || b.id - a.id)
    const odd = new Set(added.filter((_, i) => i % 2))
    for (const [query, fts, within] of [
      ['filler -cabinet', '("filler") NOT ("cabinet")', () => true],
      ['filler -cabinet -river', '("filler") NOT ("cabinet" OR "river")', () => true],
      ['filler -econom*', '("filler") NOT (("econom"* OR "econ"*))', () => true],
      ['filler -(cabinet market)', '("filler") NOT ("cabinet" AND "market")', () => true],
      ['filler -cabinet tag:Odd', '("filler") NOT ("cabinet")', (id: number) => odd.has(id)]
    ] as [string, string, (id: number) => boolean][]) {
      const all = scored(fts, within)
      const own = new Set(all.map((r) => r.id))
      const expected = all.slice(0, 30)
      // Articles matched through a highlight alone are ranked by its score: compared among own matches.
      const got = searchArticles(t.db, { query, limit: 200 }).results.filter((h) => own.has(h.id)).slice(0, 30)
      expect(expected.length, query).toBeGreaterThan(5)
      expect(got.map((h) => [h.id, h.score]), query).toEqual(expected.map((r) => [r.id, -r.score]))
    }
  })

  it('checks many highlight-only matches against the excluded text by either doclist, as plain SQL does', () => {
    // Its own archive: 1,000 articles, a highlight noting "alpha" on every third.
    const u = createTestDb()
    try {
      u.db.transaction(() => {
        for (let i = 0; i < 1000; i++) {
          const words = [i % 4 === 0 ? 'alpha' : 'one', i % 2 === 0 ? 'beta' : 'two', i % 50 === 0 ? 'gamma' : 'three']
          const id = u.add({ title: `Item ${i}`, text: `The ${words.join(' ')} words.` })
          if (i % 3 === 0) u.highlight(id, { exact: 'The', note: 'alpha noted' })
        }
      })()
      const expected = (word: string, excluded: string) =>
        u.db
          .prepare(
            `SELECT id FROM articles WHERE (id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)
               OR id IN (SELECT article_id FROM highlights WHERE id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?)))
             AND id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)
             AND id NOT IN (SELECT article_id FROM highlights WHERE id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?))
             ORDER BY id DESC`
          )
          .pluck()
          .all(word, word, excluded, excluded) as number[]
      // `-beta`: the excluded doclist (500) is longer than the matches and the ids to check (334),
      // so alpha's is walked; `-gamma` (20 entries) is walked itself.
      for (const [word, excluded] of [['alpha', 'beta'], ['alpha', 'gamma']]) {
        const want = expected(word, excluded)
        const r = searchArticles(u.db, { query: `${word} -${excluded}`, sort: 'newest', limit: 200 })
        expect(r.total, `${word} -${excluded}`).toBe(want.length)
        const all: number[] = []
        for (let offset = 0; offset < r.total; offset += 200) all.push(...searchArticles(u.db, { query: `${word} -${excluded}`, sort: 'newest', limit: 200, offset }).results.map((h) => h.id))
        expect(all, `${word} -${excluded}`).toEqual(want)
      }
      expect(expected('alpha', 'beta').length).toBe(167)
    } finally {
      u.close()
    }
  })
})

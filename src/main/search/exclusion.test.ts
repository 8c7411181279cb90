/**
 * An exclusion's check of a few ids against the excluded text (ownAmong): looked up one by one
 * up to OWN_LOOKUPS_MAX ids, in one pass over the doclist beyond — the same answer as plain
 * SQL either way; and `a -b` where b's matches include articles found through a highlight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ownAmong, OWN_LOOKUPS_MAX } from './match'
import { searchArticles } from './search'
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
})

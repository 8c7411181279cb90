/**
 * windowScores gives the doubles FTS5's bm25 gives, row for row, on a real archive whose index
 * has seen deletions and updates: prefixes of several words (some in more than half the rows,
 * whose IDF is FTS5's floor), prefixes with other phrases, windows cut short, and shapes it
 * must refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { phrasesOf, varints, windowScores } from './prefix-scores'
import { createTestDb, type TestDb } from '../../../test/support/search-db'
import { openReadConnection } from '../db/connection'

const WEIGHTS = [10, 2, 2, 1, 5]
const BM25 = 'bm25(articles_fts, 10.0, 2.0, 2.0, 1.0, 5.0)'

let t: TestDb

/** A small deterministic generator (mulberry32), so the archive is the same on every run. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let x = Math.imul(a ^ (a >>> 15), 1 | a)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['economy', 'economic', 'economists', 'economies', 'market', 'negotiators', 'negotiations', 'report', 'reporters', 'climate', 'summit', 'ceasefire', 'talks', 'minister', 'weather']

beforeAll(() => {
  t = createTestDb()
  const rnd = random(17)
  // Mostly filler, so that each named word is in some rows and not others.
  const word = (): string => (rnd() < 0.08 ? WORDS[Math.floor(rnd() * WORDS.length)] : `filler${Math.floor(rnd() * 300)}`)
  const pick = (n: number): string => Array.from({ length: n }, word).join(' ')
  const ids: number[] = []
  for (let i = 0; i < 400; i++) {
    // "report" is in most rows: its prefix's IDF is FTS5's floor (1e-6).
    const text = `${rnd() < 0.8 ? 'report ' : ''}${pick(5 + Math.floor(rnd() * 60))}. ${rnd() < 0.2 ? 'The climate summit opened.' : ''}`
    ids.push(
      t.add({
        title: rnd() < 0.1 ? `Economy ${pick(2)}` : pick(3),
        text,
        byline: rnd() < 0.2 ? 'Economics Desk' : null,
        site: rnd() < 0.5 ? 'Market Watch' : null,
        tags: rnd() < 0.1 ? ['Economies'] : []
      })
    )
  }
  // Deletions and rewrites leave delete markers and several segments in the index.
  const del = t.db.prepare('DELETE FROM articles WHERE id = ?')
  const rewrite = t.db.prepare('UPDATE article_content SET text = ? WHERE article_id = ?')
  ids.forEach((id, i) => {
    if (i % 13 === 0) del.run(id)
    else if (i % 7 === 0) rewrite.run(`economists ${pick(20)}`, id)
  })
})
afterAll(() => t.close())

function fts5(fts: string, limit: number): [number, number][] {
  return t.db.prepare(`SELECT rowid, ${BM25} FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?`).raw(true).all(fts, limit) as [
    number,
    number
  ][]
}

describe('windowScores', () => {
  const expressions = [
    '"econom"*',
    '"Econom"*',
    '"repor"*',
    '("econom"* AND "market")',
    '("negotiat"* OR "negoti"*)',
    '("climate summit" AND "econom"*)',
    '(("econom"* OR "ceasefir"*) AND "talks")',
    '"market"'
  ]
  for (const fts of expressions) {
    for (const limit of [2000, 40]) {
      it(`scores ${fts}, window of ${limit}, as FTS5 does`, () => {
        const expected = fts5(fts, limit)
        expect(expected.length).toBeGreaterThan(limit === 40 ? 39 : 20)
        const scored = windowScores(t.db, fts, expected.map(([id]) => id), WEIGHTS)
        expect(scored).not.toBeNull()
        // The same doubles, bit for bit (toEqual would let -0 and 0 pass as one; Object.is does not).
        const differing = (scored ?? []).filter(([id, score], i) => id !== expected[i][0] || !Object.is(score, expected[i][1]))
        expect(differing).toEqual([])
        expect(scored).toHaveLength(expected.length)
      })
    }
  }

  it('takes the count of a prefix that is the whole query from the caller, and uses it', () => {
    const expected = fts5('"econom"*', 2000)
    const ids = expected.map(([id]) => id)
    let asked = 0
    const count = (): number => (asked++, expected.length)
    expect(windowScores(t.db, '"econom"*', ids, WEIGHTS, count)).toEqual(expected)
    expect(asked).toBe(1)
    // A wrong count gives another IDF: the caller's count is what the scores rest on.
    expect(windowScores(t.db, '"econom"*', ids, WEIGHTS, () => 3)).not.toEqual(expected)
  })

  it("scores on the search thread's read-only (query_only) connection too", () => {
    const expected = fts5('("econom"* AND "market")', 2000)
    const read = openReadConnection(t.db.name)
    try {
      expect(read.pragma('query_only', { simple: true })).toBe(1)
      expect(windowScores(read, '("econom"* AND "market")', expected.map(([id]) => id), WEIGHTS)).toEqual(expected)
    } finally {
      read.close()
    }
  })

  it('scores nothing for an empty window, and refuses what it cannot score as FTS5 does', () => {
    expect(windowScores(t.db, '"econom"*', [], WEIGHTS)).toEqual([])
    const ids = fts5('"econom"*', 10).map(([id]) => id)
    expect(windowScores(t.db, '"econom"*', ids, [10, 2, 2, 1.5, 5])).toBeNull()
    expect(windowScores(t.db, '("econom"* NOT "market")', ids, WEIGHTS)).toBeNull()
    // A phrase prefix: prefixes.ts does not rewrite it.
    expect(windowScores(t.db, '"climate sum"*', ids, WEIGHTS)).toBeNull()
  })
})

describe('phrasesOf', () => {
  it('lists the phrases of AND/OR expressions in order, and nothing else', () => {
    expect(phrasesOf('(("econom"* OR "say ""no""") AND "market")')).toEqual([
      { text: 'econom', prefix: true },
      { text: 'say "no"', prefix: false },
      { text: 'market', prefix: false }
    ])
    expect(phrasesOf('"a" NOT "b"')).toBeNull()
    expect(phrasesOf('NEAR("a" "b")')).toBeNull()
    expect(phrasesOf('{title}: "a"')).toBeNull()
    expect(phrasesOf('"a" ORb')).toBeNull()
  })
})

describe('varints', () => {
  it('reads SQLite varints, one to nine bytes', () => {
    expect(varints([0x05, 0x7f])).toEqual([5, 127])
    expect(varints([0x81, 0x00, 0x82, 0x80, 0x01])).toEqual([128, 32769])
    expect(varints([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01])).toEqual([1])
    expect(varints([0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00])).toEqual([2 ** 57])
  })
})

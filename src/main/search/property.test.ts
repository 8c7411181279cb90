/**
 * Randomised robustness: strings heavy in operators, quotes, brackets, colons and unicode
 * either parse or fail with QuerySyntaxError, and searching them never raises an SQL or
 * FTS5 error. The PRNG is seeded; a failure names the seed and the string.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseQuery, QuerySyntaxError } from './parse'
import { makeRng } from '../../../test/support/prng'
import { searchArticles } from './search'
import { createTestDb, type TestDb } from '../../../test/support/search-db'

const SEED = 20170409
const COUNT = 10_000

const PIECES = [
  'iran', 'café', 'cafe', 'strike', 'a', 'x', 'OR', 'or', 'AND', 'NOT', 'NEAR', 'tag:', 'site:', 'author:',
  'speaker:', 'after:', 'before:', 'is:', 'has:', 'lang:', 'foo:', 'highlight', 'note', '2017', '-04', '-13',
  'bbc.co.uk', 'http://', '//', '"', '"', '""', '(', ')', '(', ')', '-', '-', '*', '*', '|', ':', ':', ' ', ' ',
  ' ', '\t', '\n', "'", '\\', '%', '_', ';', '{', '}', '^', '+', '.', ',', '\u0000', '\u0002', '😀', 'ß', 'İ',
  '\u0301', 'é', '東京', 'Ελλάδα', '\ud800', 'ﬁ', '\u200b'
]

function randomQuery(rnd: () => number): string {
  const n = Math.floor(rnd() * 9)
  let s = ''
  for (let i = 0; i < n; i++) {
    s += rnd() < 0.85 ? PIECES[Math.floor(rnd() * PIECES.length)] : String.fromCodePoint(Math.floor(rnd() * 0x3000))
  }
  return s
}

let t: TestDb

beforeAll(() => {
  t = createTestDb()
  const a = t.add({ title: 'Iran talks', text: 'Le café (strike) "quoted" 2017 东京 x-ray', site: 'BBC', url: 'https://www.bbc.co.uk/x', publishedAt: '2017-04-09', tags: ['Middle East'] })
  t.add({ title: 'Other', text: 'nothing to see', publishedAt: null })
  t.highlight(a, { exact: 'café', note: 'a note', tags: ['x'] })
})

afterAll(() => t.close())

describe('random queries', () => {
  it(`${COUNT} strings (seed ${SEED}) parse or fail cleanly, and never break the SQL`, () => {
    const rnd = makeRng(SEED)
    let parsed = 0
    for (let i = 0; i < COUNT; i++) {
      const q = randomQuery(rnd)
      const where = `seed ${SEED}, #${i}: ${JSON.stringify(q)}`
      try {
        parseQuery(q)
        parsed++
      } catch (e) {
        if (!(e instanceof QuerySyntaxError)) throw new Error(`${where}: ${String(e)}`, { cause: e })
        expect(e.position, where).toBeGreaterThanOrEqual(0)
        expect(e.position, where).toBeLessThanOrEqual(q.length)
      }
      // Lenient search runs for every string, valid or not.
      try {
        const sort = (['relevance', 'newest', 'oldest'] as const)[i % 3]
        searchArticles(t.db, { query: q, sort, includeFacets: i % 5 === 0, includeTimeline: i % 5 === 0 })
      } catch (e) {
        throw new Error(`${where}: search threw ${String(e)}`, { cause: e })
      }
    }
    // The generator must exercise both paths.
    expect(parsed).toBeGreaterThan(COUNT / 10)
    expect(parsed).toBeLessThan(COUNT)
  })
})

/**
 * A prefix rewritten as its words matches exactly the rows the prefix matches, and is only
 * rewritten when that holds: stemmed and folded prefixes, words Porter would cut again, too
 * many words, phrases, and a read-only (query_only) connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expandPrefixes, MAX_WORDS, prefixWords } from './prefixes'
import { searchArticles } from './search'
import { openReadConnection, type DB } from '../db/connection'
import { createTestDb, type TestDb } from '../../../test/support/search-db'

let t: TestDb
const texts = [
  'The economy grew while economists argued about economics.',
  'Economies of scale, an economic argument, and Économie politique.',
  'Uneconomic housing: the houses were sold, the house was not, said the White House.',
  'A market report on the economy and the market.',
  'Nothing here but weather.',
  // More words under one prefix than MAX_WORDS.
  Array.from({ length: MAX_WORDS + 5 }, (_, i) => `zq${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`).join(' ')
]

beforeAll(() => {
  t = createTestDb()
  texts.forEach((text, i) => t.add({ title: `Article ${i}`, text, tags: i === 4 ? ['Economy'] : [] }))
})
afterAll(() => t.close())

const rows = (db: DB, fts: string): number[] =>
  db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC').pluck().all(fts) as number[]

describe('expandPrefixes', () => {
  // [prefix as compile.ts writes it, rewritten?]
  const cases: [string, boolean][] = [
    ['"econom"*', true],
    // Stemmed like a document's word ("economies" → economi) and folded (É → e): the same words as FTS5 looks up.
    ['"economies"*', true],
    ['"Écon"*', true],
    // "hous" re-tokenizes as "hou" (Porter strips the s): quoting it would match another word.
    ['"hous"*', false],
    [`"zq"*`, false],
    ['"white hou"*', false],
    ['"qqqq"*', false]
  ]
  for (const [fts, rewritten] of cases) {
    it(`${fts}: the same rows${rewritten ? ', as its words' : ', left as it is'}`, () => {
      const out = expandPrefixes(t.db, fts)
      expect(out !== fts).toBe(rewritten)
      if (rewritten) expect(out).toMatch(/^\("[^"]+"( OR "[^"]+")*\)$/u)
      expect(rows(t.db, out)).toEqual(rows(t.db, fts))
      expect(rows(t.db, fts).length > 0).toBe(fts !== '"qqqq"*')
    })
  }

  it('lists the words in index order, and the rows of each', () => {
    expect(prefixWords(t.db, 'econom')).toEqual(['econom', 'economi', 'economist'])
    expect(prefixWords(t.db, 'zq')).toBeNull()
    expect(prefixWords(t.db, 'white hou')).toBeNull()
    expect(prefixWords(t.db, 'qqqq')).toEqual([])
  })

  it('rewrites prefixes inside a larger expression, each on its own', () => {
    const fts = '(("econom"* OR "hous"*) AND "market") OR ("econo"* NOT "argu"*)'
    const out = expandPrefixes(t.db, fts)
    expect(out).toContain('"hous"*')
    expect(out).not.toContain('"econom"*')
    expect(rows(t.db, out)).toEqual(rows(t.db, fts))
    expect(rows(t.db, fts).length).toBeGreaterThan(0)
  })

  it('leaves an expression without a prefix as it is (a quoted * is a character, not a prefix)', () => {
    expect(expandPrefixes(t.db, '"economy" AND "a*b"')).toBe('"economy" AND "a*b"')
  })

  it('works on a query_only connection, which stays query_only', () => {
    const read = openReadConnection(t.db.name)
    try {
      const out = expandPrefixes(read, '"econom"*')
      expect(out).not.toBe('"econom"*')
      expect(rows(read, out)).toEqual(rows(t.db, '"econom"*'))
      expect(read.pragma('query_only', { simple: true })).toBe(1)
      expect(() => read.exec('CREATE TABLE nope (x)')).toThrow(/readonly/u)
    } finally {
      read.close()
    }
  })

  it('sees words saved after the first rewrite', () => {
    expect(prefixWords(t.db, 'econom')).not.toContain('econometr')
    const id = t.add({ title: 'Later', text: 'Econometrics, they said.' })
    expect(prefixWords(t.db, 'econom')).toContain('econometr')
    expect(rows(t.db, expandPrefixes(t.db, '"econom"*'))).toContain(id)
  })

  it('a read connection sees words another connection saved since its last rewrite', () => {
    const read = openReadConnection(t.db.name)
    try {
      expect(prefixWords(read, 'quok')).toEqual([])
      const id = t.add({ title: 'Later still', text: 'A quokka, a reader says.' })
      expect(prefixWords(read, 'quok')).toEqual(['quokka'])
      expect(rows(read, expandPrefixes(read, '"quok"*'))).toEqual([id])
    } finally {
      read.close()
    }
  })

  it('a prefix search counts and pages the same rows as the prefix itself', () => {
    const all = rows(t.db, '"econom"*')
    const r = searchArticles(t.db, { query: 'econom*', sort: 'newest', limit: 200 })
    expect(r.total).toBe(all.length)
    expect(r.results.map((h) => h.id).sort((a, b) => b - a)).toEqual(all)
  })
})

/**
 * The reading workflow in search: is:inbox / is:archived / is:starred / is:unread, alone,
 * with words, negated and in OR; the suggestions for a query that finds nothing; and the
 * match ranges a search result opens at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchArticles } from './search'
import { parseQuery, QuerySyntaxError } from './parse'
import { editDistance, stemsOf, suggestQuery } from './suggest'
import { rangesIn, textMatches } from './matches'
import { setArticleState, setReadingProgress } from '../db/articles'
import { createTestDb, type TestDb } from '../../../test/support/search-db'

let t: TestDb
const ids: Record<string, number> = {}
const TEXT = {
  tillerson: 'Secretary of State Rex Tillerson said Iran needs to withdraw its forces from Syria. Tillerson repeated the demand.',
  velayati: 'Ali Akbar Velayati called the American demand ridiculous and said Iranian forces would stay in Syria.',
  cafe: 'Café owners protested against new rent rules; the café trade is struggling, owners said.',
  budget: 'The council approved the harbour budget after negotiations that lasted until midnight.'
}

beforeAll(() => {
  t = createTestDb()
  ids.tillerson = t.add({ title: 'Tillerson tells Iran to withdraw', text: TEXT.tillerson })
  ids.velayati = t.add({ title: 'Velayati rejects the demand', text: TEXT.velayati })
  ids.cafe = t.add({ title: 'Café owners protest', text: TEXT.cafe })
  ids.budget = t.add({ title: 'Harbour budget approved', text: TEXT.budget })
  // New articles are in the inbox; two are archived, one starred, two opened.
  setArticleState(t.db, [ids.velayati, ids.cafe], { state: 'archive' })
  setArticleState(t.db, [ids.cafe], { starred: true })
  setReadingProgress(t.db, ids.tillerson, 0.4, 10, '2024-05-01T10:00:00Z')
  setReadingProgress(t.db, ids.cafe, 1, 80, '2024-05-02T10:00:00Z')
})
afterAll(() => t.close())

const found = (query: string) => searchArticles(t.db, { query, limit: 50 }).results.map((r) => r.id).sort((a, b) => a - b)
const idsOf = (...keys: string[]) => keys.map((k) => ids[k]).sort((a, b) => a - b)

describe('is: filters of the reading workflow', () => {
  it.each([
    ['is:inbox', ['tillerson', 'budget']],
    ['is:archived', ['velayati', 'cafe']],
    ['is:archive', ['velayati', 'cafe']],
    ['is:starred', ['cafe']],
    ['is:unread', ['velayati', 'budget']],
    ['-is:unread', ['tillerson', 'cafe']],
    ['iran is:inbox', ['tillerson']],
    ['syria -is:inbox', ['velayati']],
    ['is:starred OR is:unread', ['velayati', 'cafe', 'budget']],
    ['is:archived is:unread', ['velayati']],
    ['IS:Starred', ['cafe']]
  ])('%s', (query, expected) => {
    expect(found(query)).toEqual(idsOf(...expected))
  })

  it('results say where each article is and how far it has been read', () => {
    const [cafe] = searchArticles(t.db, { query: 'cafe' }).results
    expect(cafe).toMatchObject({ state: 'archive', starred: true, progress: 1, readAt: '2024-05-02T10:00:00Z' })
  })

  it('an unknown is: value is explained with the known ones', () => {
    expect(() => parseQuery('is:read')).toThrow(QuerySyntaxError)
    expect(() => parseQuery('is:read')).toThrow('unknown value "read" for is: at column 1 (known: highlight, changed, inbox, archived, starred, unread)')
  })

  it('is: values other than highlight keep results as articles, not highlights', () => {
    t.highlight(ids.budget, { exact: 'harbour budget' })
    // is:highlight would list only the article with a highlight; is:inbox lists both inbox articles.
    expect(found('is:inbox')).toEqual(idsOf('tillerson', 'budget'))
    expect(found('is:highlight is:inbox')).toEqual(idsOf('budget'))
  })
})

describe('did you mean', () => {
  const count = (q: string) => searchArticles(t.db, { query: q, limit: 1 }).total

  it('stems a word as the index does', () => {
    expect(stemsOf(t.db, 'negotiations')).toEqual(['negoti'])
    expect(stemsOf(t.db, 'Cafés')).toEqual(['cafe'])
  })

  it('counts a transposition as one edit and stops past the limit', () => {
    expect(editDistance('withdraw', 'withdarw', 2)).toBe(1)
    expect(editDistance('tillerson', 'tilerson', 2)).toBe(1)
    expect(editDistance('abc', 'xyz', 1)).toBe(2)
  })

  it.each([
    ['tilerson', 'tillerson'],
    ['Tilerson withdraw', 'tillerson withdraw'],
    ['iran withdarw', 'iran withdraw'],
    ['ridiculus', 'ridiculous'],
    ['negotations', 'negotiations'],
    ['harbour budjet', 'harbour budget']
  ])('%s → %s, from the archive’s own words', (typo, meant) => {
    expect(count(typo)).toBe(0)
    const s = suggestQuery(t.db, typo, count)
    expect(s?.query.toLowerCase()).toBe(meant)
    expect(s!.total).toBeGreaterThan(0)
  })

  it('keeps the rest of the query as typed (filters, phrases, exclusions)', () => {
    const s = suggestQuery(t.db, 'tilerson is:inbox -"white house"', count)
    expect(s?.query).toBe('tillerson is:inbox -"white house"')
  })

  it('suggests nothing when no word is close, or the close words find nothing together', () => {
    expect(suggestQuery(t.db, 'xylophonist', count)).toBeUndefined()
    // Both words exist, just never in one article: no typo to fix.
    expect(count('tillerson cafe')).toBe(0)
    expect(suggestQuery(t.db, 'tillerson cafe', count)).toBeUndefined()
  })
})

describe('match ranges in an article', () => {
  it('are offsets in the article text where the query matched, by the search’s own rules', () => {
    const { ranges } = textMatches(t.db, ids.tillerson, 'tillerson withdrawing')
    expect(ranges.map((r) => TEXT.tillerson.slice(r.start, r.end))).toEqual(['Tillerson', 'withdraw', 'Tillerson'])
    const cafe = textMatches(t.db, ids.cafe, 'cafe').ranges
    expect(cafe.map((r) => TEXT.cafe.slice(r.start, r.end))).toEqual(['Café', 'café'])
  })

  it('covers phrases and prefixes, and nothing for filters or an article the query does not match', () => {
    const phrase = textMatches(t.db, ids.velayati, '"american demand" is:archived').ranges
    expect(phrase.map((r) => TEXT.velayati.slice(r.start, r.end))).toEqual(['American demand'])
    expect(textMatches(t.db, ids.budget, 'negotiat*').ranges.map((r) => TEXT.budget.slice(r.start, r.end))).toEqual(['negotiations'])
    expect(textMatches(t.db, ids.budget, 'is:inbox').ranges).toEqual([])
    expect(textMatches(t.db, ids.budget, 'syria').ranges).toEqual([])
  })

  it('reads marked text back into ranges', () => {
    expect(rangesIn('a \u0002bc\u0003 d \u0002e\u0003')).toEqual([{ start: 2, end: 4 }, { start: 7, end: 8 }])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchArticles, SNIPPET_CLOSE, SNIPPET_OPEN, type SearchInput } from './search'
import { createTestDb, type TestArticle, type TestDb } from '../../../test/support/search-db'

let t: TestDb
const ids: Record<string, number> = {}
const hl: Record<string, number> = {}

beforeAll(() => {
  t = createTestDb()
  ids.iranTitle = t.add({
    title: 'Iran nuclear deal collapses',
    text: 'Negotiators left the talks in Vienna without agreement on enrichment limits.',
    url: 'https://www.nytimes.com/2017/04/09/world/iran.html',
    site: 'The New York Times',
    byline: 'By José García',
    publishedAt: '2017-04-09T12:00:00Z',
    language: 'en-US',
    tags: ['Middle East']
  })
  ids.bakery = t.add({
    title: 'Local bakery reopens',
    text: 'The owner, who grew up in Iran, said the bread recipes came from her grandmother.',
    url: 'https://www.bbc.co.uk/news/uk-123',
    site: 'BBC News',
    byline: 'Ann Lee',
    // 9 April in UTC, but the publisher's calendar date is 8 April.
    publishedAt: '2017-04-08T23:30:00-05:00',
    language: 'en'
  })
  ids.cafe = t.add({
    title: 'Le café du coin',
    text: 'Le café au coin de la rue ouvre à sept heures.',
    url: 'https://lemonde.fr/societe/cafe',
    site: 'Le Monde',
    publishedAt: '2017-05-01T00:00:00+02:00',
    language: 'fr'
  })
  ids.strike = t.add({
    title: 'Dock workers walk out',
    text: 'The strike at the port continued for a third day.',
    url: 'https://reuters.com/article/x',
    site: 'Reuters',
    publishedAt: '2016-12-31T23:59:59Z'
  })
  ids.syria = t.add({
    title: 'Syria talks stall',
    text: 'Tillerson said Iran needs to withdraw its military from Syria before any settlement.',
    url: 'https://www.washingtonpost.com/syria',
    site: 'The Washington Post',
    publishedAt: '2018-01-15',
    tags: ['Syria']
  })
  ids.undated = t.add({ title: 'Undated analysis', text: 'The negotiators kept negotiating.' })
  ids.weather = t.add({
    title: 'Weather report',
    text: 'Sunny with light winds.',
    publishedAt: '2018-02-01T08:00:00Z'
  })
  hl.tillerson = t.highlight(ids.syria, { exact: 'Iran needs to withdraw its military', tags: ['Tillerson'], note: '' })
  hl.zanzibar = t.highlight(ids.weather, { exact: 'Sunny', note: 'Compare with the Zanzibar forecast', tags: ['Middle East'] })
  hl.plain = t.highlight(ids.weather, { exact: 'light winds' })
})

afterAll(() => t.close())

const search = (query: string, more: Partial<SearchInput> = {}) => searchArticles(t.db, { query, ...more })
const found = (query: string, more: Partial<SearchInput> = {}) => search(query, more).results.map((r) => r.id)
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)

describe('searchArticles: matching', () => {
  it.each([
    ['cafe finds café (diacritics)', 'cafe', ['cafe']],
    ['strikes finds strike (stemming)', 'strikes', ['strike']],
    ['phrase', '"nuclear deal"', ['iranTitle']],
    ['phrase in the wrong order', '"deal nuclear"', []],
    ['prefix', 'negotiat*', ['iranTitle', 'undated']],
    ['OR', 'bakery OR cafe', ['bakery', 'cafe']],
    ['| as OR', 'bakery | cafe', ['bakery', 'cafe']],
    ['exclusion', 'iran -bakery', ['iranTitle', 'syria']],
    ['excluded phrase', 'iran -"grew up"', ['iranTitle', 'syria']],
    ['excluded group', 'iran -(bakery OR vienna)', ['syria']],
    ['pure negative', '-iran', ['cafe', 'strike', 'undated', 'weather']],
    ['two exclusions', '-iran -sunny', ['cafe', 'strike', 'undated']],
    ['nested NOT inside OR', '(iran -syria) OR cafe', ['iranTitle', 'bakery', 'cafe']],
    ['note text', 'zanzibar', ['weather']],
    ['highlight tag text', 'tillerson', ['syria']],
    ['tag on the article', 'tag:"Middle East"', ['iranTitle', 'weather']],
    ['tag, case-insensitive, on a highlight', 'tag:tillerson', ['syria']],
    ['tag with text', 'tag:"middle east" iran', ['iranTitle']],
    ['OR across a filter and a word', 'tag:Syria OR bakery', ['bakery', 'syria']],
    ['excluded filter', 'iran -tag:Syria', ['iranTitle', 'bakery']],
    ['site by domain', 'site:nytimes.com', ['iranTitle']],
    ['site by domain with www and path', 'site:https://www.bbc.co.uk/news', ['bakery']],
    ['site by parent domain', 'site:co.uk', ['bakery']],
    ['site is not a substring of the domain', 'site:times.com', []],
    ['site by host label', 'site:bbc', ['bakery']],
    ['site by outlet name', 'site:"new york times"', ['iranTitle']],
    ['site by part of the name', 'site:monde', ['cafe']],
    ['author, diacritics folded', 'author:garcia', ['iranTitle']],
    ['author phrase', 'author:"Jose Garcia"', ['iranTitle']],
    ['author is not the text', 'author:negotiators', []],
    ['lang with region', 'lang:en', ['iranTitle', 'bakery']],
    ['lang', 'lang:FR', ['cafe']],
    ['is:highlight', 'is:highlight', ['syria', 'weather']],
    ['is:highlight with text', 'iran is:highlight', ['syria']],
    ['is:highlight with text not in a highlight', 'vienna is:highlight', []],
    ['has:note', 'has:note', ['weather']],
    ['has:note with text', 'sunny has:note', ['weather']],
    ['has:note with text outside notes and quotes', 'winds has:note', []],
    ['not a highlight', 'iran -is:highlight', ['iranTitle', 'bakery']],
    ['speaker: with no detected quote', 'speaker:Tillerson syria', []],
    ['FTS5 operators are searched as words', 'NEAR(iran deal)', []],
    ['prefix cut inside a stemmed suffix', 'negotiati*', ['iranTitle', 'undated']],
    ['prefix, short', 'ba*', ['bakery']],
    ['empty query lists everything', '', ['iranTitle', 'bakery', 'cafe', 'strike', 'syria', 'undated', 'weather']]
  ])('%s: %j', (_name, query, expected) => {
    expect(sorted(found(query))).toEqual(sorted(expected.map((k) => ids[k])))
  })
})

describe('searchArticles: dates (half-open, on the publisher\'s calendar date)', () => {
  it.each([
    ['after:2017-04-09', ['iranTitle', 'cafe', 'syria', 'weather']],
    ['before:2017-04-09', ['bakery', 'strike']],
    ['after:2017-04-08 before:2017-04-09', ['bakery']],
    ['after:2017-04-09 before:2017-04-10', ['iranTitle']],
    ['after:2017-05', ['cafe', 'syria', 'weather']],
    ['before:2017-05', ['iranTitle', 'bakery', 'strike']],
    ['after:2017-05-01 before:2017-05-02', ['cafe']],
    ['after:2017', ['iranTitle', 'bakery', 'cafe', 'syria', 'weather']],
    ['before:2017', ['strike']],
    ['after:2016-12-31 before:2017', ['strike']],
    ['after:2018 before:2018-02', ['syria']],
    ['-after:2017', ['strike', 'undated']],
    ['after:2017 OR cafe', ['iranTitle', 'bakery', 'cafe', 'syria', 'weather']]
  ])('%s', (query, expected) => {
    expect(sorted(found(query))).toEqual(sorted(expected.map((k) => ids[k])))
  })
})

describe('searchArticles: results', () => {
  it('ranks a title match above body mentions', () => {
    const r = search('iran')
    expect(r.results.map((x) => x.id)[0]).toBe(ids.iranTitle)
    expect(r.results[0].score).toBeGreaterThan(r.results[1].score)
    expect(r.results.every((x) => x.score > 0)).toBe(true)
  })

  it('wraps matches in the snippet with U+0002 … U+0003', () => {
    const r = search('recipes')
    expect(r.results[0].snippet).toContain(`${SNIPPET_OPEN}recipes${SNIPPET_CLOSE}`)
    expect(r.results[0].snippet).not.toContain('<')
  })

  it('returns article fields and tags', () => {
    const r = search('collapses').results[0]
    expect(r).toMatchObject({
      id: ids.iranTitle,
      title: 'Iran nuclear deal collapses',
      site: 'The New York Times',
      byline: 'By José García',
      publishedAt: '2017-04-09T12:00:00Z',
      url: 'https://www.nytimes.com/2017/04/09/world/iran.html',
      tags: ['Middle East'],
      highlights: []
    })
    expect(r.savedAt).toMatch(/^2024-/u)
  })

  it('lists the article\'s highlights that match', () => {
    const [syria] = search('iran is:highlight').results
    expect(syria.highlights).toEqual([
      { id: hl.tillerson, exact: 'Iran needs to withdraw its military', note: '', color: 'yellow', tags: ['Tillerson'] }
    ])
    const [weather] = search('zanzibar').results
    expect(weather.highlights.map((h) => h.id)).toEqual([hl.zanzibar])
    expect(search('has:note').results[0].highlights.map((h) => h.id)).toEqual([hl.zanzibar])
    expect(search('is:highlight').results.find((x) => x.id === ids.weather)?.highlights).toHaveLength(2)
  })

  it('sorts newest and oldest by publication date, undated last', () => {
    expect(found('', { sort: 'newest' })).toEqual(
      ['weather', 'syria', 'cafe', 'iranTitle', 'bakery', 'strike', 'undated'].map((k) => ids[k])
    )
    expect(found('', { sort: 'oldest' })).toEqual(
      ['strike', 'bakery', 'iranTitle', 'cafe', 'syria', 'weather', 'undated'].map((k) => ids[k])
    )
    expect(found('iran', { sort: 'oldest' })).toEqual([ids.bakery, ids.iranTitle, ids.syria])
  })

  it('paginates with a stable total', () => {
    const all = found('', { limit: 100 })
    const pages = [0, 3, 6].map((offset) => search('', { limit: 3, offset }))
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7])
    expect(pages.flatMap((p) => p.results.map((r) => r.id))).toEqual(all)
    const ranked = [0, 1, 2].map((offset) => search('iran', { limit: 1, offset }))
    expect(ranked.map((p) => p.results[0].id)).toEqual(found('iran'))
    expect(search('iran', { offset: 10 })).toMatchObject({ total: 3, results: [] })
  })

  it('clamps odd page sizes instead of failing', () => {
    expect(search('', { limit: 0 }).results).toHaveLength(1)
    expect(search('', { limit: Number.NaN, offset: -5 }).results).toHaveLength(1)
  })

  it('reports a malformed query and still searches what it understood', () => {
    const r = search('iran "nuclear deal')
    expect(r.error).toEqual({ message: 'unclosed quote starting at column 6', position: 5 })
    expect(r.results.map((x) => x.id)).toEqual([ids.iranTitle])
  })

  it('finds articles quoting a speaker: full name, surname, and names merged by the user', () => {
    const own = createTestDb()
    try {
      const a = own.add({ title: 'Tillerson in Riyadh', text: 'Iran must withdraw, he said.' } as TestArticle)
      const b = own.add({ title: 'Tehran replies', text: 'Tehran called it ridiculous.' } as TestArticle)
      const c = own.add({ title: 'Velayati speaks', text: 'We will stay, Velayati said.' } as TestArticle)
      const quote = own.db.prepare(
        "INSERT INTO quotes(article_id, start_pos, end_pos, text, speaker, speaker_key, confidence, kind) VALUES (?, 0, 4, 'x', ?, ?, 0.9, ?)"
      )
      quote.run(a, 'Rex Tillerson', 'rex tillerson', 'direct')
      quote.run(b, 'Tehran', 'tehran', 'direct')
      quote.run(c, 'Ali Akbar Velayati', 'ali akbar velayati', 'direct')
      quote.run(c, 'Rex Tillerson', 'rex tillerson', 'scare')
      const ids = (q: string) => searchArticles(own.db, { query: q }).results.map((r) => r.id).sort()
      expect(ids('speaker:Tillerson')).toEqual([a])
      expect(ids('speaker:"Rex Tillerson" withdraw')).toEqual([a])
      expect(ids('speaker:"Rex Tillerson" ridiculous')).toEqual([])
      expect(ids('speaker:Velayati')).toEqual([c])
      own.db.prepare("INSERT INTO speaker_aliases(alias_key, speaker_key) VALUES ('tehran', 'ali akbar velayati')").run()
      expect(ids('speaker:"Ali Akbar Velayati"')).toEqual([b, c].sort())
      expect(ids('speaker:Tehran')).toEqual([b, c].sort())
      expect(searchArticles(own.db, { query: 'speaker:x' }).error).toBeUndefined()
    } finally {
      own.close()
    }
  })
})

describe('searchArticles: snippets', () => {
  it('takes each snippet from its own article (FTS5 ignores a REAL rowid, and better-sqlite3 binds numbers as REAL)', () => {
    const own = createTestDb()
    try {
      own.add({ title: 'One', text: 'alpha iran beta' } as TestArticle)
      own.add({ title: 'Two', text: 'gamma iran delta' } as TestArticle)
      const snippets = searchArticles(own.db, { query: 'iran' }).results.map((r) => `${r.title}: ${r.snippet}`).sort()
      expect(snippets).toEqual(['One: alpha \u0002iran\u0003 beta', 'Two: gamma \u0002iran\u0003 delta'])
    } finally {
      own.close()
    }
  })
})

describe('searchArticles: prepared statements are shared between query shapes', () => {
  it('answers a query the same whether or not another query ran before it on the connection', () => {
    const own = createTestDb()
    try {
      const a = own.add({ title: 'Harbour report', text: `${'The port was quiet. '.repeat(30)}A zanzibar ferry docked.` } as TestArticle)
      const b = own.add({ title: 'Weather', text: 'Sunny with light winds.' } as TestArticle)
      own.highlight(b, { exact: 'Sunny', note: 'Zanzibar zanzibar' })
      const ranked = () => searchArticles(own.db, { query: 'zanzibar -volcano' }).results.map((r) => r.id)
      const fresh = ranked()
      expect(sorted(fresh)).toEqual(sorted([a, b]))
      // Text alone reads its rows as arrays; the exclusion's ranking, with the same SQL, as objects.
      searchArticles(own.db, { query: 'zanzibar' })
      expect(ranked()).toEqual(fresh)
    } finally {
      own.close()
    }
  })
})

describe('searchArticles: a page of results is read in batches', () => {
  it('gives each hit its own snippet, tags and matching highlights (prefix and word queries)', () => {
    const own = createTestDb()
    try {
      const a = own.add({ title: 'Alpha', text: 'The economy grew. Economists were surprised by the economic data.', tags: ['Money', 'Asia'] } as TestArticle)
      const b = own.add({ title: 'Beta', text: 'Nothing to see here, only the weather.', tags: ['Weather'] } as TestArticle)
      const c = own.add({ title: 'Gamma', text: 'An economist spoke about rain.' } as TestArticle)
      own.highlight(b, { exact: 'only the weather', note: 'economy of words', tags: ['Quote', 'Aside'] })
      own.highlight(c, { exact: 'An economist spoke', tags: ['Quote'] })
      const r = searchArticles(own.db, { query: 'econom*' })
      expect(sorted(r.results.map((x) => x.id))).toEqual(sorted([a, b, c]))
      const byId = new Map(r.results.map((x) => [x.id, x]))
      expect(byId.get(a)?.snippet).toBe(`The ${SNIPPET_OPEN}economy${SNIPPET_CLOSE} grew. ${SNIPPET_OPEN}Economists${SNIPPET_CLOSE} were surprised by the ${SNIPPET_OPEN}economic${SNIPPET_CLOSE} data.`)
      expect(byId.get(c)?.snippet).toBe(`An ${SNIPPET_OPEN}economist${SNIPPET_CLOSE} spoke about rain.`)
      // Matched through a highlight's note only: no mark in the text, so the text's start.
      expect(byId.get(b)?.snippet).toBe('Nothing to see here, only the weather.')
      expect(byId.get(a)?.tags).toEqual(['Asia', 'Money'])
      expect(byId.get(b)?.tags).toEqual(['Weather'])
      expect(byId.get(c)?.tags).toEqual([])
      expect(byId.get(a)?.highlights).toEqual([])
      expect(byId.get(b)?.highlights.map((h) => [h.exact, h.tags])).toEqual([['only the weather', ['Aside', 'Quote']]])
      expect(byId.get(c)?.highlights.map((h) => [h.exact, h.tags])).toEqual([['An economist spoke', ['Quote']]])
      expect(searchArticles(own.db, { query: 'rain' }).results.map((x) => x.snippet)).toEqual([`An economist spoke about ${SNIPPET_OPEN}rain${SNIPPET_CLOSE}.`])
    } finally {
      own.close()
    }
  })

  it('matches site: on the URL host whatever its case', () => {
    const own = createTestDb()
    try {
      const a = own.add({ title: 'Upper', text: 'x', url: 'https://WWW.NYTimes.com/a' } as TestArticle)
      own.add({ title: 'Other', text: 'x', url: 'https://notnytimes.com/a' } as TestArticle)
      const b = own.add({ title: 'Sub', text: 'x', url: 'http://cooking.nytimes.com/b' } as TestArticle)
      expect(sorted(searchArticles(own.db, { query: 'site:nytimes.com' }).results.map((x) => x.id))).toEqual(sorted([a, b]))
      expect(searchArticles(own.db, { query: 'site:cooking' }).results.map((x) => x.id)).toEqual([b])
    } finally {
      own.close()
    }
  })
})

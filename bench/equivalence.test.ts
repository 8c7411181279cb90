/**
 * Search answers from indexes (sets of ids, migration 012) exactly what the plain, scanning
 * SQL over the same archive answers: the same totals, the same articles in the same order on
 * every page, the same facets and timeline.
 *
 * The archive: 1,200 generated articles (bench/corpus.ts, short ones) stored by the app's
 * storeArticle, with the generator's tags, highlights and quotations, plus the cases the
 * generator does not make: hosts with a subdomain, upper case or no scheme, articles without
 * an outlet or a date, an outlet name with a LIKE wildcard, speaker merges, scare quotes and a
 * tag used only on highlights. The reference SQL below is written the straightforward way —
 * one predicate per filter over every article row — independently of compile.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type DB } from '../src/main/db/connection'
import { storeArticle } from '../src/main/import/store'
import { setSpeakerAlias } from '../src/main/db/quotes'
import { searchArticles, windowWithin, SNIPPET_OPEN, SNIPPET_CLOSE, type SortOrder } from '../src/main/search/search'
import { fastArticle } from './fast'
import { compileQuery, highlightSet } from '../src/main/search/compile'
import { parseQuery } from '../src/main/search/parse'
import { matchSet } from '../src/main/search/match'

const SEED = 20240601
const N = 1200
/** Article 0's outlet: its URL gets the host news.<domain> below. */
const NEWS = new URL(fastArticle(SEED, 0, { words: 120 }).article.url).hostname.replace(/^www\./u, '')
let dir: string
let db: DB

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clipfile-equivalence-'))
  db = openDatabase(join(dir, 'archive.db'))
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const { article, highlights } = fastArticle(SEED, i, { words: 120 })
      const url =
        i % 97 === 0 ? article.url.replace('https://www.', 'https://news.') : i % 89 === 0 ? article.url.replace('https://www.', 'HTTPS://WWW.') : i % 83 === 0 ? article.url.replace('https://', '') : article.url
      storeArticle(db, {
        ...article,
        url,
        canonicalUrl: url,
        site: i % 79 === 0 ? null : i % 73 === 0 ? '50% Off_Weekly' : article.site,
        publishedAt: i % 71 === 0 ? null : article.publishedAt,
        language: i % 7 === 0 ? 'fr' : article.language,
        quotes: i % 67 === 0 ? article.quotes.map((q) => ({ ...q, kind: 'scare' as const })) : article.quotes,
        highlights: i % 61 === 0 ? highlights.map((h) => ({ ...h, tags: ['Hidden Angle'] })) : highlights
      })
    }
  })()
  // Two merges: a full name into another, and a surname-only key into a full name.
  const keys = db.prepare("SELECT DISTINCT speaker_key FROM quotes WHERE kind <> 'scare' ORDER BY speaker_key LIMIT 3").pluck().all() as string[]
  setSpeakerAlias(db, keys[1], keys[0])
  db.prepare("INSERT INTO quotes(article_id, start_pos, end_pos, text, speaker, speaker_key, confidence, kind) VALUES (5, 0, 4, 'text', 'Novak', 'novak', 0.5, 'direct')").run()
  setSpeakerAlias(db, 'novak', keys[2])
  // An independent host function for the reference: what lies between "://" and the next "/", lower-cased.
  db.function('ref_host', { deterministic: true }, (url: unknown) => {
    const u = String(url)
    const rest = u.includes('://') ? u.slice(u.indexOf('://') + 3) : u.slice(2)
    return rest.split('/')[0].toLowerCase()
  })
}, 120_000)

afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

// ---------------------------------------------------------------------------------------
// The reference: one predicate per filter, tested on every article row.

const text = (fts: string) =>
  `(a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH '${fts}') OR a.id IN (SELECT h.article_id FROM highlights h WHERE h.id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH '${fts}')))`
const tag = (name: string) =>
  `(EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id AND t.name = '${name}') OR ` +
  `EXISTS (SELECT 1 FROM highlights h JOIN highlight_tags x ON x.highlight_id = h.id JOIN tags t ON t.id = x.tag_id WHERE h.article_id = a.id AND t.name = '${name}'))`
const site = (domain: string, name = domain) =>
  `(a.site LIKE '%${name}%' OR ('.' || ref_host(a.url) || '.') LIKE '${domain.includes('.') ? `%.${domain}.` : `%.${domain}.%`}')`
const speaker = (key: string) =>
  `EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND q.kind <> 'scare' AND (q.speaker_key = '${key}'` +
  (key.includes(' ') ? '' : ` OR q.speaker_key LIKE '% ${key}'`) +
  ` OR coalesce((SELECT speaker_key FROM speaker_aliases WHERE alias_key = q.speaker_key), q.speaker_key) = coalesce((SELECT speaker_key FROM speaker_aliases WHERE alias_key = '${key}'), '${key}')))`

/** [query, reference predicate over `articles a`, whether the query has text to rank]. */
const CASES: [string, string][] = [
  ['site:dailyledger.example', site('dailyledger.example')],
  [`site:news.${NEWS}`, site(`news.${NEWS}`)],
  ['site:www.morningpost.example', site('morningpost.example', 'www.morningpost.example')],
  ['site:ledger', site('ledger')],
  ['site:"Morning Post"', site('morning post', 'Morning Post')],
  ['site:50%', `(a.site LIKE '%50\\%%' ESCAPE '\\' OR ('.' || ref_host(a.url) || '.') LIKE '%.50\\%.%' ESCAPE '\\')`],
  ['tag:Syria', tag('Syria')],
  ['tag:SYRIA', tag('Syria')],
  ['tag:"Hidden Angle"', tag('Hidden Angle')],
  ['after:2019-01 before:2019-07', "a.published_at >= '2019-01-01' AND a.published_at < '2019-07-01'"],
  ['-after:2016', "NOT coalesce(a.published_at >= '2016-01-01', 0)"],
  ['ceasefire tag:Syria after:2018', `${text('"ceasefire"')} AND ${tag('Syria')} AND a.published_at >= '2018-01-01'`],
  ['ceasefire -government', `${text('"ceasefire"')} AND NOT ${text('"government"')}`],
  ['government', text('"government"')],
  ['zeppelin OR ceasefire', text('("zeppelin" OR "ceasefire")')],
  ['econom*', text('("econom"* OR "econ"*)')],
  ['-tag:Syria', `NOT ${tag('Syria')}`],
  ['tag:Syria OR site:morningpost.example', `(${tag('Syria')} OR ${site('morningpost.example')})`],
  ['site:capitaltimes.example tag:Iran', `${site('capitaltimes.example')} AND ${tag('Iran')}`],
  ['lang:fr tag:Syria', `lower(a.language) = 'fr' AND ${tag('Syria')}`],
  ['is:highlight', 'EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)'],
  ['has:note', "EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id AND h.note <> '')"],
  ['-is:highlight tag:Syria', `NOT EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id) AND ${tag('Syria')}`],
  // One countable set and date ranges: counted and paged by SQLite from indexes (match.ts countedOf).
  ['tag:Syria after:2020', `${tag('Syria')} AND a.published_at >= '2020-01-01'`],
  ['tag:"Hidden Angle" after:2016 before:2024', `${tag('Hidden Angle')} AND a.published_at >= '2016-01-01' AND a.published_at < '2024-01-01'`],
  ['is:highlight after:2019', "EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id) AND a.published_at >= '2019-01-01'"],
  [
    'is:highlight tag:Syria',
    `${tag('Syria')} AND EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id AND (EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id ` +
      "WHERE x.article_id = a.id AND t.name = 'Syria') OR EXISTS (SELECT 1 FROM highlight_tags x JOIN tags t ON t.id = x.tag_id WHERE x.highlight_id = h.id AND t.name = 'Syria')))"
  ],
  // A word rarer than the tag: its doclist drives, tested on the tag's and dates' indexes
  // (match.ts textProbed); "angle" is found only through highlights' tags ("Hidden Angle").
  ['angle tag:Syria after:2016', `${text('"angle"')} AND ${tag('Syria')} AND a.published_at >= '2016-01-01'`],
  ['ceasefire tag:Iran', `${text('"ceasefire"')} AND ${tag('Iran')}`],
  // The dates folded into the tag's test (its copies of the dates, migration 014: match.ts probeSets).
  ['ceasefire tag:Syria after:2018', `${text('"ceasefire"')} AND ${tag('Syria')} AND a.published_at >= '2018-01-01'`],
  ['angle tag:"Hidden Angle" before:2021', `${text('"angle"')} AND ${tag('Hidden Angle')} AND a.published_at < '2021-01-01'`],
  // A word within one other set: the set read by SQLite in the doclist's statement, with the highlight matches (match.ts textWithinSet).
  ['government tag:Syria', `${text('"government"')} AND ${tag('Syria')}`],
  ['government speaker:novak', `${text('"government"')} AND ${speaker('novak')}`],
  ['ceasefire site:dailyledger.example', `${text('"ceasefire"')} AND ${site('dailyledger.example')}`],
  // A date range next to another set: listed from its index when short (the first), tested on the dates' index by id (the second).
  ['site:capitaltimes.example after:2019-01 before:2019-03', `${site('capitaltimes.example')} AND a.published_at >= '2019-01-01' AND a.published_at < '2019-03-01'`],
  ['site:capitaltimes.example after:2016', `${site('capitaltimes.example')} AND a.published_at >= '2016-01-01'`]
]

function reference(where: string, order: string): number[] {
  return db.prepare(`SELECT a.id FROM articles a WHERE ${where} ORDER BY ${order}`).pluck().all() as number[]
}

const ORDERS: Record<SortOrder, string> = {
  relevance: 'a.id DESC',
  newest: 'a.published_at DESC NULLS LAST, a.id DESC',
  oldest: 'a.published_at ASC NULLS LAST, a.id ASC'
}

/** Every id of a query, page by page. */
function allPages(query: string, sort: SortOrder): { ids: number[]; total: number } {
  const ids: number[] = []
  for (let offset = 0; ; offset += 200) {
    const r = searchArticles(db, { query, sort, limit: 200, offset })
    ids.push(...r.results.map((h) => h.id))
    if (r.results.length < 200) return { ids, total: r.total }
  }
}

function referenceFacets(ids: number[]) {
  const json = JSON.stringify(ids)
  const m = `WITH m(id) AS (SELECT value FROM json_each('${json}'))`
  const column = (c: string) =>
    db.prepare(`${m} SELECT a.${c} AS value, count(*) AS count FROM m JOIN articles a ON a.id = m.id WHERE a.${c} IS NOT NULL AND a.${c} <> '' GROUP BY a.${c} ORDER BY count DESC, value LIMIT 10`).all()
  return {
    tags: db
      .prepare(
        `${m}, x AS (SELECT at.article_id AS aid, at.tag_id AS tid FROM article_tags at WHERE at.article_id IN (SELECT id FROM m) ` +
          `UNION SELECT h.article_id, ht.tag_id FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id WHERE h.article_id IN (SELECT id FROM m)) ` +
          `SELECT t.name AS value, count(*) AS count FROM x JOIN tags t ON t.id = x.tid GROUP BY t.id ORDER BY count DESC, t.name LIMIT 10`
      )
      .all(),
    sites: column('site'),
    authors: column('byline'),
    timeline: db
      .prepare(
        `${m} SELECT substr(a.published_at, 1, 7) AS month, count(*) AS count FROM m JOIN articles a ON a.id = m.id ` +
          `WHERE a.published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' GROUP BY month ORDER BY month`
      )
      .all()
  }
}

describe('search from indexes = the plain SQL over every row', () => {
  it('the archive has what the cases need', () => {
    const count = (sql: string) => db.prepare(sql).pluck().get() as number
    expect(count('SELECT count(*) FROM articles')).toBe(N)
    expect(count("SELECT count(*) FROM articles WHERE url LIKE 'https://news.%'")).toBeGreaterThan(5)
    expect(count("SELECT count(*) FROM quotes WHERE kind = 'scare'")).toBeGreaterThan(10)
    expect(count('SELECT count(*) FROM speaker_aliases')).toBe(2)
  })

  it.each(CASES)('%s', (query, where) => {
    const expected = reference(where, ORDERS.relevance)
    expect(expected.length, 'the reference finds something').toBeGreaterThan(0)
    const hasText = /^[a-z-]*[a-z]+\*?(?: |$)/u.test(query.replace(/^-/u, '')) && !query.startsWith('-')
    for (const sort of ['relevance', 'newest', 'oldest'] as const) {
      const got = allPages(query, sort)
      expect(got.total).toBe(expected.length)
      if (sort === 'relevance' && hasText) expect([...got.ids].sort((x, y) => y - x)).toEqual(expected)
      else expect(got.ids).toEqual(reference(where, ORDERS[sort]))
    }
    const ui = searchArticles(db, { query, limit: 20, includeFacets: true, includeTimeline: true })
    const want = referenceFacets(expected)
    expect(ui.facetsSampled).toBe(false)
    expect(ui.facets).toEqual({ tags: want.tags, sites: want.sites, authors: want.authors })
    expect(ui.timeline).toEqual(want.timeline)
  })

  it.each([
    ['speaker by surname, one merged into a full name', 'novak'],
    ['speaker by full name, another merged into it', '']
  ])('%s', (_name, given) => {
    const key = given || (db.prepare("SELECT DISTINCT speaker_key FROM quotes WHERE kind <> 'scare' ORDER BY speaker_key LIMIT 1").pluck().get() as string)
    const expected = reference(speaker(key), ORDERS.relevance)
    expect(expected.length).toBeGreaterThan(0)
    const got = allPages(`speaker:"${key}"`, 'relevance')
    expect(got).toEqual({ ids: expected, total: expected.length })
    const withText = allPages(`speaker:"${key}" according`, 'newest')
    expect(withText.ids).toEqual(reference(`${speaker(key)} AND ${text('"according"')}`, ORDERS.newest))
  })

  it('a word found only through highlights, within one outlet (match.ts textWithinSet), is the plain SQL', () => {
    // "angle" is in no article's text, only in the tag of some highlights ("Hidden Angle").
    const url = db
      .prepare("SELECT a.url FROM articles a JOIN highlights h ON h.article_id = a.id WHERE h.id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH 'angle') ORDER BY a.id LIMIT 1")
      .pluck()
      .get() as string
    const host = new URL(url).hostname.replace(/^www\./u, '')
    const where = `${text('"angle"')} AND ${site(host)}`
    const expected = reference(where, ORDERS.relevance)
    expect(expected.length).toBeGreaterThan(0)
    expect(db.prepare(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'angle'`).pluck().get()).toBe(0)
    const got = allPages(`angle site:${host}`, 'newest')
    expect(got).toEqual({ ids: reference(where, ORDERS.newest), total: expected.length })
  })

  it('surnames shared by several speakers find all of them', () => {
    const surname = db.prepare(
      "SELECT substr(speaker_key, instr(speaker_key, ' ') + 1) AS s FROM quotes WHERE kind <> 'scare' AND speaker_key LIKE '% %' GROUP BY s ORDER BY count(DISTINCT speaker_key) DESC LIMIT 1"
    ).pluck().get() as string
    const expected = reference(speaker(surname), ORDERS.relevance)
    expect(new Set(db.prepare(`SELECT speaker_key FROM quotes WHERE speaker_key LIKE '% ${surname}'`).pluck().all()).size).toBeGreaterThan(1)
    expect(allPages(`speaker:${surname}`, 'relevance')).toEqual({ ids: expected, total: expected.length })
  })
})

describe('a counted set paged in two parts (match.ts splitPage)', () => {
  it.each([
    ['tag:Syria', tag('Syria')],
    ['tag:"Hidden Angle"', tag('Hidden Angle')],
    ['tag:Syria after:2020', `${tag('Syria')} AND a.published_at >= '2020-01-01'`]
  ])('%s: a page of any size at any offset is the same slice of the reference', (query, where) => {
    const expected = reference(where, ORDERS.relevance)
    expect(expected.length).toBeGreaterThan(3)
    for (const limit of [1, 7, 20]) {
      for (let offset = 0; offset <= expected.length + 1; offset += limit === 1 ? 1 : 3) {
        const r = searchArticles(db, { query, limit, offset })
        expect(r.results.map((h) => h.id), `${query} limit ${limit} offset ${offset}`).toEqual(expected.slice(offset, offset + limit))
      }
    }
  })

  it('the cases have articles tagged only through a highlight, among those tagged themselves', () => {
    const viaOnly = (name: string) =>
      db
        .prepare(
          `SELECT count(DISTINCT h.article_id) FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id JOIN tags t ON t.id = ht.tag_id
           WHERE t.name = ? AND NOT EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = h.article_id AND x.tag_id = t.id)`
        )
        .pluck()
        .get(name) as number
    expect(viaOnly('Syria')).toBeGreaterThan(2)
    expect(viaOnly('Hidden Angle')).toBeGreaterThan(2)
  })
})

describe('filters answered from indexes', () => {
  it.each(['tag:Syria', 'site:dailyledger.example', 'site:Ledger', 'speaker:novak', 'speaker:"astrid torres"', 'author:smith', 'is:highlight tag:Syria'])(
    '%s reads no table from end to end',
    (query) => {
      const q = compileQuery(parseQuery(query))
      const sets = q.conjuncts.map((c) => c.set).filter((s) => s !== null)
      expect(sets.length).toBe(q.conjuncts.length)
      for (const { sql, params } of sets) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)
        // No scan of a table, and no index that sends each entry back to the articles or quotes table.
        expect(plan.filter((d) => /^SCAN (articles|quotes|highlights|article_tags|a|q|h)\b(?! USING COVERING INDEX)/u.test(d))).toEqual([])
        expect(plan.filter((d) => /^SEARCH (articles|quotes) USING INDEX/u.test(d))).toEqual([])
      }
    }
  )
})

describe('a filtered text query: ranked and cut as over the whole window', () => {
  it('scores the window\'s matches in the set as scoring the whole window and filtering would, at any window size', () => {
    const tagged = matchSet(db, compileQuery(parseQuery('government tag:Syria'))).ids()
    expect(tagged.length).toBeGreaterThan(20)
    const every = Array.from({ length: N }, (_, i) => N - i)
    for (const [within, window] of [1, 7, 50, 400, 5000].flatMap((w) => [[tagged, w], [every, w]] as const)) {
      const inSet = new Set(within)
      const whole = db
        .prepare(
          "SELECT rowid AS id, bm25(articles_fts, 10.0, 2.0, 2.0, 1.0, 5.0) AS score FROM articles_fts WHERE articles_fts MATCH '\"government\"' ORDER BY rowid DESC LIMIT ?"
        )
        .all(window) as { id: number; score: number }[]
      const got = windowWithin(db, '"government"', [...within], window)
      expect(got.sort((a, b) => b.id - a.id)).toEqual(whole.filter((r) => inSet.has(r.id)))
    }
  })

  it.each(['ceasefire tag:Syria after:2018', 'government tag:Syria', 'according site:dailyledger.example', 'according tag:Syria'])(
    '%s: snippets by one pass over the page\'s range or per hit are the one-pass statement\'s',
    (query) => {
      const fts = compileQuery(parseQuery(query)).fts as string
      const scan = db.prepare(
        `SELECT rowid, snippet(articles_fts, 3, ?, ?, '…', 14) FROM articles_fts WHERE articles_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`
      )
      const entries = db.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?').pluck()
      let marked = 0
      let wide = 0
      // Pages of 40 (a short range: one pass) and of 2 by date (ids far apart: looked up per hit).
      for (const input of [{ limit: 40, offset: 0 }, ...[0, 2, 4, 6, 8, 10].map((offset) => ({ limit: 2, offset, sort: 'newest' as const }))]) {
        const r = searchArticles(db, { query, ...input })
        const ids = r.results.map((h) => h.id)
        if (ids.length === 0) continue
        if ((entries.get(fts, Math.min(...ids), Math.max(...ids)) as number) > 400 * ids.length) wide++
        const want = new Map(scan.raw(true).all(SNIPPET_OPEN, SNIPPET_CLOSE, fts, JSON.stringify(ids)) as [number, string][])
        for (const hit of r.results) if (want.has(hit.id)) expect(hit.snippet).toBe(want.get(hit.id))
        marked += r.results.filter((h) => h.snippet.includes(SNIPPET_OPEN)).length
      }
      expect(marked).toBeGreaterThan(5)
      if (query.startsWith('according site:')) expect(wide, 'some page is looked up per hit').toBeGreaterThan(0)
    }
  )
})

describe('one set and date ranges, counted and paged from indexes', () => {
  it.each(['tag:Syria', 'tag:Syria after:2020', 'is:highlight', 'is:highlight after:2019 before:2023'])('%s reads no table', (query) => {
    const q = compileQuery(parseQuery(query))
    const set = (q.highlightsOnly ? null : q.conjuncts.find((c) => c.set?.counted)?.set?.counted) ?? (query.startsWith('is:') ? highlightSet(false).counted : undefined)
    expect(set).toBeDefined()
    const probes = q.conjuncts.map((c) => c.set?.probe).filter((p) => p !== undefined)
    const cond = (id: string) => {
      const tests = probes.map((p) => p(id))
      return { sql: tests.length ? tests.map((t) => t.sql).join(' AND ') : '1', params: tests.flatMap((t) => t.params) }
    }
    for (const { sql, params } of [set!.count(cond), set!.newest(cond)]) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)
      expect(plan.filter((d) => /^SCAN (?!CONSTANT ROW)/u.test(d) && !/COVERING INDEX/u.test(d))).toEqual([])
      expect(plan.filter((d) => /^SEARCH \w+ USING INTEGER PRIMARY KEY/u.test(d))).toEqual([])
    }
  })
})

describe("a prefix ranked without FTS5's prefix merge (prefix-scores.ts)", () => {
  it.each(['econom*', 'negotiat*', 'econom* government', 'clim* summit', 'minist* OR zeppelin', 'gov*'])(
    "%s: the articles matched by their own text come in FTS5's bm25 order, with its scores",
    (query) => {
      const fts = compileQuery(parseQuery(query)).fts as string
      expect(fts).toContain('*')
      // Fewer matches than the ranking window: every own match is ranked.
      const own = db
        .prepare(
          'SELECT rowid, bm25(articles_fts, 10.0, 2.0, 2.0, 1.0, 5.0) AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score, rowid DESC'
        )
        .raw(true)
        .all(fts) as [number, number][]
      expect(own.length).toBeGreaterThan(5)
      const ownIds = new Set(own.map(([id]) => id))
      const got: [number, number][] = []
      for (let offset = 0; ; offset += 200) {
        const r = searchArticles(db, { query, limit: 200, offset })
        got.push(...r.results.filter((h) => ownIds.has(h.id)).map((h): [number, number] => [h.id, h.score]))
        if (r.results.length < 200) break
      }
      expect(got).toEqual(own.map(([id, score]) => [id, -score || 0]))
    }
  )
})

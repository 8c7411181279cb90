/**
 * The query language on the team server finds what it finds locally: the same archive, pushed,
 * searched both ways, query by query (the set of articles and the total; the order is the
 * rankings' business, measured by npm run bench:team).
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { openApp, type App } from '../../src/main/app'
import { storeArticle } from '../../src/main/import/store'
import { searchArticles } from '../../src/main/search/search'
import * as sync from '../../src/main/sync/service'
import { addUser } from '../../src/team/store/users'
import { countTextAndFilters, teamSearch } from '../../src/team/search'
import { compileTsquery } from '../../src/main/search/tsquery'
import { parseQueryLenient } from '../../src/main/search/parse'
import { makeRng, pick, int, chance } from '../support/prng'
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../src/shared/vocabulary'
import { pgSkipReason, startTeam, type TeamFixture } from '../support/team'

const skip = pgSkipReason()

const WORDS = 'minister council budget vote strike union police court election campaign treaty border refugee climate summit energy pipeline drought harvest museum'.split(' ')
const SITES = [['The Daily Ledger', 'dailyledger.example'], ['Wire Service', 'news.wire.example'], ['Le Monde Test', 'lemonde.example']]
const AUTHORS = ['Jane Doe', 'Ana Lima', 'José Álvarez', 'Rex Tillerson']
const TAGS = ['Syria', 'Iran', 'Middle East', 'Opinion']

function corpus(app: App): void {
  const rng = makeRng(19)
  const db = app.ctx.db
  db.transaction(() => {
    for (let i = 0; i < 60; i++) {
      const [site, domain] = pick(rng, SITES)
      const words = Array.from({ length: int(rng, 30, 120) }, () => pick(rng, WORDS))
      if (chance(rng, 0.2)) words.splice(int(rng, 0, words.length), 0, 'café', 'negotiators')
      const text = `${words.join(' ')}.\n\n${pick(rng, WORDS)} ${pick(rng, WORDS)} "${pick(rng, WORDS)} ${pick(rng, WORDS)}," said ${pick(rng, AUTHORS)}.`
      const title = `${pick(rng, WORDS)} ${pick(rng, WORDS)} report ${i}`
      const tags = chance(rng, 0.4) ? [pick(rng, TAGS)] : []
      const highlight = text.slice(0, 30).trim()
      storeArticle(db, {
        url: `https://${chance(rng, 0.3) ? 'www.' : ''}${domain}/story/${i}`, canonicalUrl: null, title, byline: null, authors: [pick(rng, AUTHORS)], agency: null, dir: 'ltr', site,
        publishedAt: chance(rng, 0.9) ? `20${int(rng, 15, 24)}-0${int(rng, 1, 9)}-1${int(rng, 0, 9)}T10:00:00Z` : null,
        modifiedAt: null, language: pick(rng, ['en', 'en-GB', 'fr']), excerpt: null, wordCount: words.length,
        contentHash: createHash('sha256').update(text + i).digest('hex'),
        doc: { type: 'doc', content: text.split('\n\n').map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) },
        text, assets: [], tags,
        highlights: chance(rng, 0.3) ? [{ quote: highlight, note: chance(rng, 0.5) ? `about the ${pick(rng, WORDS)}` : undefined, tags: chance(rng, 0.5) ? [pick(rng, TAGS)] : [] }] : []
      })
    }
  }).immediate()
}

describe.skipIf(skip !== '')(`team search agrees with local search${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 60_000 }, () => {
  let t: TeamFixture
  let app: App
  let dir: string
  beforeAll(async () => {
    t = await startTeam()
    const { token } = await addUser(t.pool, 'ana', 'editor')
    dir = mkdtempSync(join(tmpdir(), 'clipfile-team-search-'))
    app = openApp(join(dir, 'a.db'))
    corpus(app)
    await sync.join(app.ctx.db, t.server.url, token)
    sync.setPolicy(app.ctx.db, 'all')
    await sync.pushAll(app.ctx.db)
    await t.pool.query('ANALYZE')
  }, 120_000)
  afterAll(() => {
    app?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const QUERIES = [
    'minister', 'budget vote', '"climate summit"', 'strike OR drought', 'police -court', 'negotiat*', 'cafe', 'museum -(vote OR court)',
    'tag:Syria', 'tag:"Middle East"', '-tag:Opinion', 'site:dailyledger.example', 'site:wire.example', 'site:"Wire Service"', 'author:"jose alvarez"',
    'after:2020', 'after:2018-03 before:2021', 'lang:en', 'is:highlight', 'has:note', 'is:highlight budget', 'tag:Iran OR police',
    '(strike OR vote) tag:Syria after:2016', 'report 7', 'refugee border -tag:Iran', '',
    // Exclusions folded into the text's tsquery (a phrase, a word of highlights and notes), text with filters.
    'police -"climate summit"', 'minister -cafe', 'budget -(museum OR treaty) -police', 'budget tag:Syria', 'minister site:dailyledger.example'
  ]

  it.each(QUERIES)('%s', async (query) => {
    const local = searchArticles(app.ctx.db, { query, limit: 200 })
    const team = await teamSearch(t.pool, { query, sort: 'relevance', limit: 200, offset: 0, facets: false, timeline: false })
    const uuid = app.ctx.db.prepare('SELECT uuid FROM articles WHERE id = ?').pluck()
    expect(team.total, query).toBe(local.total)
    expect(new Set(team.results.map((h) => h.uuid)), query).toEqual(new Set(local.results.map((h) => uuid.get(h.id))))
    // Matching highlights are listed alike.
    const quotes = (r: typeof team.results) => r.flatMap((h) => h.highlights.map((x) => x.exact)).sort()
    expect(quotes(team.results), query).toEqual(quotes(local.results))
  })

  // The id-set count is chosen at scale only (thousands of filtered articles): checked here directly.
  it.each(['budget tag:Syria', 'minister site:dailyledger.example', '(strike OR vote) tag:Syria after:2016', 'police after:2018 -court', 'climate lang:en'])('counts text and filters as id sets alike: %s', async (query) => {
    const local = searchArticles(app.ctx.db, { query, limit: 1 })
    expect(await countTextAndFilters(t.pool, compileTsquery(parseQueryLenient(query).ast)), query).toBe(local.total)
  })

  it('answers facets, a timeline and snippets with marked matches', async () => {
    const r = await teamSearch(t.pool, { query: 'minister', sort: 'relevance', limit: 5, offset: 0, facets: true, timeline: true })
    const local = searchArticles(app.ctx.db, { query: 'minister', limit: 5, includeFacets: true, includeTimeline: true })
    expect(r.facets.sites).toEqual(local.facets.sites)
    expect(r.timeline).toEqual(local.timeline)
    expect(r.results[0].snippet.toLowerCase()).toContain(`${SNIPPET_OPEN}minister${SNIPPET_CLOSE}`)
    const bad = await teamSearch(t.pool, { query: 'budget "unclosed', sort: 'relevance', limit: 5, offset: 0, facets: false, timeline: false })
    expect(bad.error?.message).toMatch(/unclosed quote/)
  })
})

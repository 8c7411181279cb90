/**
 * Following an article on a loopback news site whose article changes between requests:
 * the headline rewritten, a quote corrected, a paragraph added; then unchanged; then gone
 * (404, then 410); then moved by a redirect. Time is a fake clock, so the schedule, the
 * per-host pause and the back-off are observed without waiting.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { openApp, type App } from '../app'
import { tempDbPath } from '../../../test/support/tmp'
import { articlePage } from '../../../test/support/pages'
import { fakeClock, type FakeClock } from '../../../test/support/clock'
import type { Result } from '../../shared/result'
import { MINUTE } from './schedule'
import { followState } from './follow'

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const P1 = [
  'Negotiators met in Vienna on Monday for a third round of talks on a ceasefire in the north, officials said.',
  '“We are close to an agreement,” the foreign minister, Ana Lima, told reporters outside the hotel.',
  'The talks are expected to continue through the week, with both delegations staying in the city.'
]
const P2 = [P1[0], '“We are not close to an agreement,” the foreign minister, Ana Lima, told reporters outside the hotel.', P1[2], 'A spokesman for the opposition declined to comment.']
const V1 = articlePage({ title: 'Ceasefire talks resume in Vienna', byline: 'Jo Reporter', paragraphs: P1, published: new Date().toISOString() })
const V2 = articlePage({ title: 'Ceasefire talks stall in Vienna', byline: 'Jo Reporter', paragraphs: P2, published: new Date().toISOString() })
const V3 = articlePage({ title: 'Ceasefire talks stall in Vienna', byline: 'Jo Reporter', paragraphs: [...P2, 'Talks resume on Friday.'] })

interface Hit {
  path: string
  at: number
  ifNoneMatch?: string
  ifModifiedSince?: string
}

type Answer = (req: IncomingMessage, res: ServerResponse) => void

/** A news site on loopback: `routes[path]` answers, changeable between requests; every request is logged with the fake time. */
async function newsSite(clock: FakeClock) {
  const hits: Hit[] = []
  const routes: Record<string, Answer> = {}
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]
    hits.push({ path, at: clock.now(), ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] })
    const route = routes[path]
    if (route) route(req, res)
    else {
      res.writeHead(404, { 'Content-Type': 'text/html' })
      res.end('<h1>Not found</h1>')
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  closers.push(() => new Promise<void>((r) => {
    server.closeAllConnections()
    server.close(() => r())
  }))
  const port = (server.address() as AddressInfo).port
  return { url: (p: string) => `http://127.0.0.1:${port}${p}`, hits, routes }
}

/** A page with validators; a request carrying them gets 304 while the page is the same. */
const page = (html: string, etag: string | null): Answer => (req, res) => {
  if (etag && req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag })
    return res.end()
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(etag ? { ETag: etag, 'Last-Modified': 'Mon, 04 Mar 2024 10:00:00 GMT' } : {}) })
  res.end(html)
}
const status = (code: number, headers: Record<string, string> = {}): Answer => (_req, res) => {
  res.writeHead(code, { 'Content-Type': 'text/html', ...headers })
  res.end(`<h1>${code}</h1>`)
}

const closers: (() => Promise<void>)[] = []
let app: App | null = null
afterEach(async () => {
  app?.close()
  app = null
  for (const c of closers.splice(0)) await c()
})

function start(clock: FakeClock, o: { hostGapMs?: number; concurrency?: number; online?: () => boolean } = {}): App {
  app = openApp(tempDbPath(), { inThread: true, rechecks: { clock, hostGapMs: o.hostGapMs ?? 0, concurrency: o.concurrency ?? 2, online: o.online ?? (() => true) } })
  return app
}

async function importUrl(a: App, url: string): Promise<number> {
  const r = must(await a.api.importItems({ items: [{ kind: 'url', url }] }))
  expect(r.failed, JSON.stringify(r.results)).toBe(0)
  return r.results[0].id!
}

describe('following an article that changes on its site', () => {
  it('records versions only for real changes, says when the page is gone, and follows a redirect', async () => {
    const clock = fakeClock(Date.now())
    const site = await newsSite(clock)
    const a = start(clock)
    site.routes['/news/ceasefire'] = page(V1, '"v1"')
    const id = await importUrl(a, site.url('/news/ceasefire'))
    const quote = must(await a.api.addHighlight({ articleId: id, quote: 'We are close to an agreement' }))
    const check = async () => must(await a.api.recheck({ ids: [id] })).results[0]

    // Unchanged: first without validators (the import learnt none), then with them: 304.
    expect(await check()).toMatchObject({ outcome: 'unchanged', version: 1, status: 200 })
    expect(await check()).toMatchObject({ outcome: 'unchanged', version: 1, status: 304, message: 'not modified since the last check (HTTP 304)' })
    expect(site.hits.slice(-1)[0]).toMatchObject({ ifNoneMatch: '"v1"', ifModifiedSince: 'Mon, 04 Mar 2024 10:00:00 GMT' })

    // The headline rewritten, the quote corrected, a paragraph added.
    site.routes['/news/ceasefire'] = page(V2, '"v2"')
    expect(await check()).toMatchObject({ outcome: 'changed', version: 2, status: 200, message: 'new version 2' })
    const d = must(await a.api.diffVersions({ articleId: id }))
    expect(d.title.changes).toEqual([
      { op: 'equal', text: 'Ceasefire talks ' },
      { op: 'delete', text: 'resume' },
      { op: 'insert', text: 'stall' },
      { op: 'equal', text: ' in Vienna' }
    ])
    expect(d.changes).toEqual([
      { op: 'equal', text: `${P1[0]}\n\n“We are ` },
      { op: 'insert', text: 'not ' },
      { op: 'equal', text: `close to an agreement,” the foreign minister, Ana Lima, told reporters outside the hotel.\n\n${P1[2]}` },
      { op: 'insert', text: '\n\nA spokesman for the opposition declined to comment.' }
    ])
    expect(d.summary.quotes).toEqual([{ kind: 'changed', before: 'We are close to an agreement,', after: 'We are not close to an agreement,', speaker: 'Ana Lima' }])
    expect(d.highlights).toEqual([
      { id: quote.id, color: 'yellow', note: '', before: 'We are close to an agreement', after: 'We are not close to an agreement', changedIn: 2 }
    ])
    expect(must(await a.api.listVersions({ articleId: id }))[1]).toMatchObject({ how: 'recheck', url: site.url('/news/ceasefire') })

    // Unchanged again, from a server that ignores validators: a check, no version.
    site.routes['/news/ceasefire'] = page(V2, null)
    expect(await check()).toMatchObject({ outcome: 'unchanged', version: 2, status: 200 })
    expect(must(await a.api.listVersions({ articleId: id }))).toHaveLength(2)

    // Gone: 404 keeps the article and says so, still followed (it may come back); 410 stops following.
    site.routes['/news/ceasefire'] = status(404)
    expect(await check()).toMatchObject({ outcome: 'gone', status: 404, version: 2, message: 'the page is gone (HTTP 404); the article is kept as it was' })
    const kept = must(await a.api.getArticle({ id }))
    expect(kept).toMatchObject({ title: 'Ceasefire talks stall in Vienna', version: 2 })
    let follow = must(await a.api.getFollow({ articleId: id }))
    expect(follow).toMatchObject({ following: true, gone: { status: 404 } })
    site.routes['/news/ceasefire'] = status(410)
    expect(await check()).toMatchObject({ outcome: 'gone', status: 410 })
    follow = must(await a.api.getFollow({ articleId: id }))
    expect(follow).toMatchObject({ following: false, nextCheckAt: null, gone: { status: 410 } })
    expect(must(await a.api.getArticle({ id })).text).toBe(kept.text)

    // Moved: the redirect is followed, recorded, and (permanent) becomes the address checked.
    site.routes['/news/ceasefire'] = (_req, res) => {
      res.writeHead(301, { Location: '/news/2024/ceasefire-talks' })
      res.end()
    }
    site.routes['/news/2024/ceasefire-talks'] = page(V3, '"v3"')
    expect(await check()).toMatchObject({ outcome: 'changed', version: 3, url: site.url('/news/2024/ceasefire-talks'), message: `new version 3; redirected to ${site.url('/news/2024/ceasefire-talks')}` })
    follow = must(await a.api.getFollow({ articleId: id }))
    expect(follow.gone).toBeNull()
    expect(follow.checks.map((c) => [c.outcome, c.status ?? c.how])).toEqual([
      ['changed', 'recheck'],
      ['gone', 410],
      ['gone', 404],
      ['unchanged', 'recheck'],
      ['changed', 'recheck'],
      ['unchanged', 304],
      ['unchanged', 'recheck']
    ])
    expect(must(await a.api.listVersions({ articleId: id }))[2].url).toBe(site.url('/news/2024/ceasefire-talks'))
    site.routes['/news/2024/ceasefire-talks'] = page(V3, '"v3"')
    expect(await check()).toMatchObject({ outcome: 'unchanged', status: 304 })
    expect(site.hits.slice(-1)[0].path).toBe('/news/2024/ceasefire-talks')
    // The article keeps the address it was saved from.
    expect(must(await a.api.getArticle({ id })).url).toBe(site.url('/news/ceasefire'))

    // Taken down by redirecting to the front page: gone, not a new version made of the front page.
    site.routes['/news/2024/ceasefire-talks'] = (_req, res) => {
      res.writeHead(302, { Location: '/' })
      res.end()
    }
    site.routes['/'] = page(articlePage({ title: 'Front page', paragraphs: ['Today’s top stories from around the region and the world, updated through the day by our newsroom.'] }), null)
    expect(await check()).toMatchObject({ outcome: 'gone', version: 3, url: site.url('/'), message: `the address now redirects to the site's home page (${site.url('/')}); the article is kept as it was` })
    expect(must(await a.api.listVersions({ articleId: id }))).toHaveLength(3)
    expect(must(await a.api.getArticle({ id }))).toMatchObject({ title: 'Ceasefire talks stall in Vienna', version: 3 })
  })

  it('calls the same host once per pause, never more than N at once, and waits as long as a busy site asks', async () => {
    const clock = fakeClock(Date.now())
    const site = await newsSite(clock)
    const a = start(clock, { hostGapMs: 10_000, concurrency: 2 })
    const ids: number[] = []
    for (const n of [1, 2, 3, 4]) {
      site.routes[`/a${n}`] = page(articlePage({ title: `Story number ${n} about the harbour`, byline: 'Jo Reporter' }), null)
      ids.push(await importUrl(a, site.url(`/a${n}`)))
    }
    let inFlight = 0
    let most = 0
    for (const n of [1, 2, 3, 4]) {
      const answer = site.routes[`/a${n}`]
      site.routes[`/a${n}`] = (req, res) => {
        most = Math.max(most, ++inFlight)
        setTimeout(() => {
          inFlight--
          answer(req, res)
        }, 20)
      }
    }
    const from = site.hits.length
    const r = must(await a.api.recheck({ ids }))
    expect(r).toMatchObject({ checked: 4, unchanged: 4, failed: 0 })
    const times = site.hits.slice(from).map((h) => h.at)
    expect(times).toHaveLength(4)
    for (let k = 1; k < times.length; k++) expect(times[k] - times[k - 1]).toBeGreaterThanOrEqual(10_000)
    expect(most).toBe(1) // one host: one request at a time

    // Three sites at once: at most two requests in flight (the concurrency), one per site.
    const sites = [await newsSite(clock), await newsSite(clock), await newsSite(clock)]
    const spread: number[] = []
    let all = 0
    let mostAll = 0
    for (const [k, s] of sites.entries()) {
      s.routes['/x'] = (req, res) => {
        mostAll = Math.max(mostAll, ++all)
        setTimeout(() => {
          all--
          page(articlePage({ title: `Site ${k} story about the river crossing`, byline: 'Jo Reporter' }), null)(req, res)
        }, 200)
      }
      spread.push(await importUrl(a, s.url('/x')))
    }
    expect(must(await a.api.recheck({ ids: spread }))).toMatchObject({ checked: 3, unchanged: 3 })
    expect(mostAll).toBe(2)

    // 429 with Retry-After: the next request to that host waits two minutes.
    site.routes['/a1'] = status(429, { 'Retry-After': '120' })
    const busy = must(await a.api.recheck({ ids: [ids[0]] })).results[0]
    expect(busy).toMatchObject({ outcome: 'failed', status: 429, message: 'the site asked to wait (HTTP 429)' })
    const asked = clock.now()
    must(await a.api.recheck({ ids: [ids[1]] }))
    expect(site.hits.slice(-1)[0].at - asked).toBeGreaterThanOrEqual(120_000)
  })

  it('runs due checks on the schedule, backs off on errors, and pauses while offline', async () => {
    const clock = fakeClock(Date.now(), { auto: false })
    const site = await newsSite(clock)
    let online = false
    const a = start(clock, { online: () => online })
    site.routes['/s'] = page(V1, null)
    const id = await importUrl(a, site.url('/s'))
    const follow = must(await a.api.getFollow({ articleId: id }))
    const due = Date.parse(follow.nextCheckAt!)
    expect(due - Date.parse(follow.checks.length ? follow.checks[0].checkedAt : new Date().toISOString())).toBeLessThanOrEqual(15 * MINUTE)
    const hits = () => site.hits.filter((h) => h.path === '/s').length
    const imported = hits()

    a.ctx.rechecks.start()
    clock.set(due + 1)
    await settle()
    expect(hits()).toBe(imported) // offline: nothing asked
    online = true
    clock.advance(60_000)
    await until(() => hits() === imported + 1)
    await until(() => must2(a).checks.length === 1)
    const after = must2(a)
    // Checked at the fake time; the next check a quarter of an hour later (the article is hours old).
    expect(Date.parse(after.lastCheckedAt!)).toBe(clock.now())
    expect(Date.parse(after.nextCheckAt!) - clock.now()).toBe(15 * MINUTE)

    // Errors back off: 15, 30, 60 minutes.
    site.routes['/s'] = status(500)
    const gaps: number[] = []
    for (let k = 0; k < 3; k++) {
      clock.set(Date.parse(must2(a).nextCheckAt!))
      await until(() => must2(a).checks.length === 2 + k)
      gaps.push(Date.parse(must2(a).nextCheckAt!) - clock.now())
    }
    expect(gaps).toEqual([15, 30, 60].map((m) => m * MINUTE))
    expect(must2(a).checks[0]).toMatchObject({ outcome: 'failed', message: 'HTTP 500 Internal Server Error' })
    await a.ctx.rechecks.stop()

    function must2(x: App) {
      return followState(x.ctx.db, id, clock.now())
    }
  })
})

const settle = () => new Promise((r) => setTimeout(r, 50))

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 5))
  }
}

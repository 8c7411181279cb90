/**
 * Bad input through the real api: every generated case is imported or refused with one
 * line a person can read, the process survives, and a refusal leaves no partial rows.
 * Then every method of the contract is fed malformed payloads generated from its schema.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { zipSync, strToU8 } from 'fflate'
import type { z } from 'zod'
import { openApp, type App } from '../../src/main/app'
import { tempDbPath, tempDir } from '../support/tmp'
import { loopbackServer, PNG_40x30, type Route } from '../support/http'
import { articlePage } from '../support/pages'
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, fetchPage } from '../../src/main/page/fetch'
import { methodNames, schemas, type ImportItem, type MethodName } from '../../src/shared/api'

let app: App
beforeEach(() => {
  app = openApp(tempDbPath())
})
afterEach(() => {
  vi.useRealTimers()
  app.close()
})

const PROSE = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of an ordinary report on the harbour council, where members argued for hours about the budget for the coming year and what it would mean for the ferry service.</p>`
).join('\n')
const page = (title: string, extra = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${PROSE}${extra}</article></body></html>`

function counts() {
  const n = (table: string) => (app.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  return { articles: n('articles'), content: n('article_content'), assets: n('assets'), tags: n('tags'), articleTags: n('article_tags') }
}

/** A reason a person can read: one short line, no stack, no internals. */
function expectOneLineReason(reason: string | undefined, label: string): void {
  expect(reason, label).toBeTypeOf('string')
  const r = reason!
  expect(r.length, `${label}: ${r}`).toBeGreaterThan(0)
  expect(r.length, `${label}: ${r}`).toBeLessThanOrEqual(200)
  expect(r, label).not.toMatch(/[\r\n]/)
  expect(r, label).not.toMatch(/\bat Object\.|\bat \S+ \(|node:internal|\.[cm]?[jt]s:\d+|SQLITE_|Error:/)
  // An "unexpected error" is a failure nobody planned for: it logs a stack trace.
  expect(r, label).not.toMatch(/^unexpected error/)
}

type Outcome = 'imported' | 'refused'

/**
 * Imports one item (with a tag, so a refused import that half-wrote would leave tag rows),
 * checks the result has a reason when refused, and that a refusal changed no rows.
 */
async function importCase(label: string, item: ImportItem, expected: Outcome, expectReason?: RegExp, force = false) {
  const before = counts()
  const r = await app.api.importItems({ items: [item], tags: ['hostile-input'], force })
  if (!r.ok) throw new Error(`${label}: the call itself failed: ${r.error.message}`)
  expect(r.value.results, label).toHaveLength(1)
  const result = r.value.results[0]
  const outcome: Outcome = result.ok ? 'imported' : 'refused'
  expect(outcome, `${label}: ${result.error ?? result.title}`).toBe(expected)
  if (outcome === 'refused') {
    expectOneLineReason(result.error, label)
    if (expectReason) expect(result.error, label).toMatch(expectReason)
    expect(counts(), `${label}: rows after a refused import`).toEqual(before)
  } else {
    const after = counts()
    expect(after.articles, label).toBe(before.articles + (result.status === 'created' ? 1 : 0))
    expect(after.content, label).toBe(after.articles)
    const got = await app.api.getArticle({ id: result.id! })
    if (!got.ok) throw new Error(got.error.message)
    expect(got.value.text.trim().length, label).toBeGreaterThan(0)
  }
  // Whatever happened, the archive is still whole.
  const orphans = app.ctx.db.prepare('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_content c WHERE c.article_id = a.id)').get()
  expect(orphans, label).toEqual({ n: 0 })
  return result
}

const file = (name: string, bytes: Buffer): ImportItem => ({ kind: 'file', name, base64: bytes.toString('base64') })

describe('bad input: files', () => {
  beforeEach(async () => {
    // One article already there, so a refusal that deleted or rewrote rows would show.
    const r = await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Already archived' }) }] })
    expect(r.ok && r.value.created).toBe(1)
  })

  it('refuses binary files named .html: random bytes, a PNG, a zip, a gzip, NUL bytes', async () => {
    const zip = Buffer.from(zipSync({ 'story.txt': strToU8('a story '.repeat(500)) }))
    const nul = Buffer.alloc(64 * 1024) // all NUL
    const cases: [string, Buffer][] = [
      ['random.html', randomBytes(64 * 1024)],
      ['photo.html', PNG_40x30],
      ['archive.html', zip],
      ['page.html', gzipSync(Buffer.from(page('Compressed page')))],
      ['zeros.html', nul]
    ]
    for (const [name, bytes] of cases) {
      await importCase(name, file(name, bytes), 'refused', /binary file/)
      // --force saves pages with no article in them; it must not save binary data as text.
      await importCase(`${name} with --force`, file(name, bytes), 'refused', /binary file/, true)
    }
    // A page with a stray control character or two is still a page.
    await importCase('page with stray controls', file('ok.html', Buffer.from(page('Stray controls').replace('<p>Paragraph 2', '<p>\u0001\u0002 Paragraph 2'))), 'imported')
  })

  it('refuses empty files (sent by the UI, or on disk) with the reason', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'empty.html'), '')
    await importCase('empty file on disk', { kind: 'path', path: join(dir, 'empty.html') }, 'refused', /empty/)
    writeFileSync(join(dir, 'blank.html'), '   \n\t  \n')
    await importCase('whitespace-only file', { kind: 'path', path: join(dir, 'blank.html') }, 'refused')
    await importCase('one space sent by the UI', file('space.html', Buffer.from(' ')), 'refused')
    // An empty payload never reaches the importer: the schema refuses it, naming the field.
    const r = await app.api.importItems({ items: [{ kind: 'file', name: 'empty.html', base64: '' }] })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('items.0.base64') } })
  })

  it('imports a 20 MB+ page from disk, and refuses one over the download cap from a server', async () => {
    const paragraph = `<p>${'Lorem ipsum dolor sit amet, the council said, and the harbour was quiet again. '.repeat(12)}</p>\n`
    const big = page('A very long page', paragraph.repeat(Math.ceil((21 * 1024 * 1024) / paragraph.length)))
    expect(big.length).toBeGreaterThan(20 * 1024 * 1024)
    const dir = tempDir()
    writeFileSync(join(dir, 'big.html'), big)
    const result = await importCase('20 MB page on disk', { kind: 'path', path: join(dir, 'big.html') }, 'imported')
    expect(result.title).toBe('A very long page')

    const oversized = Buffer.alloc(DEFAULT_MAX_BYTES + 1024, 'a')
    const site = await loopbackServer({
      '/big': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' })
        res.end(oversized)
      },
      // No Content-Length: the cap must stop the stream itself.
      '/big-chunked': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' })
        for (let i = 0; i < oversized.length; i += 1024 * 1024) res.write(oversized.subarray(i, i + 1024 * 1024))
        res.end()
      }
    })
    await importCase('page over the cap', { kind: 'url', url: site.url('/big') }, 'refused', /larger than 20 MB/)
    await importCase('chunked page over the cap', { kind: 'url', url: site.url('/big-chunked') }, 'refused', /larger than 20 MB/)
  }, 120_000)

  it('survives 200,000-deep nesting: refused with the reason, quickly enough to finish', async () => {
    const deep = page('Deep page', `${'<div>'.repeat(200_000)}the bottom${'</div>'.repeat(200_000)}`)
    await importCase('200,000 nested divs', file('deep.html', Buffer.from(deep)), 'refused', /nest/)
    const unclosed = page('Unclosed tags', '<font>'.repeat(200_000))
    await importCase('200,000 unclosed font tags', file('font.html', Buffer.from(unclosed)), 'refused', /nest/)
  }, 60_000)

  it('imports a page nested deeper than any real article (1,500 levels), keeping its text', async () => {
    const deep = page('Moderately deep page', `${'<div>'.repeat(1500)}<p>The words at the very bottom of the nest.</p>${'</div>'.repeat(1500)}`)
    const result = await importCase('1,500 nested divs', file('deep.html', Buffer.from(deep)), 'imported')
    const got = await app.api.getArticle({ id: result.id! })
    expect(got.ok && got.value.text).toContain('Paragraph 8 of an ordinary report')
  }, 60_000)

  it('imports invalid UTF-8 and pages whose declared charset lies', async () => {
    const broken = Buffer.concat([
      Buffer.from(page('Broken bytes').replace('</article>', '<p>bad bytes: ')),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80]),
      Buffer.from('</p></article></body></html>')
    ])
    await importCase('invalid UTF-8 under a utf-8 meta', file('broken.html', broken), 'imported')
    const utf8 = (charset: string, title: string) =>
      Buffer.from(page(title).replace('<meta charset="utf-8">', `<meta charset="${charset}">`).replace('</article>', '<p>Zoë’s café in Kraków — “quoted”.</p></article>'))
    await importCase('utf-8 page that says windows-1251', file('lie1.html', utf8('windows-1251', 'Lie one')), 'imported')
    await importCase('utf-8 page that says utf-16', file('lie2.html', utf8('utf-16', 'Lie two')), 'imported')
    await importCase('utf-8 page that says shift_jis', file('lie3.html', utf8('shift_jis', 'Lie three')), 'imported')
    await importCase('utf-8 page with an unknown charset', file('lie4.html', utf8('x-no-such-charset', 'Lie four')), 'imported')
    // A server that says UTF-16 for a windows-1252 page.
    const site = await loopbackServer({
      '/latin': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-16le' })
        res.end(Buffer.from(page('Latin page served as UTF-16'), 'latin1'))
      }
    })
    const latin = await importCase('header says utf-16 for an 8-bit page', { kind: 'url', url: site.url('/latin') }, 'imported')
    expect(latin.title).toBe('Latin page served as UTF-16')
  }, 60_000)

  it('imports a page with a 10 MB attribute without storing the attribute', async () => {
    const huge = page('Enormous attribute', `<p title="${'x'.repeat(10 * 1024 * 1024)}" data-x="${'"'.repeat(0)}">The paragraph that carries it.</p>`)
    const result = await importCase('10 MB attribute', file('attr.html', Buffer.from(huge)), 'imported')
    const got = await app.api.getArticle({ id: result.id! })
    if (!got.ok) throw new Error(got.error.message)
    expect(JSON.stringify(got.value.doc).length).toBeLessThan(100_000)
    expect(got.value.text).toContain('The paragraph that carries it.')
    const unclosed = page('Unterminated attribute', `<p title="${'<b '.repeat(1024 * 1024)}`)
    const never = await importCase('3 MB attribute that never closes', file('attr2.html', Buffer.from(unclosed)), 'imported')
    const kept = await app.api.getArticle({ id: never.id! })
    if (!kept.ok) throw new Error(kept.error.message)
    expect(kept.value.text).toContain('Paragraph 8 of an ordinary report')
    expect(kept.value.text).not.toContain('<b <b')
  }, 60_000)
})

describe('bad input: URLs', () => {
  it('refuses a 404, a non-HTML type, an endless redirect, a redirect off the web, a dead port, with the reason', async () => {
    let loops = 0
    const routes: Record<string, Route> = {
      '/missing': (_req, res) => {
        res.writeHead(404, { 'Content-Type': 'text/html' })
        res.end(page('Not found page'))
      },
      '/pdf': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/pdf' })
        res.end('%PDF-1.4 not really')
      },
      '/png': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/png' })
        res.end(PNG_40x30)
      },
      '/json': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end('{"title":"not a page"}')
      },
      '/loop': (_req, res) => {
        loops++
        res.writeHead(302, { Location: `/loop?n=${loops}` })
        res.end()
      },
      '/to-file': (_req, res) => {
        res.writeHead(301, { Location: 'file:///etc/passwd' })
        res.end()
      },
      '/no-location': (_req, res) => {
        res.writeHead(302)
        res.end()
      },
      '/reset': (req) => req.socket.destroy(),
      '/bad-gzip': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' })
        res.end('this is not gzip at all')
      },
      '/empty': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' })
        res.end()
      }
    }
    const site = await loopbackServer(routes)
    const cases: [string, string, RegExp][] = [
      ['404', site.url('/missing'), /HTTP 404/],
      ['pdf', site.url('/pdf'), /not an HTML page \(application\/pdf\)/],
      ['png', site.url('/png'), /not an HTML page \(image\/png\)/],
      ['json', site.url('/json'), /not an HTML page/],
      ['endless redirect', site.url('/loop'), /too many redirects/],
      ['redirect to file:', site.url('/to-file'), /only http and https/],
      ['redirect without Location', site.url('/no-location'), /without a Location/],
      ['connection reset', site.url('/reset'), /closed the connection/],
      ['corrupt gzip', site.url('/bad-gzip'), /corrupt compressed/],
      ['empty body', site.url('/empty'), /empty|no readable article|no text/],
      ['dead port', 'http://127.0.0.1:1/nothing', /connection refused/],
      ['not a URL', 'http://', /not a URL|not a valid URL/],
      ['javascript: URL', 'javascript:alert(1)', /only http and https/],
      ['file: URL', 'file:///etc/passwd', /only http and https/]
    ]
    for (const [label, url, reason] of cases) await importCase(label, { kind: 'url', url }, 'refused', reason)
    expect(loops).toBeLessThanOrEqual(11)
  }, 60_000)

  it('gives up on a server that never answers: fetchPage with a short budget', async () => {
    const site = await loopbackServer({ '/hang': () => {} })
    await expect(fetchPage(site.url('/hang'), { timeoutMs: 300 })).rejects.toThrow(/^timed out after 0\.3 s$/)
  })

  it('an import from a server that never answers ends with the reason after the default budget', async () => {
    const site = await loopbackServer({ '/hang': () => {} })
    // Fake only the fetch deadline's clock, so the test does not sit out the real 20 s.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const pending = importCase('never answers', { kind: 'url', url: site.url('/hang') }, 'refused', /^timed out after 20 s$/)
    while (!site.hits.includes('/hang')) await new Promise((r) => setImmediate(r))
    vi.advanceTimersByTime(DEFAULT_TIMEOUT_MS + 1)
    await pending
  })
})

// ---------------------------------------------------------------- malformed payloads

/** A valid payload for every method: each malformed case below is this with one thing wrong. */
const VALID: Record<MethodName, Record<string, unknown>> = {
  info: {},
  listArticles: { limit: 10, offset: 0, sort: 'saved', tag: 'Syria', state: 'inbox', starred: true, exclude: [2] },
  listArticleStates: { sort: 'saved', tag: 'Syria', state: 'archive', starred: false, exclude: [2] },
  getArticle: { id: 1 },
  deleteArticles: { ids: [1] },
  setArticleTags: { id: 1, tags: ['Syria'] },
  addArticleTags: { ids: [1], tags: ['Syria'] },
  listTags: {},
  importItems: { jobId: 'job', items: [{ kind: 'url', url: 'http://127.0.0.1:1/x' }], tags: ['Syria'], force: false },
  addHighlight: { articleId: 1, quote: 'Iran', color: 'green', note: 'n', tags: ['Syria'] },
  updateHighlight: { id: 1, color: 'blue', note: 'n', tags: ['Syria'] },
  deleteHighlight: { id: 1 },
  listQuotes: { articleId: 1, tag: 'Syria', color: 'yellow', limit: 10, offset: 0 },
  renameTag: { from: 'Syria', to: 'Iran' },
  exportHighlights: { format: 'md', articleId: 1, tag: 'Syria' },
  search: { query: 'iran', sort: 'newest', limit: 5, offset: 0, facets: false, timeline: false },
  searchMatches: { articleId: 1, query: 'iran' },
  searchSuggestion: { query: 'iran' },
  listSavedSearches: {},
  saveSearch: { name: 'Iran', query: 'iran' },
  deleteSavedSearch: { id: 1 },
  articleQuotes: { articleId: 1 },
  setQuoteSpeaker: { id: 1, speaker: 'Rex Tillerson' },
  highlightQuote: { id: 1, color: 'pink' },
  listSpeakers: { limit: 10 },
  speakerQuotes: { name: 'Rex Tillerson', limit: 10, offset: 0 },
  mergeSpeakers: { from: 'Tillerson', into: 'Rex Tillerson' },
  exportSpeakerQuotes: { name: 'Rex Tillerson', format: 'csv' },
  teamStatus: {},
  teamSync: {},
  teamShare: { ids: [1] },
  teamSearch: { query: 'iran', sort: 'newest', limit: 5, offset: 0, facets: false, timeline: false },
  teamHistory: { id: 1 },
  listPairings: {},
  approvePairing: { code: '4821' },
  revokePairing: { id: 1 },
  findSavedUrl: { url: 'https://x.test/a' },
  listVersions: { articleId: 1 },
  getVersion: { articleId: 1, number: 1 },
  diffVersions: { articleId: 1, from: 1, to: 2 },
  exportDiff: { articleId: 1, from: 1, to: 2, format: 'html' },
  listChanges: { limit: 10, offset: 0 },
  getFollow: { articleId: 1 },
  setFollow: { articleId: 1, follow: true },
  recheck: { ids: [1] },
  getFollowSettings: {},
  setFollowSettings: { followNewFor: 'month' },
  editArticle: { id: 1, title: 'Title', authors: ['Ana Lima'], site: 'The Daily Test', publishedAt: '2020-01-02', reset: ['title'] },
  reextractArticles: { jobId: 'job', ids: [1], all: false, again: false, fetchImages: false },
  retryImages: { id: 1 },
  setArticleState: { ids: [1], state: 'archive', starred: true },
  setReadingProgress: { id: 1, progress: 0.5, position: 10 },
  getSettings: {},
  updateSettings: { theme: 'dark', textSize: 20, lineWidth: 'wide', autoArchive: true, sidebarCollapsed: true, panelCollapsed: false }
}

type ZodLike = { def: { type: string; innerType?: ZodLike; element?: ZodLike; entries?: Record<string, string> }; shape?: Record<string, ZodLike> }

/** The type under optional/default wrappers. */
function core(s: ZodLike): ZodLike {
  let t = s
  while (t.def.innerType && ['optional', 'default', 'prefault', 'nullable', 'readonly'].includes(t.def.type)) t = t.def.innerType
  return t
}
const isOptional = (s: ZodLike): boolean => ['optional', 'default', 'prefault'].includes(s.def.type)

/** Values of the wrong type for a field (never one the field could accept). */
function wrongValues(s: ZodLike): unknown[] {
  const t = core(s)
  const all: Record<string, unknown> = { string: 12345, number: 'many', boolean: 'yes', array: 'not a list', object: 'not an object', enum: 'no-such-choice' }
  const out: unknown[] = [null, { nested: true }]
  switch (t.def.type) {
    case 'string':
      out.push(all.string, true, ['a'])
      break
    case 'number':
      out.push(all.number, '1', true, 1.5, -1, Number.MAX_SAFE_INTEGER * 4)
      break
    case 'boolean':
      out.push(all.boolean, 1, 'true')
      break
    case 'array':
      out.push(all.array, 7, [{ wrong: 1 }, 5])
      break
    case 'enum':
      out.push(all.enum, 3, '')
      break
    case 'union':
      out.push('text', 4)
      break
    default:
      out.push(Symbol.for('unknown type') as unknown)
  }
  return out.filter((v) => typeof v !== 'symbol')
}

describe('every method refuses malformed payloads generated from its schema', () => {
  it('has a valid base payload for each method (so each case below has exactly one thing wrong)', () => {
    for (const name of methodNames) {
      const r = (schemas[name] as z.ZodType).safeParse(VALID[name])
      expect(r.success, `${name}: ${r.error?.message}`).toBe(true)
    }
  })

  it('refuses a wrong type in any field, naming the field, and never runs the method', async () => {
    let cases = 0
    for (const name of methodNames) {
      const shape = (schemas[name] as unknown as ZodLike).shape ?? {}
      for (const [field, fieldSchema] of Object.entries(shape)) {
        for (const bad of wrongValues(fieldSchema)) {
          // Some numbers (1.5, -1) are "wrong" only for int/positive fields; skip those the schema accepts.
          const payload = { ...VALID[name], [field]: bad }
          if ((schemas[name] as z.ZodType).safeParse(payload).success) continue
          const before = counts()
          const r = await (app.api[name] as (i: unknown) => Promise<unknown>)(payload)
          expect(r, `${name}.${field} = ${JSON.stringify(bad)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
          const message = (r as { error: { message: string } }).error.message
          expect(message, `${name}.${field} = ${JSON.stringify(bad)}`).toContain(field)
          expect(message).not.toMatch(/[\r\n]/)
          expect(counts()).toEqual(before)
          cases++
        }
      }
    }
    expect(cases).toBeGreaterThan(150)
  })

  it('refuses a payload missing any required field, naming it', async () => {
    let cases = 0
    for (const name of methodNames) {
      const shape = (schemas[name] as unknown as ZodLike).shape ?? {}
      for (const [field, fieldSchema] of Object.entries(shape)) {
        if (isOptional(fieldSchema)) continue
        const { [field]: _gone, ...payload } = VALID[name]
        const r = await (app.api[name] as (i: unknown) => Promise<unknown>)(payload)
        expect(r, `${name} without ${field}`).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(field) } })
        cases++
      }
    }
    expect(cases).toBeGreaterThanOrEqual(12)
  })

  it('refuses extra fields on every method, naming them', async () => {
    for (const name of methodNames) {
      for (const extra of ['unexpectedField', '__proto__x', 'constructor']) {
        const r = await (app.api[name] as (i: unknown) => Promise<unknown>)({ ...VALID[name], [extra]: 1 })
        expect(r, `${name} + ${extra}`).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(extra) } })
      }
    }
  })

  it('refuses payloads that are not objects at all, on every method', async () => {
    for (const name of methodNames) {
      for (const bad of ['text', 42, true, [], [VALID[name]]]) {
        const r = await (app.api[name] as (i: unknown) => Promise<unknown>)(bad)
        expect(r, `${name} given ${JSON.stringify(bad)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      }
    }
  })

  it('refuses malformed import items, naming the nested field', async () => {
    const bad: [unknown, string][] = [
      [{ kind: 'url' }, 'items.0.url'],
      [{ kind: 'url', url: 5 }, 'items.0.url'],
      [{ kind: 'url', url: 'x'.repeat(9000) }, 'items.0.url'],
      [{ kind: 'file', name: 'a.html' }, 'items.0.base64'],
      [{ kind: 'file', base64: 'AAAA' }, 'items.0.name'],
      [{ kind: 'path', path: '' }, 'items.0.path'],
      [{ kind: 'html', html: 7 }, 'items.0.html'],
      [{ kind: 'telnet', url: 'x' }, 'items.0.kind'],
      [{ kind: 'capture', html: '<p>x</p>', url: 'javascript:alert(1)' }, 'items.0.url'],
      [{ kind: 'capture', html: '', url: 'https://x.test/' }, 'items.0.html'],
      [{ kind: 'capture', html: '<p>x</p>', url: 'https://x.test/', images: [{ url: 'https://x.test/a.png', mime: 'image/png' }] }, 'items.0.images.0.base64'],
      [{ kind: 'capture', html: '<p>x</p>', url: 'https://x.test/', selection: { type: 'TextQuoteSelector', exact: '  ' } }, 'items.0.selection.exact'],
      [{ kind: 'capture', html: '<p>x</p>', url: 'https://x.test/', note: 'a note with nothing selected' }, 'items.0.note'],
      [{ url: 'http://x.test/' }, 'items.0.kind'],
      ['http://x.test/', 'items.0']
    ]
    for (const [item, field] of bad) {
      const r = await app.api.importItems({ items: [item as ImportItem] })
      expect(r, JSON.stringify(item)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(field) } })
    }
    expect(counts().articles).toBe(0)
  })
})

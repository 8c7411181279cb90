/**
 * A capture is an import like any other (importItems, the page pipeline, storeArticle), with
 * three differences proved here: its images are the extension's and nothing is downloaded,
 * its selection becomes a highlight placed by its TextQuoteSelector with the note, and the
 * page's address stands in for a canonical URL the page does not name.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type App } from '../app'
import type { CaptureItem, ImportItemResult } from '../../shared/api'
import { articlePage } from '../../../test/support/pages'
import { loopbackServer, PNG_40x30, png } from '../../../test/support/http'
import { tempDbPath } from '../../../test/support/tmp'
import { runCli } from '../../../test/support/cli'

let app: App
let dbPath: string

const PARAGRAPHS = [
  'The envoy arrived in Syria on Monday, his first visit since the ceasefire was agreed in the spring.',
  'Officials in Syria said the talks would cover the return of refugees and the reopening of the border crossings.',
  'Aid groups said conditions in Syria had worsened over the winter, with fuel and medicine in short supply.'
]

async function capture(item: Omit<CaptureItem, 'kind' | 'images'> & { images?: CaptureItem['images'] }, tags: string[] = []): Promise<ImportItemResult> {
  const r = await app.api.importItems({ items: [{ kind: 'capture', images: [], ...item }], tags })
  if (!r.ok) throw new Error(r.error.message)
  return r.value.results[0]
}

describe('a captured page', () => {
  // One archive for these (its import worker starts once); each test saves its own address.
  beforeAll(() => {
    app = openApp(':memory:')
  })
  afterAll(() => app.close())
  const count = (url: string) => (app.ctx.db.prepare('SELECT count(*) AS n FROM articles WHERE url = ? OR canonical_url = ?').get(url, url) as { n: number }).n

  it('keeps the images the extension sent and downloads none, even those it did not send', async () => {
    const site = await loopbackServer({ '/sent.png': png(), '/not-sent.png': png() })
    const html = articlePage({ title: 'Envoy visits Syria', paragraphs: PARAGRAPHS, images: [site.url('/sent.png'), site.url('/not-sent.png')] })
    const other = Buffer.from(PNG_40x30)
    other[other.length - 20] ^= 0xff // a different image than the server would give
    const r = await capture({ html, url: 'https://news.example/images', images: [{ url: site.url('/sent.png'), mime: 'image/png', base64: other.toString('base64') }] })
    expect(r).toMatchObject({ ok: true, status: 'created' })
    expect(site.hits).toEqual([])
    const stored = app.ctx.db.prepare('SELECT source_url AS url, bytes FROM assets WHERE article_id = ?').all(r.id) as { url: string; bytes: Buffer }[]
    expect(stored).toEqual([{ url: site.url('/sent.png'), bytes: other }])
  })

  it('turns the selection into a highlight at the occurrence its context names, with the note, and the tags onto the article', async () => {
    const html = articlePage({ title: 'Envoy visits Syria again', paragraphs: PARAGRAPHS.map((p) => `${p} (2)`) })
    // "Syria" is in every paragraph; the browser's prefix and suffix name the second one.
    const selection = { type: 'TextQuoteSelector' as const, exact: 'Syria', prefix: 'the spring. Officials in ', suffix: ' said the talks would cover' }
    const r = await capture({ html, url: 'https://news.example/selection', selection, note: 'Which officials?' }, ['Syria', 'Envoy'])
    const article = await app.api.getArticle({ id: r.id! })
    if (!article.ok) throw new Error(article.error.message)
    const { text, highlights, tags } = article.value
    expect(tags.sort()).toEqual(['Envoy', 'Syria'])
    expect(highlights).toHaveLength(1)
    expect(highlights[0]).toMatchObject({ exact: 'Syria', note: 'Which officials?', orphan: false })
    expect(highlights[0].start).toBe(text.indexOf('Officials in Syria') + 'Officials in '.length)
  })

  it('places a selection whose whitespace differs from the stored text (a browser joins paragraphs its own way)', async () => {
    const html = articlePage({ title: 'Envoy visits Syria, third time', paragraphs: PARAGRAPHS.map((p) => `${p} (3)`) })
    const exact = 'the spring. (3)\n\n\nOfficials in Syria said'
    const r = await capture({ html, url: 'https://news.example/whitespace', selection: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' } })
    const article = await app.api.getArticle({ id: r.id! })
    expect(article.ok && article.value.highlights[0]).toMatchObject({ exact: 'the spring. (3)\n\nOfficials in Syria said', orphan: false })
  })

  it('keeps a selection it cannot find as an orphan with its quote, never dropped', async () => {
    const html = articlePage({ title: 'Envoy visits Syria, fourth time', paragraphs: PARAGRAPHS.map((p) => `${p} (4)`) })
    const selection = { type: 'TextQuoteSelector' as const, exact: 'Most read this week: football results', prefix: '', suffix: '' }
    const r = await capture({ html, url: 'https://news.example/orphan', selection, note: 'from the sidebar' })
    const article = await app.api.getArticle({ id: r.id! })
    expect(article.ok && article.value.highlights).toMatchObject([{ exact: 'Most read this week: football results', orphan: true, note: 'from the sidebar' }])
  })

  it('is known by its address when the page names no canonical URL: saved again with changed text, it is updated, not duplicated', async () => {
    const first = await capture({ html: articlePage({ title: 'Envoy visits Syria', paragraphs: PARAGRAPHS }), url: 'https://news.example/envoy?ref=home', canonicalUrl: 'https://news.example/envoy' })
    const changed = [...PARAGRAPHS, 'Updated at 10:32 with a statement from the ministry, which said the visit had been planned for months.']
    const second = await capture({ html: articlePage({ title: 'Envoy visits Syria', paragraphs: changed }), url: 'https://news.example/envoy', canonicalUrl: 'https://news.example/envoy' })
    expect(first).toMatchObject({ ok: true, status: 'created' })
    expect(second).toMatchObject({ ok: true, status: 'updated', id: first.id })
    expect(count('https://news.example/envoy')).toBe(1)
    // The badge's question: by the page's address or its canonical one, never by its #fragment.
    for (const url of ['https://news.example/envoy', 'https://news.example/envoy#comments']) {
      expect(await app.api.findSavedUrl({ url })).toEqual({ ok: true, value: { id: first.id, title: 'Envoy visits Syria' } })
    }
    expect(await app.api.findSavedUrl({ url: 'https://news.example/other' })).toEqual({ ok: true, value: null })
  })

  it('is refused with the reason when the page has no article, storing nothing', async () => {
    const r = await capture({ html: '<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>', url: 'https://news.example/empty' })
    expect(r.ok).toBe(false)
    expect(r.error).toMatch(/no readable article|no text/)
    expect(count('https://news.example/empty')).toBe(0)
  })
})

describe('clipfile pairing', () => {
  beforeEach(() => {
    dbPath = tempDbPath()
    app = openApp(dbPath)
  })
  afterEach(() => app.close())

  async function pending(): Promise<string> {
    const { requestPairing } = await import('./pairing')
    return requestPairing(app.ctx.db, { token: 't'.repeat(43), origin: 'chrome-extension://x', browser: 'Chromium 156 on Linux' }).code!
  }

  it('lists, approves by code and revokes, for people and for scripts (--json)', async () => {
    const code = await pending()
    app.close()
    const listed = await runCli(['--db', dbPath, 'pairing', 'list'])
    expect(listed.stdout).toMatch(new RegExp(`#1 +Chromium 156 on Linux +waiting, code ${code}`))
    const approved = await runCli(['--db', dbPath, 'pairing', 'approve', code, '--json'])
    expect(approved.code).toBe(0)
    expect(JSON.parse(approved.stdout)).toMatchObject({ id: 1, status: 'approved', code: null, browser: 'Chromium 156 on Linux' })
    expect(JSON.parse((await runCli(['--db', dbPath, 'pairing', 'list', '--json'])).stdout)).toMatchObject([{ id: 1, status: 'approved' }])
    const revoked = await runCli(['--db', dbPath, 'pairing', 'revoke', '1'])
    expect(revoked).toMatchObject({ code: 0, stderr: expect.stringMatching(/Revoked #1/) })
    expect((await runCli(['--db', dbPath, 'pairing', 'list'])).stderr).toMatch(/No browser is paired/)
    app = openApp(dbPath)
  })

  it('explains a wrong code, a code that is not four digits, an unknown id and an unknown action', async () => {
    app.close()
    expect(await runCli(['--db', dbPath, 'pairing', 'approve', '1234'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/No browser is waiting to pair with code 1234/) })
    expect(await runCli(['--db', dbPath, 'pairing', 'approve', '12a4'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/four digits/) })
    expect(await runCli(['--db', dbPath, 'pairing', 'approve'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/four-digit code/) })
    expect(await runCli(['--db', dbPath, 'pairing', 'revoke', '9'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/No paired browser with id 9/) })
    expect(await runCli(['--db', dbPath, 'pairing', 'allow'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown action "allow"/) })
    app = openApp(dbPath)
  })

  it('forgets a request after ten minutes', async () => {
    const { requestPairing, listPairings, PAIRING_TTL_MS } = await import('./pairing')
    const t0 = new Date('2024-05-01T10:00:00Z')
    requestPairing(app.ctx.db, { token: 'u'.repeat(43), origin: 'chrome-extension://x', browser: 'Chromium' }, t0)
    expect(listPairings(app.ctx.db, new Date(t0.getTime() + PAIRING_TTL_MS - 1))).toHaveLength(1)
    expect(listPairings(app.ctx.db, new Date(t0.getTime() + PAIRING_TTL_MS))).toHaveLength(0)
  })
})

/**
 * Versions through the api, as imports make them: a re-import that changed records a new
 * version (the old one kept exactly, stored as a delta), one that did not records only a
 * check; diffs, summaries, highlights across versions, changes, exports, deletion.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type App } from '../app'
import { tempDbPath } from '../../../test/support/tmp'
import { articlePage } from '../../../test/support/pages'
import { versionContent } from '../db/versions'
import { inThreadPreparer } from '../import/pool'
import { storeArticle } from '../import/store'
import type { Result } from '../../shared/result'
import { PNG_40x30 } from '../../../test/support/http'

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const URL_ = 'https://news.test/2024/ceasefire'
const P1 = [
  'Negotiators met in Vienna on Monday for a third round of talks on a ceasefire in the north, officials said.',
  '“We are close to an agreement,” the foreign minister, Ana Lima, told reporters outside the hotel.',
  'The talks are expected to continue through the week, with both delegations staying in the city.'
]
const V1 = { title: 'Ceasefire talks resume in Vienna', paragraphs: P1 }
// The headline rewritten, the quote corrected, a paragraph added.
const P2 = [P1[0], '“We are not close to an agreement,” the foreign minister, Ana Lima, told reporters outside the hotel.', P1[2], 'A spokesman for the opposition said it would not comment until a text was published.']
const V2 = { title: 'Ceasefire talks stall in Vienna', paragraphs: P2 }
const P3 = [...P2.slice(0, 3), 'A spokesman for the opposition declined to comment.']
const V3 = { title: 'Ceasefire talks stall in Vienna', paragraphs: P3 }

const page = (v: { title: string; paragraphs: string[] }) =>
  articlePage({ ...v, byline: 'Jo Rivera', canonical: URL_, published: new Date().toISOString() })

let app: App
beforeEach(() => {
  app = openApp(tempDbPath(), { inThread: true })
})
afterEach(() => app.close())

async function save(v: { title: string; paragraphs: string[] }) {
  const r = must(await app.api.importItems({ items: [{ kind: 'html', html: page(v), url: URL_ }] }))
  expect(r.failed).toBe(0)
  return r.results[0]
}

describe('versions of an article', () => {
  it('records a version only when the text, headline or byline changed, and keeps every one exactly', async () => {
    const first = await save(V1)
    expect(first).toMatchObject({ status: 'created', version: 1, changed: true })
    const id = first.id!
    const v1 = must(await app.api.getArticle({ id }))

    expect(await save(V1)).toMatchObject({ status: 'updated', version: 1, changed: false })
    expect(must(await app.api.listVersions({ articleId: id }))).toHaveLength(1)
    expect(must(await app.api.getFollow({ articleId: id })).checks[0]).toMatchObject({ how: 'import', outcome: 'unchanged', version: 1 })

    expect(await save(V2)).toMatchObject({ status: 'updated', version: 2, changed: true })
    expect(await save(V3)).toMatchObject({ status: 'updated', version: 3, changed: true })
    const list = must(await app.api.listVersions({ articleId: id }))
    expect(list.map((v) => [v.number, v.how, v.title])).toEqual([
      [1, 'import', V1.title],
      [2, 'import', V2.title],
      [3, 'import', V3.title]
    ])
    expect(list[0].summary).toBeNull()
    expect(list[1].summary).toMatchObject({ titleChanged: true, bylineChanged: false })

    // The article shows the latest; the first is rebuilt exactly through two deltas.
    const now = must(await app.api.getArticle({ id }))
    expect(now).toMatchObject({ title: V3.title, version: 3, versions: 3 })
    expect(now.text).toBe(P3.join('\n\n'))
    const old = must(await app.api.getVersion({ articleId: id, number: 1 }))
    expect(old).toMatchObject({ number: 1, of: 3, title: V1.title, byline: 'Jo Rivera', text: v1.text })
    expect(old.doc).toEqual(v1.doc)
    expect(versionContent(app.ctx.db, id, 1, true)!.raw!.toString()).toContain('Ceasefire talks resume in Vienna')
    expect(must(await app.api.getVersion({ articleId: id, number: 2 })).text).toBe(P2.join('\n\n'))
    expect(await app.api.getVersion({ articleId: id, number: 4 })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Article 1 has no version 4 (it has 3).' } })
  })

  it('diffs two versions word by word, with the headline, the changed quote and a summary', async () => {
    const id = (await save(V1)).id!
    await save(V2)
    const d = must(await app.api.diffVersions({ articleId: id }))
    expect([d.from.number, d.to.number, d.of]).toEqual([1, 2, 2])
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
      { op: 'insert', text: `\n\n${P2[3]}` }
    ])
    expect(d.summary).toEqual({
      inserted: 1 + P2[3].split(' ').length,
      deleted: 0,
      titleChanged: true,
      bylineChanged: false,
      quotes: [{ kind: 'changed', before: 'We are close to an agreement,', after: 'We are not close to an agreement,', speaker: 'Ana Lima' }]
    })
    // The summary stored with version 2 says the same.
    expect(must(await app.api.listVersions({ articleId: id }))[1].summary).toEqual(d.summary)
    expect(await app.api.diffVersions({ articleId: id, from: 2, to: 2 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await app.api.diffVersions({ articleId: id, from: 1, to: 9 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('says there is nothing to compare for an article with one version', async () => {
    const id = (await save(V1)).id!
    expect(await app.api.diffVersions({ articleId: id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `Article ${id} has one version so far: there is nothing to compare yet.` }
    })
  })

  it('flags a highlight whose words changed or vanished, keeping both texts, and leaves the others alone', async () => {
    const id = (await save(V1)).id!
    const onQuote = must(await app.api.addHighlight({ articleId: id, quote: 'We are close to an agreement' }))
    const untouched = must(await app.api.addHighlight({ articleId: id, quote: 'third round of talks' }))
    const vanishing = must(await app.api.addHighlight({ articleId: id, quote: 'with both delegations staying in the city' }))
    expect(onQuote).toMatchObject({ version: 1, originalExact: 'We are close to an agreement', changedIn: null })
    await save(V2)
    const without = { ...V3, paragraphs: [P2[0], P2[1], 'The talks are expected to continue through the week.', P3[3]] }
    await save(without)
    const hs = must(await app.api.getArticle({ id })).highlights
    const byId = (h: { id: number }) => hs.find((x) => x.id === h.id)!
    expect(byId(onQuote)).toMatchObject({ orphan: false, originalExact: 'We are close to an agreement', exact: 'We are not close to an agreement', changedIn: 2 })
    expect(byId(untouched)).toMatchObject({ orphan: false, exact: 'third round of talks', changedIn: null })
    expect(byId(vanishing)).toMatchObject({ orphan: true, originalExact: 'with both delegations staying in the city', changedIn: 3 })
    const d = must(await app.api.diffVersions({ articleId: id, from: 1, to: 3 }))
    expect(d.highlights.map((h) => [h.id, h.before, h.after, h.changedIn])).toEqual([
      [onQuote.id, 'We are close to an agreement', 'We are not close to an agreement', 2],
      [vanishing.id, 'with both delegations staying in the city', null, 3]
    ])
    // A highlight made on version 3 belongs to it.
    expect(must(await app.api.addHighlight({ articleId: id, quote: 'declined to comment' })).version).toBe(3)
  })

  it('searches the current version only, and finds changed articles by is:changed and changed:', async () => {
    const id = (await save(V1)).id!
    must(await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Unchanged story about harbours' }), url: 'https://news.test/other' }] }))
    const ids = async (query: string) => must(await app.api.search({ query })).results.map((r) => r.id)
    expect(await ids('resume')).toEqual([id])
    await save(V2)
    expect(await ids('resume')).toEqual([])
    expect(await ids('stall')).toEqual([id])
    expect(await ids('is:changed')).toEqual([id])
    const year = new Date().getUTCFullYear()
    expect(await ids(`changed:${year}`)).toEqual([id])
    expect(await ids(`changed:>=${year}`)).toEqual([id])
    expect(await ids(`changed:<${year}`)).toEqual([])
    expect(await ids(`changed:>${year}`)).toEqual([])
    expect((await ids('-is:changed')).length).toBe(1)
  })

  it('lists changed articles with their summaries, marks them in the library, exports a diff', async () => {
    const id = (await save(V1)).id!
    await save(V2)
    const changes = must(await app.api.listChanges({}))
    expect(changes.total).toBe(1)
    expect(changes.items[0]).toMatchObject({ article: { id, title: V2.title }, version: 2, of: 2, how: 'import', summary: { titleChanged: true } })
    const row = must(await app.api.listArticles({})).items[0]
    expect(row).toMatchObject({ id, versions: 2, changedAt: changes.items[0].changedAt })
    const html = must(await app.api.exportDiff({ articleId: id, format: 'html' }))
    expect(html.filename).toBe('ceasefire-talks-stall-in-vienna-v1-v2.html')
    expect(html.content).toContain('<del>resume</del><ins>stall</ins>')
    expect(html.content).toContain('<ins>not </ins>')
    expect(html.content).toContain("default-src 'none'")
    expect(html.content).not.toMatch(/<script/i)
    const md = must(await app.api.exportDiff({ articleId: id, format: 'md' }))
    expect(md.content).toContain('Ceasefire talks {--resume--}{++stall++} in Vienna')
    expect(md.content).toContain('“We are {++not ++}close to an agreement,”')
    expect(md.content).toContain('+16 / −0 words, headline changed, 1 quote changed')
  })

  it('keeps images across versions without storing the same image twice, and deletes every version with the article', async () => {
    const image = `data:image/png;base64,${PNG_40x30.toString('base64')}`
    const withImage = (v: { title: string; paragraphs: string[] }) => articlePage({ ...v, byline: 'Jo Rivera', canonical: URL_, images: [image] })
    const id = must(await app.api.importItems({ items: [{ kind: 'html', html: withImage(V1), url: URL_ }] })).results[0].id!
    must(await app.api.importItems({ items: [{ kind: 'html', html: withImage(V2), url: URL_ }] }))
    const srcs = (doc: unknown) => JSON.stringify(doc).match(/asset:\d+/g)
    const now = must(await app.api.getArticle({ id }))
    expect(now.assets).toHaveLength(1)
    expect(srcs(now.doc)).toEqual([`asset:${now.assets[0].id}`])
    expect(srcs(must(await app.api.getVersion({ articleId: id, number: 1 })).doc)).toEqual([`asset:${now.assets[0].id}`])
    must(await app.api.deleteArticles({ ids: [id] }))
    const left = (table: string) => (app.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    expect([left('article_versions'), left('article_checks'), left('follows'), left('articles'), left('assets')]).toEqual([0, 0, 0, 0, 0])
  })

  it('follows a new web save for a week; not when the setting is off, nor an old save from an export, nor a pasted page', async () => {
    const id = (await save(V1)).id!
    const state = must(await app.api.getFollow({ articleId: id }))
    expect(state).toMatchObject({ followable: true, following: true })
    expect(Date.parse(state.until!) - Date.now()).toBeGreaterThan(6.9 * 86_400_000)
    expect(Date.parse(state.nextCheckAt!) - Date.now()).toBeLessThanOrEqual(15 * 60_000)
    must(await app.api.setFollowSettings({ followNewFor: 'off' }))
    const other = must(await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Another one' }), url: 'https://news.test/b' }] })).results[0].id!
    expect(must(await app.api.getFollow({ articleId: other })).following).toBe(false)
    expect(must(await app.api.setFollow({ articleId: other, follow: true }))).toMatchObject({ following: true, until: null })
    expect(must(await app.api.setFollow({ articleId: id, follow: false }))).toMatchObject({ following: false, nextCheckAt: null })
    must(await app.api.setFollowSettings({ followNewFor: 'week' }))
    const prepared = await inThreadPreparer()({ html: articlePage({ title: 'Saved in Pocket long ago' }), url: 'https://news.test/c' })
    const fromExport = storeArticle(app.ctx.db, { ...prepared, url: 'https://news.test/c', savedAt: '2015-06-01T10:00:00.000Z' })
    expect(must(await app.api.getFollow({ articleId: fromExport.id })).following).toBe(false)
    const pasted = must(await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Pasted' }) }] })).results[0].id!
    expect(must(await app.api.getFollow({ articleId: pasted }))).toMatchObject({ followable: false, following: false })
    expect(await app.api.setFollow({ articleId: pasted, follow: true })).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })
})

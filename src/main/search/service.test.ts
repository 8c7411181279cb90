import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type App } from '../app'
import { tempDbPath } from '../../../test/support/tmp'
import { articlePage } from '../../../test/support/pages'

let app: App
beforeEach(async () => {
  app = openApp(tempDbPath())
  const pages = [
    articlePage({ title: 'Iran warned over Syria', site: 'Ledger', published: '2017-10-22T09:00:00Z', canonical: 'https://l.example/1' }),
    articlePage({ title: 'Café rents rise', site: 'City Times', published: '2019-05-02T10:00:00Z', canonical: 'https://c.example/2' })
  ]
  const r = await app.api.importItems({ items: pages.map((html) => ({ kind: 'html' as const, html })) })
  if (!r.ok || r.value.created !== 2) throw new Error('seed failed')
})
afterEach(() => app.close())

describe('search through the api', () => {
  it('answers with results, facets and a timeline, and reports a bad query without failing', async () => {
    const r = await app.api.search({ query: 'cafe' })
    expect(r.ok && r.value.results.map((x) => x.title)).toEqual(['Café rents rise'])
    expect(r.ok && r.value.timeline).toEqual([{ month: '2019-05', count: 1 }])
    expect(r.ok && r.value.facets.sites).toEqual([{ value: 'City Times', count: 1 }])
    const bad = await app.api.search({ query: 'iran (' })
    expect(bad.ok && bad.value.error?.message).toMatch(/missing "\)"/)
    expect(bad.ok && bad.value.total).toBe(1)
  })

  it('finds an article by its tags as well as its words', async () => {
    const list = await app.api.listArticles({})
    const cafe = list.ok ? list.value.items.find((a) => a.title.startsWith('Café'))!.id : 0
    expect((await app.api.search({ query: 'hospitality' })).ok && (await app.api.search({ query: 'hospitality' }))).toMatchObject({ value: { total: 0 } })
    await app.api.setArticleTags({ id: cafe, tags: ['Hospitality'] })
    const r = await app.api.search({ query: 'hospitality' })
    expect(r.ok && r.value.results.map((x) => x.title)).toEqual(['Café rents rise'])
    await app.api.setArticleTags({ id: cafe, tags: [] })
    const gone = await app.api.search({ query: 'hospitality' })
    expect(gone.ok && gone.value.total).toBe(0)
  })

  it('keeps saved searches with their current counts', async () => {
    const s = await app.api.saveSearch({ name: 'Everything 2017', query: 'after:2017 before:2018' })
    expect(s).toMatchObject({ ok: true, value: { name: 'Everything 2017', count: 1 } })
    await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Another 2017 story', published: '2017-06-01T00:00:00Z', canonical: 'https://x.example/3' }) }] })
    const list = await app.api.listSavedSearches({})
    expect(list).toMatchObject({ ok: true, value: [{ name: 'Everything 2017', count: 2 }] })
    if (!s.ok) return
    expect(await app.api.deleteSavedSearch({ id: s.value.id })).toEqual({ ok: true, value: { deleted: 1 } })
    expect(await app.api.listSavedSearches({})).toEqual({ ok: true, value: [] })
    expect(await app.api.saveSearch({ name: ' ', query: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('exports the quotes a search finds', async () => {
    const list = await app.api.listArticles({})
    const id = list.ok ? list.value.items.find((a) => a.title.startsWith('Iran'))!.id : 0
    await app.api.addHighlight({ articleId: id, quote: 'the council met on Tuesday', tags: ['Council'] })
    const md = await app.api.exportHighlights({ format: 'md', query: 'tag:Council' })
    expect(md.ok && md.value.content).toContain('> the council met on Tuesday')
    expect(md.ok && md.value.count).toBe(1)
  })
})

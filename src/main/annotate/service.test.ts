import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type App } from '../app'
import { tempDbPath } from '../../../test/support/tmp'
import { articlePage } from '../../../test/support/pages'

let app: App
let articleId: number
let text: string
const P = [
  'Secretary of State Rex Tillerson said on Sunday that Iran needs to withdraw its military from Syria, in a sharp warning to Tehran.',
  '“Iran needs to withdraw its military,” Tillerson told reporters. Analysts said the demand was unlikely to be met.',
  'Ali Akbar Velayati rejected the demand as ridiculous, and said forces would stay.'
]

beforeEach(async () => {
  app = openApp(tempDbPath())
  const r = await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Tillerson warns Iran', paragraphs: P, canonical: 'https://news.example/t' }) }] })
  if (!r.ok || !r.value.results[0].id) throw new Error('import failed')
  articleId = r.value.results[0].id
  const a = await app.api.getArticle({ id: articleId })
  if (!a.ok) throw new Error(a.error.message)
  text = a.value.text
})
afterEach(() => app.close())

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('highlights', () => {
  it('highlights a range with W3C selectors computed from the stored text', async () => {
    const start = text.indexOf('Iran needs')
    const end = start + 'Iran needs to withdraw its military'.length
    const h = must(await app.api.addHighlight({ articleId, start, end, color: 'green', note: 'key line', tags: ['Tillerson', 'Syria'] }))
    expect(h).toMatchObject({ exact: 'Iran needs to withdraw its military', start, end, color: 'green', note: 'key line', orphan: false })
    expect(h.prefix).toBe(text.slice(Math.max(0, start - 32), start))
    expect(h.suffix).toBe(text.slice(end, end + 32))
    expect([...h.tags].sort()).toEqual(['Syria', 'Tillerson'])
  })

  it('anchors by quote, and says when a quote is missing or ambiguous', async () => {
    const h = must(await app.api.addHighlight({ articleId, quote: 'rejected the demand as ridiculous' }))
    expect(text.slice(h.start, h.end)).toBe('rejected the demand as ridiculous')
    const missing = await app.api.addHighlight({ articleId, quote: 'never said anywhere' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const twice = await app.api.addHighlight({ articleId, quote: 'Iran needs to withdraw its military' })
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('more than once') } })
    const both = await app.api.addHighlight({ articleId, quote: 'x', start: 0, end: 3 })
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('allows overlapping highlights, edits and deletes them, and lists quotes by tag', async () => {
    const a = must(await app.api.addHighlight({ articleId, quote: 'Rex Tillerson said on Sunday', tags: ['Tillerson'] }))
    const b = must(await app.api.addHighlight({ articleId, quote: 'said on Sunday that Iran', color: 'blue' }))
    expect(b.start).toBeLessThan(a.end)
    const edited = must(await app.api.updateHighlight({ id: b.id, note: 'overlaps', tags: ['tillerson'] }))
    expect(edited.tags).toEqual(['Tillerson']) // case-insensitive: the existing tag
    const quotes = must(await app.api.listQuotes({ tag: 'TILLERSON' }))
    expect(quotes.total).toBe(2)
    expect(quotes.items[0].article).toMatchObject({ id: articleId, title: 'Tillerson warns Iran' })
    must(await app.api.deleteHighlight({ id: a.id }))
    expect(must(await app.api.listQuotes({})).total).toBe(1)
    expect(await app.api.deleteHighlight({ id: a.id })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('re-anchors highlights when the article text changes; a removed quote becomes an orphan, not lost', async () => {
    const kept = must(await app.api.addHighlight({ articleId, quote: 'rejected the demand as ridiculous' }))
    const gone = must(await app.api.addHighlight({ articleId, quote: 'Analysts said the demand was unlikely to be met.' }))
    const changed = [`A new first paragraph was added by the editors to give more context to readers today.`, P[0], P[1].replace(' Analysts said the demand was unlikely to be met.', ''), P[2]]
    const r = must(await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Tillerson warns Iran', paragraphs: changed, canonical: 'https://news.example/t' }) }] }))
    expect(r.results[0].status).toBe('updated')
    const a = must(await app.api.getArticle({ id: articleId }))
    const k = a.highlights.find((h) => h.id === kept.id)!
    expect(a.text.slice(k.start, k.end)).toBe('rejected the demand as ridiculous')
    expect(k.start).toBeGreaterThan(kept.start)
    const g = a.highlights.find((h) => h.id === gone.id)!
    expect(g).toMatchObject({ orphan: true, exact: 'Analysts said the demand was unlikely to be met.' })
  })

  it('every stored highlight round-trips to its text (random ranges)', async () => {
    let seed = 7
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 60; i++) {
      const start = Math.floor(rnd() * (text.length - 2))
      const end = start + 1 + Math.floor(rnd() * Math.min(80, text.length - start - 1))
      must(await app.api.addHighlight({ articleId, start, end }))
    }
    const a = must(await app.api.getArticle({ id: articleId }))
    expect(a.highlights).toHaveLength(60)
    for (const h of a.highlights) expect(a.text.slice(h.start, h.end)).toBe(h.exact)
  })

  it('renames and merges tags', async () => {
    must(await app.api.addHighlight({ articleId, quote: 'Rex Tillerson said on Sunday', tags: ['Rex'] }))
    must(await app.api.setArticleTags({ id: articleId, tags: ['Tillerson'] }))
    expect(must(await app.api.renameTag({ from: 'Rex', to: 'Rex Tillerson' }))).toEqual({ name: 'Rex Tillerson', merged: false })
    expect(must(await app.api.renameTag({ from: 'rex tillerson', to: 'TILLERSON' }))).toEqual({ name: 'Tillerson', merged: true })
    const tags = must(await app.api.listTags({}))
    expect(tags).toEqual([{ name: 'Tillerson', articles: 1, highlights: 1 }])
  })

  it('exports highlights as Markdown, JSON-LD, CSV and the article as HTML', async () => {
    must(await app.api.addHighlight({ articleId, quote: 'rejected the demand as ridiculous', tags: ['Velayati'], note: 'his words' }))
    const md = must(await app.api.exportHighlights({ format: 'md', tag: 'Velayati' }))
    expect(md.content).toContain('> rejected the demand as ridiculous')
    expect(md.content).toContain('his words')
    expect(md.filename).toMatch(/\.md$/)
    const json = JSON.parse(must(await app.api.exportHighlights({ format: 'json' })).content)
    const ann = json.first.items[0]
    expect(ann.target.selector.map((s: { type: string }) => s.type).sort()).toEqual(['TextPositionSelector', 'TextQuoteSelector'])
    const csv = must(await app.api.exportHighlights({ format: 'csv', articleId }))
    expect(csv.content.split('\r\n')[1]).toContain('rejected the demand as ridiculous')
    const html = must(await app.api.exportHighlights({ format: 'html', articleId }))
    expect(html.content).toMatch(/<mark[^>]*>rejected the demand as ridiculous<\/mark>/)
    expect(await app.api.exportHighlights({ format: 'html' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})


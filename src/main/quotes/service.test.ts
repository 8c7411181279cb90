import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type App } from '../app'
import { tempDbPath } from '../../../test/support/tmp'
import { articlePage } from '../../../test/support/pages'

const ARTICLE_1 = [
  'Secretary of State Rex Tillerson said on Sunday that the militias must leave Syria, in a pointed warning to Tehran.',
  '“Iran needs to withdraw its military from Syria,” Tillerson told reporters travelling with him in Riyadh.',
  '“The foreign fighters in Iraq need to go home,” he added, speaking before a meeting with Iraqi leaders.'
]
const ARTICLE_2 = [
  'Ali Akbar Velayati, a senior adviser to the supreme leader, said on Monday that Iranian forces would remain in Syria.',
  '“We will stay as long as the Syrian government asks us to,” Velayati said at a news conference in Tehran.',
  'Tehran dismissed the remarks by Mr. Tillerson as “ridiculous” and said no foreign power would dictate its policy.'
]

let app: App
let ids: number[]
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

beforeEach(async () => {
  app = openApp(tempDbPath())
  const r = must(
    await app.api.importItems({
      items: [
        { kind: 'html', html: articlePage({ title: 'Tillerson warns Iran', paragraphs: ARTICLE_1, canonical: 'https://n.example/1' }) },
        { kind: 'html', html: articlePage({ title: 'Velayati rejects demand', paragraphs: ARTICLE_2, canonical: 'https://n.example/2' }) }
      ]
    })
  )
  ids = r.results.map((x) => x.id!)
})
afterEach(() => app.close())

describe('detected quotes', () => {
  it('finds the quotes of an article at import, with speakers and positions in its text', async () => {
    const quotes = must(await app.api.articleQuotes({ articleId: ids[0] }))
    const a = must(await app.api.getArticle({ id: ids[0] }))
    const direct = quotes.filter((q) => q.kind === 'direct')
    expect(direct.map((q) => [q.text, q.speaker])).toEqual([
      ['Iran needs to withdraw its military from Syria,', 'Rex Tillerson'],
      ['The foreign fighters in Iraq need to go home,', 'Rex Tillerson']
    ])
    for (const q of quotes) expect(a.text.slice(q.start, q.end)).toBe(q.text)
  })

  it('keeps a corrected speaker across a re-import, and turns a quote into a highlight tagged with the speaker', async () => {
    const [first] = must(await app.api.articleQuotes({ articleId: ids[1] })).filter((q) => q.kind === 'direct')
    expect(first.speaker).toBe('Ali Akbar Velayati')
    must(await app.api.setQuoteSpeaker({ id: first.id, speaker: 'Velayati (adviser)' }))
    must(await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Velayati rejects demand', paragraphs: ARTICLE_2, canonical: 'https://n.example/2' }) }] }))
    const again = must(await app.api.articleQuotes({ articleId: ids[1] })).find((q) => q.text === first.text)!
    expect(again).toMatchObject({ speaker: 'Velayati (adviser)', corrected: true, confidence: 1 })
    const h = must(await app.api.highlightQuote({ id: again.id }))
    expect(h.exact).toBe(first.text)
    expect(h.tags).toEqual(['Velayati (adviser)'])
    expect(await app.api.highlightQuote({ id: again.id })).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('lists speakers across the archive, merging a surname with the full name', async () => {
    const speakers = must(await app.api.listSpeakers({}))
    const tillerson = speakers.find((s) => s.name === 'Rex Tillerson')!
    expect(tillerson.quotes).toBeGreaterThanOrEqual(2)
    expect(speakers.filter((s) => /Tillerson/.test(s.name))).toHaveLength(1)
    const tehran = speakers.find((s) => s.name === 'Tehran')
    expect(tehran?.quotes).toBe(1)
    const said = must(await app.api.speakerQuotes({ name: 'Tillerson' }))
    expect(said.items.every((q) => q.speaker?.includes('Tillerson'))).toBe(true)
    expect(said.items[0].article.title).toBe('Tillerson warns Iran')
  })

  it('merges speakers on request and exports a speaker’s quotes with citations', async () => {
    must(await app.api.mergeSpeakers({ from: 'Tehran', into: 'Ali Akbar Velayati' }))
    const speakers = must(await app.api.listSpeakers({}))
    expect(speakers.find((s) => s.name === 'Tehran')).toBeUndefined()
    const v = speakers.find((s) => s.key === 'ali akbar velayati')!
    expect(v.aliases).toContain('Tehran')
    const md = must(await app.api.exportSpeakerQuotes({ name: 'Ali Akbar Velayati', format: 'md' }))
    expect(md.content).toContain('> We will stay as long as the Syrian government asks us to,')
    expect(md.content).toContain('Velayati rejects demand')
    expect(md.count).toBeGreaterThanOrEqual(2)
  })
})

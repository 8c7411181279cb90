import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { prepareArticle } from './prepare'
import { isDateStamp, measure } from './signals'
import { parseFragment, type DomElement } from './dom'

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000040000000300806000000', 'hex'), Buffer.alloc(200, 1)])
const page = readFileSync(new URL('./fixtures/furniture-article.html', import.meta.url))
const prepare = (loadImage = async () => ({ mime: 'image/png', bytes: PNG })) =>
  prepareArticle({ html: page, url: 'https://tidewater.example/2023/10/dredging', contentType: 'text/html' }, { loadImage })

interface Json {
  type: string
  text?: string
  attrs?: Record<string, unknown>
  content?: Json[]
}
const textOf = (n: Json): string => n.text ?? (n.content ?? []).map(textOf).join('')
const blocks = (doc: Json): Json[] => doc.content ?? []

describe('the article without the page around it', () => {
  it('keeps every paragraph of the article, the standfirst first', async () => {
    const a = await prepare()
    const paragraphs = blocks(a.doc as unknown as Json).filter((b) => b.type === 'paragraph').map(textOf)
    expect(paragraphs[0]).toBe('Dredging will run overnight for six weeks to keep the shipping channel open, the authority said.')
    for (const start of ['The Tidewater Port Authority voted', 'The vote, 6 to 1', '“We heard every one', 'Under the plan, two barges', 'Shipping lines have warned']) {
      expect(paragraphs.some((p) => p.startsWith(start))).toBe(true)
    }
    // A contributor line is article text, linked names and all.
    expect(a.text).toContain('Abigail Reyes and Tom Ng contributed research.')
    // A table's dates are data, not date stamps.
    expect(a.text).toContain('Sept. 4, 2023')
  })

  it('drops the furniture: links elsewhere, ads, newsletter, pull quote, date stamp, byline, bio, related lists', async () => {
    const { text } = await prepare()
    for (const junk of [
      'Port authority approves night dredging plan', // the headline (shown above the text)
      'By Maya Okafor', 'Oct. 2, 2023', 'Why the channel keeps silting up', 'Advertisement', 'Continue reading',
      'The Morning Tide', 'in your inbox', 'Read more', 'Channel deepening project', 'Dock workers vote',
      'covers the port', 'Ferry schedule', 'Home'
    ]) expect(text, junk).not.toContain(junk)
    // The pull quote repeated a sentence: it is there once, in the paragraph.
    expect(text.split('The schedule we approved tonight').length - 1).toBe(1)
  })

  it('keeps captions and credits as figure captions, not paragraphs', async () => {
    const a = await prepare()
    const figures = blocks(a.doc as unknown as Json).filter((b) => b.type === 'figure')
    expect(figures.map((f) => f.content?.map((c) => c.type))).toEqual([['image', 'figcaption'], ['figcaption']])
    expect(textOf(figures[0])).toBe('A dredging barge works the outer channel on Sunday. Jonah Price/The Tidewater Ledger')
    expect(textOf(figures[1])).toBe('Photo: Harbor Pilots Association')
  })

  it('keeps an image that could not be saved as a placeholder in its figure', async () => {
    const a = await prepare(async () => {
      throw new Error('could not resolve host img.tidewater.example')
    })
    const figure = blocks(a.doc as unknown as Json).find((b) => b.type === 'figure')
    expect(figure?.content?.[0]).toEqual({
      type: 'image_missing',
      attrs: { source: 'https://img.tidewater.example/dredge-1600.jpg', alt: 'A dredging barge at dusk', reason: 'could not resolve host img.tidewater.example' }
    })
    expect(a.images).toEqual({ saved: 0, missing: 1 })
  })
})

describe('furniture by its name', () => {
  // One of each kind of name the rules know, so a faster first look at names cannot skip one.
  const NAMES = [
    'newsletter', 'newsletter-box', 'signup', 'subscription', 'paywall', 'share', 'sharing', 'sharetools', 'social-follow', 'related',
    'related-links', 'recommendations', 'recirculation', 'promo', 'sponsored', 'advertisement', 'adslot', 'ad-unit', 'adcontainer',
    'ad-wrapper', 'outbrain', 'taboola', 'comments', 'comment-list', 'author-bio', 'bio', 'biography', 'about-the-authors',
    'author-info', 'byline', 'timestamp', 'dateline-stamp', 'breadcrumbs', 'pullquote', 'error-report', 'report-error',
    'interstitial-link', 'tags', 'taglist', 'print-edition', 'visually-hidden', 'sr-only', 'screen-reader-text', 'offscreen',
    'a11y-hidden', 'hidden-text'
  ]
  const prose = (n: number) =>
    `<p>Paragraph ${n} of the council's story: the members argued for two hours about the harbour, the budget and the ferry timetable, and then voted to meet again in the spring.</p>`
  const html = `<html><head><title>Council votes on the harbour</title></head><body><article><h1>Council votes on the harbour</h1>
    ${NAMES.map((name, i) => `${prose(i)}<div class="c-${name}"><span>Junk line ${i} named ${name}</span></div>`).join('\n')}
    </article></body></html>`

  it('drops a block under each name the rules know, and keeps the article around them', async () => {
    const a = await prepareArticle({ html, url: 'https://council.example/harbour', contentType: 'text/html' }, { loadImage: async () => null })
    for (const name of NAMES) expect(a.text, name).not.toContain(`named ${name}`)
    for (let i = 0; i < NAMES.length; i++) expect(a.text).toContain(`Paragraph ${i} of the council's story`)
  })
})

describe('measure', () => {
  it('counts the visible characters and finds the elements that hold blocks, in one pass', () => {
    const root = parseFragment('<div id="r"><section><p>  ab \n c </p><span> </span></section><span>d<b>ef</b></span></div>').body!.querySelector('#r') as DomElement
    const m = measure(root, (tag) => /^(P|SECTION|DIV)$/.test(tag))
    const [section, outer] = [root.querySelector('section')!, root.querySelector('div > span')!]
    expect(m.visible.get(root)).toBe(6)
    expect(m.visible.get(section)).toBe(3)
    expect(m.visible.get(section.querySelector('span')!)).toBe(0)
    expect(m.visible.get(outer)).toBe(3)
    expect([root, section].every((el) => m.holdsBlock.has(el))).toBe(true)
    expect(m.holdsBlock.has(outer) || m.holdsBlock.has(root.querySelector('p')!)).toBe(false)
  })
})

describe('isDateStamp', () => {
  it('knows a line that is only a date or a time', () => {
    for (const s of ['Sept. 25, 2018', '1:39 PM ET', '22 Dec, 2016 22 Dec, 2016', 'Updated March 3, 2024 at 10:05 a.m.', '2018-09-25', 'Posted 3 hours ago', '2016年10月14日'])
      expect(isDateStamp(s), s).toBe(true)
    for (const s of ['March was a hard month for the port.', 'On May 4, 2020, the vote failed.', '12 Angry Men', 'The 1:39 train'])
      expect(isDateStamp(s), s).toBe(false)
  })
})

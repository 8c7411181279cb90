import { describe, expect, it } from 'vitest'
import { parseHTML } from 'linkedom'
import { readerSchema as s } from '../../shared/reader/schema'
import { docText } from '../../shared/reader/text'
import { describeRange } from '../annotate/anchor'
import { EXPORT_CSP, articleToHtml, type AssetMap, type HtmlArticle } from './html'
import { guardianArticle, highlight } from '../../../test/support/export-fixtures'

const PNG = Buffer.from('89504e470d0a1a0a', 'hex')

function sampleDoc() {
  return s.node('doc', null, [
    s.node('paragraph', null, [
      s.text('Iran needs to '),
      s.text('withdraw', [s.mark('em')]),
      s.text(' its military from Syria.')
    ]),
    s.node('figure', null, [s.node('image', { src: 'asset:3', alt: 'Tillerson <at> podium' }), s.node('figcaption', null, [s.text('Rex Tillerson')])]),
    s.node('paragraph', null, [s.text('Read <more> at '), s.text('the site', [s.mark('link', { href: 'https://example.org/?a=1&b=2' })])])
  ])
}

function articleWith(ranges: Array<[string, Partial<Parameters<typeof highlight>[0]>?]>, title = 'Tillerson on Syria'): HtmlArticle {
  const doc = sampleDoc()
  const { text } = docText(doc)
  const highlights = ranges.map(([quote, over], i) => {
    const start = text.indexOf(quote)
    return highlight({ id: i + 1, ...describeRange(text, start, start + quote.length), ...over })
  })
  return { ...guardianArticle(highlights), title, doc: doc.toJSON(), text }
}

const assets: AssetMap = new Map([[3, { mime: 'image/png', bytes: PNG }]])
const dom = (html: string) => parseHTML(html).document

describe('articleToHtml', () => {
  it('is a self-contained page with a strict CSP and no scripts', () => {
    const html = articleToHtml(articleWith([]), assets)
    const d = dom(html)
    expect(d.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(EXPORT_CSP)
    expect(EXPORT_CSP).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'")
    expect(d.querySelectorAll('script')).toHaveLength(0)
    expect(html).not.toMatch(/src="(https?:|asset:)/)
  })

  it('escapes a hostile title and text', () => {
    const html = articleToHtml(articleWith([], '<script>alert(1)</script> & "co"'), assets)
    expect(html).not.toContain('<script>')
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;</title>')
    expect(dom(html).querySelector('h1')?.textContent).toBe('<script>alert(1)</script> & "co"')
    expect(html).toContain('Read &lt;more&gt; at')
    expect(html).toContain('href="https://example.org/?a=1&amp;b=2"')
  })

  it('inlines images as data: URIs and drops images it does not have', () => {
    const d = dom(articleToHtml(articleWith([]), assets))
    const img = d.querySelector('figure img')
    expect(img?.getAttribute('src')).toBe(`data:image/png;base64,${PNG.toString('base64')}`)
    expect(img?.getAttribute('alt')).toBe('Tillerson <at> podium')
    const without = dom(articleToHtml(articleWith([]), new Map()))
    expect(without.querySelector('figure img')?.hasAttribute('src')).toBe(false)
  })

  it('reads right to left for an Arabic article, each block finding its own direction, and shows missing images as such', () => {
    const doc = s.node('doc', null, [
      s.node('paragraph', null, [s.text('قالت الوزارة إن المفاوضات ستستأنف.')]),
      s.node('figure', null, [s.node('image_missing', { source: 'https://img.example/a.jpg', alt: 'الوفدان', reason: 'HTTP 404 Not Found' }), s.node('figcaption', null, [s.text('صورة')])])
    ])
    const html = articleToHtml({ ...guardianArticle([]), title: 'مفاوضات', doc: doc.toJSON(), text: docText(doc).text, language: 'ar', dir: 'rtl' }, new Map())
    const d = dom(html)
    expect(d.documentElement.getAttribute('lang')).toBe('ar')
    expect(d.documentElement.getAttribute('dir')).toBe('rtl')
    expect(d.querySelector('.content p')?.getAttribute('dir')).toBe('auto')
    const missing = d.querySelector('.image-missing')
    expect(missing?.textContent).toBe('Image not saved: HTTP 404 Not Foundالوفدانimg.example')
    expect(missing?.querySelector('a')?.getAttribute('href')).toBe('https://img.example/a.jpg')
    // A link to where the image was, never an image loaded from there.
    expect(html).not.toMatch(/src="https?:/)
  })

  it('marks highlighted text in its colour, across inline marks', () => {
    const d = dom(articleToHtml(articleWith([['needs to withdraw its', { color: 'green', note: 'Key "line"' }]]), assets))
    const marks = [...d.querySelectorAll('mark[data-highlight="1"]')]
    expect(marks.map((m) => m.textContent).join('')).toBe('needs to withdraw its')
    expect(marks).toHaveLength(3) // split by the <em>
    expect(marks[0].getAttribute('id')).toBe('hl-1')
    expect(marks[0].getAttribute('style')).toBe('background-color: #c8f7c5')
    expect(marks[0].getAttribute('title')).toBe('Key "line"')
    expect(d.querySelector('em mark')?.textContent).toBe('withdraw')
  })

  it('nests overlapping highlights and splits them where they cross', () => {
    const d = dom(articleToHtml(articleWith([['Iran needs to', {}], ['needs to withdraw', { color: 'blue' }]]), assets))
    const textOf = (id: number) => [...d.querySelectorAll(`mark[data-highlight="${id}"]`)].map((m) => m.textContent).join('')
    expect(textOf(1)).toBe('Iran needs to')
    expect(textOf(2)).toBe('needs to withdraw')
    const nested = d.querySelector('mark[data-highlight="1"] > mark[data-highlight="2"]')
    expect(nested?.textContent).toBe('needs to')
  })

  it('highlights across paragraphs and lists notes, tags and orphans at the end', () => {
    const article = articleWith([['Syria.', { tags: ['Syria'] }], ['Rex Tillerson', { note: 'caption <b>' }]])
    article.highlights.push(highlight({ id: 9, exact: 'A passage that is gone', orphan: true, start: 0, end: 22 }))
    const d = dom(articleToHtml(article, assets))
    expect(d.querySelector('figcaption mark')?.textContent).toBe('Rex Tillerson')
    const items = [...d.querySelectorAll('.annotations li')]
    expect(items.map((li) => li.querySelector('blockquote')?.textContent)).toEqual(['Syria.', 'Rex Tillerson', 'A passage that is gone'])
    expect(items[0].textContent).toContain('Tags: Syria')
    expect(items[1].querySelector('.note')?.textContent).toBe('caption <b>')
    expect(items[1].querySelector('a')?.getAttribute('href')).toBe('#hl-2')
    expect(items[2].querySelector('.orphan')).not.toBeNull()
    expect(d.querySelector('mark[data-highlight="3"]')).toBeNull()
  })

  it('refuses unsafe link targets even if the stored document has them', () => {
    const doc = sampleDoc().toJSON() as { content: Array<{ content?: Array<{ marks?: Array<{ attrs?: { href: string } }> }> }> }
    doc.content[2].content![1].marks![0].attrs!.href = 'javascript:alert(1)'
    const html = articleToHtml({ ...articleWith([]), doc }, assets)
    expect(html).not.toContain('javascript:')
  })

  it('falls back to the plain text, still highlighted, when the document cannot be read', () => {
    const text = 'First paragraph.\n\nSecond paragraph here.'
    const h = highlight({ id: 1, ...describeRange(text, 25, 34) })
    const d = dom(articleToHtml({ ...guardianArticle([h]), doc: { type: 'nonsense' }, text }, assets))
    expect([...d.querySelectorAll('.content p')].map((p) => p.textContent)).toEqual(['First paragraph.', 'Second paragraph here.'])
    expect(d.querySelector('mark')?.textContent).toBe('paragraph')
  })
})

import { describe, expect, it } from 'vitest'
import { parseDocument } from './dom'
import { prepareArticle } from './prepare'

describe('parseDocument: attribute names as a browser reads them', () => {
  it('lower-cases upper-case attribute names, so HREF, SRC and CLASS are found', () => {
    const doc = parseDocument('<HTML><BODY><P CLASS="lead" Id="x">Hi <A HREF="https://example.org/a">link</A> <IMG SRC="/i.jpg" ALT="pic"></P></BODY></HTML>')
    const a = doc.querySelector('a')!
    expect(a.getAttribute('href')).toBe('https://example.org/a')
    expect(doc.querySelector('img')!.getAttribute('src')).toBe('/i.jpg')
    expect(doc.querySelector('p')!.getAttribute('class')).toBe('lead')
    expect(doc.querySelector('p')!.getAttribute('id')).toBe('x')
    expect(a.outerHTML).toBe('<a href="https://example.org/a">link</a>')
  })

  it('keeps the first of two spellings of one name, as a browser does', () => {
    const doc = parseDocument('<body><a HREF="first" href="second">x</a><a href="one" HREF="two">y</a></body>')
    const [x, y] = [...doc.querySelectorAll('a')]
    expect(x.getAttribute('href')).toBe('first')
    expect(y.getAttribute('href')).toBe('one')
    expect(x.attributes.length).toBe(1)
  })

  it("leaves SVG's names in their case (viewBox) and lower-case pages as they were", () => {
    const doc = parseDocument('<body><P CLASS="c">t</P><svg viewBox="0 0 1 1"><path d="M0"/></svg></body>')
    expect(doc.querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 1 1')
    const plain = '<body><p class="c" data-x="?Z=1">t</p></body>'
    expect(parseDocument(plain).querySelector('p')!.outerHTML).toBe('<p class="c" data-x="?Z=1">t</p>')
  })

  it('an older page in upper-case markup keeps its links in the reader document', async () => {
    const body = Array.from({ length: 8 }, (_, i) => `<P>Paragraph ${i} of an old page, with enough words in it to be read as an article by the extractor, and a few more.</P>`).join('\n')
    const html = `<HTML><HEAD><TITLE>Old page</TITLE></HEAD><BODY><DIV CLASS="story">${body}<P>See <A HREF="https://example.org/source">the source</A>.</P></DIV></BODY></HTML>`
    const prepared = await prepareArticle({ html, url: 'https://example.org/page' }, { loadImage: async () => null })
    expect(JSON.stringify(prepared.doc)).toContain('"href":"https://example.org/source"')
  })
})

import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOMParser } from 'linkedom'
import { parseDocument, type Dom, type DomElement } from './dom'
import { linkedomSelectors, planOf } from './tag-selectors'
import { readerSchema } from '../../shared/reader/schema'

const FIXTURES = join(import.meta.dirname, 'fixtures')

/** The reader schema's parse rules and the selectors ingest passes to closest(). */
const schemaSelectors = Object.values({ ...readerSchema.nodes, ...readerSchema.marks })
  .flatMap((t) => (t.spec.parseDOM ?? []).map((r) => (r as { tag?: string }).tag))
  .filter((s): s is string => !!s)
const SELECTORS = [...new Set([...schemaSelectors, 'figure', 'figcaption', 'pre, code', 'table, ul, ol, dl', 'ul, ol', 'table', 'nav, aside, footer', 'p', 'IMG', 'img[src]', 'a[href]', 'div.caption', 'p:first-child'])]

/** linkedom's private next/end links of a document, for calling its own method as its query() does. */
function linksOf(doc: object): Record<symbol, unknown> {
  const out: Record<symbol, unknown> = {}
  for (const s of Object.getOwnPropertySymbols(doc)) if (s.description === 'next' || s.description === 'end') out[s] = (doc as Record<symbol, unknown>)[s]
  return out
}

type Native = { call(el: DomElement, s: string): unknown }
const linkedomMatches = linkedomSelectors.matches as unknown as Native
const linkedomClosest = linkedomSelectors.closest as unknown as Native

/** A page with upper-case markup, figures, captions and attributes the selectors test. */
const MIXED = `<!doctype html><html><body><NAV><UL><LI><A HREF="/x">x</A></LI></UL></NAV>
<article><FIGURE><IMG SRC="a.png"><FIGCAPTION><p>Cap <b>bold</b></p></FIGCAPTION></FIGURE>
<pre><code><span class="c">code</span></code></pre><table><tr><td><ol><li><i>i</i></li></ol></td></tr></table>
<img data-clipfile-missing="1"><a>no href</a><svg><linearGradient id="g"></linearGradient></svg>
<h3>h</h3><aside><footer><em>e</em></footer></aside></article></body></html>`

function pages(): { name: string; elements: DomElement[] }[] {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'))
  const docs = [...files.map((f) => ({ name: f, doc: parseDocument(readFileSync(join(FIXTURES, f), 'latin1')) })), { name: 'mixed', doc: parseDocument(MIXED) }]
  return docs.map(({ name, doc }) => ({ name, elements: [...doc.querySelectorAll('*')] }))
}

describe('tag selectors without a compile per call', () => {
  it('plans only the simple forms', () => {
    expect(planOf('p')).not.toBeNull()
    expect(planOf('table, ul, ol, dl')?.tags.size).toBe(4)
    expect(planOf('img[src]')?.attr).toBe('src')
    // css-select lower-cases a selector's tag names in HTML documents: Readability's "SPAN,LI,…" is planned.
    expect([...(planOf('SPAN,LI,TD')?.tags ?? [])]).toEqual(['span', 'li', 'td'])
    for (const s of ['div.caption', 'p:first-child', 'a[href="x"]', 'IMG[SRC]', ':scope > p', '*', 'div > br']) expect(planOf(s)).toBeNull()
  })

  it("answers matches() and closest() exactly as linkedom's own methods do, on every element of the fixtures", () => {
    let compared = 0
    let matched = 0
    for (const { elements } of pages()) {
      for (const el of elements) {
        for (const s of SELECTORS) {
          const mine = el.closest(s)
          expect(mine).toBe(linkedomClosest.call(el, s))
          const yes = (el as unknown as { matches(s: string): boolean }).matches(s)
          expect(yes).toBe(linkedomMatches.call(el, s))
          compared++
          matched += +yes
        }
      }
    }
    expect(compared).toBeGreaterThan(1000)
    expect(matched).toBeGreaterThan(50)
  })

  it("answers querySelectorAll() and querySelector() exactly as linkedom's own do, from the document and from every element", () => {
    type Q = { call(root: unknown, s: string): ArrayLike<DomElement> & Iterable<DomElement> }
    const nativeAll = linkedomSelectors.querySelectorAll as unknown as Q
    const nativeOne = linkedomSelectors.querySelector as unknown as { call(root: unknown, s: string): DomElement | null }
    // Readability's tag lists (joined without spaces), ingest's, '*', and forms left to linkedom.
    const queries = [...SELECTORS, '*', 'p,pre,article', 'SPAN,LI,TD,BLOCKQUOTE,DL,DIV,IMG,OL,P,PRE,TABLE,UL', 'H1, h2', 'h1,h2,h3,h4,h5,h6', 'object,embed,iframe', 'img,picture,figure,video,audio,source', 'template', 'time[datetime]', '[itemprop~="headline" i]']
    let compared = 0
    let found = 0
    const withTemplate = parseDocument('<body><p>a</p><template><p>inside</p><img src="t.png"></template><div><p>b</p></div></body>')
    const docs = [...pages().map(({ elements }) => (elements[0] as unknown as { ownerDocument: Dom }).ownerDocument), withTemplate]
    for (const doc of docs) {
      const roots: unknown[] = [doc, ...[...doc.querySelectorAll('*')].filter((_e, i) => i % 7 === 0)]
      for (const root of roots) {
        for (const s of queries) {
          const mine = [...(root as Dom).querySelectorAll(s)]
          // The document's own method goes through a stand-in for the document (linkedom's query()).
          const theirs = root === doc ? [...nativeAll.call({ ownerDocument: doc, ...linksOf(doc) }, s)] : [...nativeAll.call(root, s)]
          expect(mine).toEqual(theirs)
          expect(mine.length === theirs.length && mine.every((e, i) => e === theirs[i])).toBe(true)
          const one = (root as Dom).querySelector(s)
          expect(one).toBe(root === doc ? nativeOne.call({ ownerDocument: doc, ...linksOf(doc) }, s) : nativeOne.call(root, s))
          compared++
          found += mine.length
        }
      }
    }
    expect(compared).toBeGreaterThan(1000)
    expect(found).toBeGreaterThan(1000)
    // A template's content is not searched, as in a browser.
    expect([...withTemplate.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['a', 'b'])
    expect(withTemplate.querySelectorAll('img').length).toBe(0)
    // The list is linkedom's NodeList: it has item().
    expect((withTemplate.querySelectorAll('p') as unknown as { item(i: number): DomElement | null }).item(1)?.textContent).toBe('b')
  })

  it('leaves documents ingest did not parse to linkedom (the bench compares Readability alone on them)', () => {
    const doc = new DOMParser().parseFromString('<html><body><p>x</p><P>y</P></body></html>', 'text/html') as unknown as Dom
    expect([...doc.querySelectorAll('p')].length).toBe(2)
    expect(doc.querySelector('*')?.tagName).toBe('HTML')
  })

  it('leaves XML documents to linkedom (names there are case-sensitive)', () => {
    const xml = new DOMParser().parseFromString('<root><P><p>x</p></P></root>', 'text/xml') as unknown as { querySelectorAll(s: string): ArrayLike<DomElement> }
    const inner = xml.querySelectorAll('p')[0]
    expect(inner.closest('P')?.tagName).toBe('P')
    expect(inner.closest('p')).toBe(inner)
    const outer = (inner.parentNode as DomElement) as unknown as { matches(s: string): boolean }
    expect(outer.matches('p')).toBe(false)
  })
})

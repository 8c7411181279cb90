import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOMParser } from 'linkedom'
import { parseDocument, type DomElement } from './dom'
import { linkedomSelectors, planOf } from './tag-selectors'
import { readerSchema } from '../../shared/reader/schema'

const FIXTURES = join(import.meta.dirname, 'fixtures')

/** The reader schema's parse rules and the selectors ingest passes to closest(). */
const schemaSelectors = Object.values({ ...readerSchema.nodes, ...readerSchema.marks })
  .flatMap((t) => (t.spec.parseDOM ?? []).map((r) => (r as { tag?: string }).tag))
  .filter((s): s is string => !!s)
const SELECTORS = [...new Set([...schemaSelectors, 'figure', 'figcaption', 'pre, code', 'table, ul, ol, dl', 'ul, ol', 'table', 'nav, aside, footer', 'p', 'IMG', 'img[src]', 'a[href]', 'div.caption', 'p:first-child'])]

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
    for (const s of ['IMG', 'div.caption', 'p:first-child', 'a[href="x"]', ':scope > p', '*']) expect(planOf(s)).toBeNull()
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

  it('leaves XML documents to linkedom (names there are case-sensitive)', () => {
    const xml = new DOMParser().parseFromString('<root><P><p>x</p></P></root>', 'text/xml') as unknown as { querySelectorAll(s: string): ArrayLike<DomElement> }
    const inner = xml.querySelectorAll('p')[0]
    expect(inner.closest('P')?.tagName).toBe('P')
    expect(inner.closest('p')).toBe(inner)
    const outer = (inner.parentNode as DomElement) as unknown as { matches(s: string): boolean }
    expect(outer.matches('p')).toBe(false)
  })
})

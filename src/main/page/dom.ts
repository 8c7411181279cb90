/**
 * The small slice of the DOM that ingest uses, typed structurally: the node build has no
 * DOM lib, and linkedom's own typings lean on it. Parsing goes through linkedom (fast,
 * no layout engine) — never a browser, since archived pages are hostile.
 */
import { DOMParser } from 'linkedom'
// linkedom's selector methods without a selector compile per call, for the simple selectors ingest uses.
import { fastSelectorsFor } from './tag-selectors'

export interface DomNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  parentNode: DomNode | null
  childNodes: ArrayLike<DomNode>
  firstChild: DomNode | null
  previousSibling: DomNode | null
  nextSibling: DomNode | null
  remove(): void
}

export interface DomElement extends DomNode {
  tagName: string
  innerHTML: string
  outerHTML: string
  attributes: ArrayLike<{ name: string; value: string }>
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
  hasAttribute(name: string): boolean
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): Iterable<DomElement> & ArrayLike<DomElement>
  closest(selector: string): DomElement | null
  replaceWith(...nodes: DomNode[]): void
  before(...nodes: DomNode[]): void
  after(...nodes: DomNode[]): void
  replaceChildren(...nodes: (DomNode | string)[]): void
  append(...nodes: (DomNode | string)[]): void
  prepend(...nodes: (DomNode | string)[]): void
}

export interface Dom {
  documentElement: DomElement | null
  head: DomElement | null
  body: DomElement | null
  title: string
  createElement(tag: string): DomElement
  createTextNode(text: string): DomNode
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): Iterable<DomElement> & ArrayLike<DomElement>
}

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

/** Parses a whole page (a fragment gets html/head/body around it). */
export function parseDocument(html: string): Dom {
  // linkedom leaves documentElement null for input with no element at all (blank or text
  // only); a browser would still build html/head/body, and Readability relies on them.
  const wrapped = `<html><head></head><body>${html}</body></html>`
  let doc = new DOMParser().parseFromString(/<[a-z!]/i.test(html) ? html : wrapped, 'text/html') as unknown as Dom
  // Text that merely contains `<b` or `<!x` (binary bytes, a stray "<") is no element either.
  if (!doc.documentElement) doc = new DOMParser().parseFromString(wrapped, 'text/html') as unknown as Dom
  fastSelectorsFor(doc)
  if (UPPER_CASE_ATTRIBUTE.test(html)) lowerAttributeNames(doc)
  return doc
}

/**
 * An attribute name with a capital letter somewhere in a tag (`<A HREF=…>`, `<IMG SRC=…>`, the
 * markup of older pages). Also true of some URLs and scripts (`?Z=1`): then the walk below
 * finds nothing to change.
 */
const UPPER_CASE_ATTRIBUTE = /<[a-zA-Z][a-zA-Z0-9]*\s[^<>]*?[A-Z][a-zA-Z-]*\s*=/

/**
 * HTML attribute names are case-insensitive and a browser's parser lower-cases them; linkedom
 * keeps them as written, so `getAttribute('href')` would miss `HREF=` — links, images and
 * classes lost from older pages, for Readability and every rule here. Names are lower-cased
 * as a browser does: the first of two spellings of one name wins, and SVG and MathML, whose
 * names keep their case (`viewBox`), are left alone.
 */
function lowerAttributeNames(doc: Dom): void {
  for (const el of doc.querySelectorAll('*')) {
    const attrs = el.attributes
    let upper = false
    for (let i = 0; i < attrs.length && !upper; i++) upper = attrs[i].name !== attrs[i].name.toLowerCase()
    if (!upper || el.closest('svg, math')) continue
    const first = new Map<string, string>()
    const written = Array.from(attrs, (a) => ({ name: a.name, value: a.value }))
    for (const a of written) if (!first.has(a.name.toLowerCase())) first.set(a.name.toLowerCase(), a.value)
    for (const a of written) el.removeAttribute(a.name)
    for (const [name, value] of first) el.setAttribute(name, value)
  }
}

/** Parses an HTML fragment into a fresh document's <body>. */
export function parseFragment(html: string): Dom {
  return parseDocument(`<!doctype html><html><head></head><body>${html}</body></html>`)
}

/**
 * linkedom answers `el.matches(selector)` and `el.closest(selector)` by compiling the
 * selector with css-select on EVERY call. The import asks them per element: ProseMirror's
 * parser tries each parse rule of the reader schema (`p`, `h2`, `img[src]`, …) on every
 * element of the article, and the caption, header and boilerplate rules ask
 * `closest('figure')`-like questions of every element of the page — compiling was a sixth of
 * the import's CPU beyond Readability (bench/import-stages.ts, profiled).
 *
 * For the selectors these callers use — tag names, a list of them, or a tag with one
 * attribute present (`img[src]`) — on an element of an HTML document, the answer is a
 * comparison of tag names, which is what css-select computes for them (in HTML documents it
 * compares the lower-cased local name with the lower-cased tag names of the selector; an
 * attribute's name must be written in lower case here). Anything else (other selectors, XML
 * documents) goes to linkedom's own method unchanged. Readability uses neither method, so the Readability-alone baseline of the
 * bench is unaffected. `tag-selectors.test.ts` checks the answers against linkedom's own.
 */
import { DOMParser, Element } from 'linkedom'

interface Plan {
  /** Lower-case tag names (css-select compares the lower-cased local name in HTML documents). */
  tags: Set<string>
  /** The tag when there is only one (`p`, `img[src]`): a string comparison, not a set lookup. */
  one: string | null
  /** An attribute that must be present, or null. */
  attr: string | null
}

function planned(names: string[], attr: string | null): Plan {
  const tags = new Set(names)
  return { tags, one: tags.size === 1 ? names[0] : null, attr }
}

/** Tag names in either case: css-select lower-cases a selector's tag names in HTML documents (Readability writes "SPAN,LI,…"). */
const TAG_LIST = /^[a-zA-Z][a-zA-Z0-9]*(?:\s*,\s*[a-zA-Z][a-zA-Z0-9]*)*$/
const TAG_ATTR = /^([a-z][a-z0-9]*)\[([a-z][a-z0-9-]*)\]$/

const plans = new Map<string, Plan | null>()

/** The comparison a selector stands for, or null when it is not one of the simple forms. */
export function planOf(selector: string): Plan | null {
  let plan = plans.get(selector)
  if (plan !== undefined) return plan
  const withAttr = TAG_ATTR.exec(selector)
  plan = withAttr
    ? planned([withAttr[1]], withAttr[2])
    : TAG_LIST.test(selector)
      ? planned(selector.split(',').map((t) => t.trim().toLowerCase()), null)
      : null
  // Bounded: callers use a fixed handful of selectors.
  if (plans.size < 1000) plans.set(selector, plan)
  return plan
}

interface LinkedomElement {
  localName: string
  ownerDocument: object
  parentElement: LinkedomElement | null
  hasAttribute(name: string): boolean
}

/**
 * Whether a document compares names case-insensitively (an HTML document): linkedom then
 * upper-cases tagName, in XML documents tagName is the local name. Asked once per document.
 */
const htmlDocuments = new WeakMap<object, boolean>()
function isHtmlDocument(doc: object): boolean {
  let html = htmlDocuments.get(doc)
  if (html === undefined) {
    html = (doc as { createElement(t: string): { tagName: string } }).createElement('i').tagName === 'I'
    htmlDocuments.set(doc, html)
  }
  return html
}

const named = (el: LinkedomElement, plan: Plan): boolean => {
  const name = el.localName.toLowerCase()
  return plan.one !== null ? name === plan.one : plan.tags.has(name)
}
const test = (el: LinkedomElement, plan: Plan): boolean => named(el, plan) && (plan.attr === null || el.hasAttribute(plan.attr))

type Proto = { matches(this: LinkedomElement, s: string): boolean; closest(this: LinkedomElement, s: string): LinkedomElement | null }
const proto = (Element as unknown as { prototype: Proto }).prototype
const linkedomMatches = proto.matches
const linkedomClosest = proto.closest

proto.matches = function matches(this: LinkedomElement, selector: string): boolean {
  const plan = planOf(selector)
  if (plan === null || !isHtmlDocument(this.ownerDocument)) return linkedomMatches.call(this, selector)
  return test(this, plan)
}

proto.closest = function closest(this: LinkedomElement, selector: string): LinkedomElement | null {
  const plan = planOf(selector)
  if (plan === null || !isHtmlDocument(this.ownerDocument)) return linkedomClosest.call(this, selector)
  // Ancestors share the element's document.
  return closestBy(this, plan)
}

function closestBy(from: LinkedomElement, plan: Plan): LinkedomElement | null {
  for (let el: LinkedomElement | null = from; el; el = el.parentElement) if (test(el, plan)) return el
  return null
}

/**
 * `querySelectorAll`/`querySelector` walk the document and test each element with a selector
 * css-select compiled for the call; for the simple forms the test is the comparison above and
 * `*` is every element. The walk is linkedom's own: its node list in order (`next` to the
 * parent's `end`), a template's content skipped. Only in documents ingest parsed
 * (`fastSelectorsFor`): Readability's own queries there use it too, but a document parsed
 * elsewhere — the bench's Readability-alone baseline — keeps linkedom's path.
 */
const fastDocuments = new WeakSet<object>()
export function fastSelectorsFor(doc: object): void {
  fastDocuments.add(doc)
}

const ALL: Plan = { tags: new Set(), one: null, attr: null }
const planFor = (selector: string): Plan | null => (selector === '*' ? ALL : planOf(selector))
const accepts = (el: LinkedomElement, plan: Plan): boolean => plan === ALL || test(el, plan)

type WalkNode = LinkedomElement & { nodeType: number; [k: symbol]: WalkNode }

/**
 * linkedom's private links, found by their names on a node, and its NodeList class (neither is
 * exported); constants, so the walk's keyed loads are as cheap as linkedom's own.
 */
const { NEXT, END, NodeList } = ((): { NEXT: symbol; END: symbol; NodeList: new () => LinkedomElement[] } => {
  const found = new DOMParser().parseFromString('<p>x</p>', 'text/html').querySelectorAll('p') as unknown as object[]
  const link = (d: string): symbol => {
    const symbol = Object.getOwnPropertySymbols(found[0]).find((s) => s.description === d)
    if (!symbol) throw new Error(`linkedom has no ${d} link: tag-selectors.ts needs updating`)
    return symbol
  }
  return { NEXT: link('next'), END: link('end'), NodeList: found.constructor as new () => LinkedomElement[] }
})()

type ParentProto = {
  querySelectorAll(this: WalkNode, s: string): LinkedomElement[]
  querySelector(this: WalkNode, s: string): LinkedomElement | null
}
const parentProto = Object.getPrototypeOf(proto) as ParentProto
const linkedomQueryAll = parentProto.querySelectorAll
const linkedomQuery = parentProto.querySelector

function walk(from: WalkNode, plan: Plan, first: boolean): LinkedomElement[] {
  const out = new NodeList()
  const end = from[END]
  let next = from[NEXT]
  while (next !== end) {
    const element = next.nodeType === 1
    if (element && accepts(next, plan)) {
      out.push(next)
      if (first) break
    }
    next = element && next.localName === 'template' ? next[END] : next[NEXT]
  }
  return out
}

const fastPlan = (node: WalkNode, selector: string): Plan | null => {
  if (!fastDocuments.has(node.ownerDocument)) return null
  const plan = planFor(selector)
  return plan !== null && isHtmlDocument(node.ownerDocument) ? plan : null
}

parentProto.querySelectorAll = function querySelectorAll(this: WalkNode, selector: string): LinkedomElement[] {
  const plan = fastPlan(this, selector)
  return plan === null ? linkedomQueryAll.call(this, selector) : walk(this, plan, false)
}

parentProto.querySelector = function querySelector(this: WalkNode, selector: string): LinkedomElement | null {
  const plan = fastPlan(this, selector)
  return plan === null ? linkedomQuery.call(this, selector) : (walk(this, plan, true)[0] ?? null)
}

/** linkedom's own methods, for the tests that compare answers. */
export const linkedomSelectors = { matches: linkedomMatches, closest: linkedomClosest, querySelectorAll: linkedomQueryAll, querySelector: linkedomQuery }

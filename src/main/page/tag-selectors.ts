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
 * comparison of tag names, which is what css-select computes for them (it compares the
 * lower-cased local name in HTML documents; the selectors here are lower case). Anything
 * else (other selectors, XML documents, a name in upper case) goes to linkedom's own method
 * unchanged. Readability uses neither method, so the Readability-alone baseline of the
 * bench is unaffected. `tag-selectors.test.ts` checks the answers against linkedom's own.
 */
import { Element } from 'linkedom'

interface Plan {
  /** Lower-case tag names (css-select compares the lower-cased local name in HTML documents). */
  tags: Set<string>
  /** An attribute that must be present, or null. */
  attr: string | null
}

const TAG_LIST = /^[a-z][a-z0-9]*(?:\s*,\s*[a-z][a-z0-9]*)*$/
const TAG_ATTR = /^([a-z][a-z0-9]*)\[([a-z][a-z0-9-]*)\]$/

const plans = new Map<string, Plan | null>()

/** The comparison a selector stands for, or null when it is not one of the simple forms. */
export function planOf(selector: string): Plan | null {
  let plan = plans.get(selector)
  if (plan !== undefined) return plan
  const withAttr = TAG_ATTR.exec(selector)
  plan = withAttr
    ? { tags: new Set([withAttr[1]]), attr: withAttr[2] }
    : TAG_LIST.test(selector)
      ? { tags: new Set(selector.split(',').map((t) => t.trim())), attr: null }
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

const test = (el: LinkedomElement, plan: Plan): boolean => plan.tags.has(el.localName.toLowerCase()) && (plan.attr === null || el.hasAttribute(plan.attr))

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

/** linkedom's own methods, for the tests that compare answers. */
export const linkedomSelectors = { matches: linkedomMatches, closest: linkedomClosest }

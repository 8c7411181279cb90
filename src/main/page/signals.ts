/**
 * General signals that tell a page's furniture from its article, shared by captions.ts,
 * standfirst.ts and boilerplate.ts: what an element's class/id/role names say, how much of
 * its text is links, whether a line is only a date. No site lists: names and phrases that
 * publishers everywhere use for the same things.
 */
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom'
import { collapseSpaces } from '../../shared/spaces'

/**
 * An element's class, id, role and itemprop, lower case, as one string ("c-newsletter__title
 * main"). An id that reads like a heading's slug ("sharing-with-a-single-developer") names
 * the content, not its kind, and is left out.
 */
export function namesOf(el: DomElement): string {
  const id = el.getAttribute('id')
  const slug = !!id && id.split(/[^a-zA-Z0-9]+/).filter(Boolean).length > 3
  return [el.getAttribute('class'), slug ? null : id, el.getAttribute('role'), el.getAttribute('itemprop')]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
}

/** Whitespace-collapsed text. */
export const textOf = (n: DomNode | null): string => collapseSpaces(n?.textContent ?? '').trim()

/** Share of an element's text that sits inside links (0 for an element without text). */
export function linkDensity(el: DomElement): number {
  const total = textOf(el).length
  if (total === 0) return 0
  let linked = 0
  for (const a of el.querySelectorAll('a')) linked += textOf(a).length
  return Math.min(1, linked / total)
}

/** The element's element children. */
export function childElements(el: DomNode): DomElement[] {
  const out: DomElement[] = []
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) out.push(c as DomElement)
  return out
}

/** A name matched as a whole word of a class list: `bio` in "post-body-bio", not in "biology". */
export const nameMatcher = (words: string): RegExp => new RegExp(`(?:^|[^a-z0-9])(?:${words})(?:$|[^a-z0-9])`)

/** Names of image captions and credits. */
export const CAPTION_NAMES = nameMatcher(
  '(?:fig|wp-|image-|photo-|media-|pb-|video-)?caption(?:-text)?|figcaption|credits?|photo-?credit|image-?credit|attribution|copyright|legend|(?:slideshow|gallery|carousel)-(?:headline|title|caption|description|text)'
)

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januar|februar|märz|juni|juli|oktober|dezember)\\.?'
const WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?'
const TIME = '\\d{1,2}[:.h]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*(?:[a-z]{2,4}|utc[+-]?\\d*|gmt[+-]?\\d*))?'
const DATE = `(?:${WEEKDAY}\\s*)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH},?(?:\\s+\\d{4})?|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{4}年\\d{1,2}月\\d{1,2}日)`
const STAMP = new RegExp(
  `^(?:(?:updated|published|posted|last (?:updated|modified)|first published|mis à jour|publié le|actualizado|aktualisiert)\\s*(?:on|:)?\\s*)?(?:${DATE}(?:\\s*(?:at|,|-|–|—|\\||à|um)?\\s*${TIME})?|${TIME}(?:\\s*(?:,|\\||on|-)?\\s*${DATE})?|${DATE}\\s+${DATE})\\.?$`,
  'i'
)

/** A line that is only a date or a time stamp ("Sept. 25, 2018", "1:39 PM ET", "Updated 22 Dec, 2016 10:05"). */
export function isDateStamp(text: string): boolean {
  // Every stamp has a digit: most lines are turned away without the long pattern.
  if (!/\d/.test(text)) return false
  const t = collapseSpaces(text).trim()
  if (t.length === 0 || t.length > 70) return false
  return STAMP.test(t) || /^(?:updated|published|posted)?\s*\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+ago$/i.test(t)
}

/** What one pass over a subtree learns about each element, so rules need not walk it again per element. */
export interface Measures {
  /**
   * Characters of text inside the element other than whitespace: never more than the length
   * of its textOf, so "more than N visible" means "textOf longer than N"; 0 means no text.
   */
  visible: Map<DomElement, number>
  /** Elements that hold a block-level element. */
  holdsBlock: Set<DomElement>
}

/** One post-order pass over `root`'s elements (`isBlock` names the block-level tags). */
export function measure(root: DomElement, isBlock: (tag: string) => boolean): Measures {
  const m: Measures = { visible: new Map(), holdsBlock: new Set() }
  const visit = (el: DomElement): void => {
    let visible = 0
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE) {
        const child = c as DomElement
        visit(child)
        visible += m.visible.get(child) ?? 0
        if (isBlock(child.tagName) || m.holdsBlock.has(child)) m.holdsBlock.add(el)
      } else if (c.nodeType === TEXT_NODE) {
        visible += (c.textContent ?? '').replace(/\s+/g, '').length
      }
    }
    m.visible.set(el, visible)
  }
  visit(root)
  return m
}

/** textOf, remembered: the rules read the same blocks' text many times while nothing changes. */
export class Texts {
  private cache = new Map<DomNode, string>()
  of(node: DomNode | null): string {
    if (!node) return ''
    let t = this.cache.get(node)
    if (t === undefined) {
      t = textOf(node)
      this.cache.set(node, t)
    }
    return t
  }
}

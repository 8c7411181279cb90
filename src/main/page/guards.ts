/**
 * Guards run before a page is parsed: what would hang the parser or Readability, or is
 * not a page at all, is refused (or cut down) here with a reason a person can read.
 *
 * Nesting: caps how deeply a page's elements nest before Readability sees it. Readability's cost
 * grows with the cube of the nesting depth (800 levels ≈ 3 s, 2,000 ≈ 60 s, 200,000 never
 * finishes), and the reader-document parser recurses per level, so a hostile or broken
 * page (thousands of unclosed <div>/<font> tags) could hang an import forever. Real
 * articles nest a few dozen levels; beyond MAX_DEPTH only the text is kept.
 */
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom'

export const MAX_DEPTH = 200

/** Replaces the content of every element at `max` levels below `root` with its text. Iterative: no recursion. */
export function limitDepth(root: DomElement, max = MAX_DEPTH): void {
  const stack: { node: DomNode; depth: number }[] = [{ node: root, depth: 0 }]
  while (stack.length) {
    const { node, depth } = stack.pop()!
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== ELEMENT_NODE) continue
      if (depth + 1 >= max) flatten(child as DomElement)
      else stack.push({ node: child, depth: depth + 1 })
    }
  }
}

/** The element keeps its own tag and only the text of its descendants. */
function flatten(el: DomElement): void {
  if (!hasElementChild(el)) return
  const text = textOf(el)
  while (el.firstChild) el.firstChild.remove()
  el.append(text)
}

function hasElementChild(el: DomElement): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) return true
  return false
}

/** textContent without recursion (document order, text nodes only). */
function textOf(el: DomElement): string {
  const parts: string[] = []
  const stack: DomNode[] = [el]
  while (stack.length) {
    const n = stack.pop()!
    if (n.nodeType === TEXT_NODE) {
      parts.push(n.textContent ?? '')
      continue
    }
    const children: DomNode[] = []
    for (let c = n.firstChild; c; c = c.nextSibling) children.push(c)
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i])
  }
  return parts.join('')
}

/** Past this many levels the page is refused before parsing: linkedom's own parse grows with the square of the depth (200,000 levels ≈ 40 s). */
export const REFUSE_DEPTH = 2000

export const TOO_DEEP_REASON = `the page's elements nest more than ${REFUSE_DEPTH.toLocaleString('en')} levels deep; it cannot be read safely`

/** Elements the parser closes by itself, or that never hold children: they never add up to depth. */
const NOT_COUNTED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp', 'html', 'head', 'body'
])

/**
 * How deeply the start tags of `html` nest, estimated from the markup alone (an end tag
 * closes the nearest open element of its name and everything opened inside it, as the
 * parser does). True when it stays within `max`. Linear in the page's size.
 */
export function nestingWithin(html: string, max = REFUSE_DEPTH): boolean {
  // Comments and raw-text elements hold text that only looks like tags.
  // Attribute runs stop at the next `<` too, so no input makes the scan quadratic (an
  // attribute value holding `<` or `>` only makes the estimate a little rougher).
  const tags = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|plaintext|noscript)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)\b[^<>]*?(\/?)>/g
  const stack: string[] = []
  const open = new Map<string, number>()
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    const name = m[3]?.toLowerCase()
    if (!name || NOT_COUNTED.has(name)) continue
    if (m[2]) {
      if (!open.get(name)) continue // a stray end tag is ignored
      for (;;) {
        const top = stack.pop()!
        open.set(top, open.get(top)! - 1)
        if (top === name) break
      }
    } else if (!m[4]) {
      stack.push(name)
      open.set(name, (open.get(name) ?? 0) + 1)
      if (stack.length > max) return false
    }
  }
  return true
}

/** Said by every host alike: the UI offers "Save anyway", the CLI adds its --force (ImportItemResult.forceable). */
export const NO_ARTICLE_REASON = 'no readable article found on this page'
export const BINARY_REASON = 'this is a binary file, not a web page'

/** C0 controls other than tab, newline, form feed and carriage return (ESC is allowed: ISO-2022 pages use it). */
// eslint-disable-next-line no-control-regex -- control characters are what marks binary data
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F]/g

/**
 * True when decoded page text is really binary data (an image, an archive, zeros) that
 * only has an .html name: its first 8 KB hold control characters no HTML page has.
 * Without this, a file of NUL bytes became an "article" of invisible text.
 */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192)
  const controls = head.match(CONTROL)?.length ?? 0
  return controls > Math.max(8, head.length / 200)
}

/**
 * Article HTML → reader document. The reader schema is the sanitizer: ProseMirror keeps
 * only what the schema has a parse rule for, so event handlers, styles, unknown
 * attributes and unsafe links cannot survive. Elements whose *text* must not leak into
 * the document (script bodies, form labels, SVG) are removed before parsing, because the
 * parser would otherwise keep their text content as paragraphs.
 */
import { DOMParser as PMDOMParser, Fragment, type Node as PMNode } from 'prosemirror-model'
import { readerSchema } from '../../shared/reader/schema'
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom'
import { collapseSpaces } from '../../shared/spaces'

const REMOVED = [
  'script', 'style', 'link', 'meta', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'input', 'button', 'select', 'option', 'textarea', 'label', 'svg', 'math', 'noscript',
  'template', 'canvas', 'audio', 'video', 'source', 'track', 'map', 'dialog', 'head', 'title'
].join(',')

let parser: PMDOMParser | null = null

/** The article's DOM as a reader document: `root`'s children become the document (`root` is changed). */
export function domToDoc(root: DomElement): PMNode {
  // A tree edited in place (Readability, image removal) holds runs of adjacent text nodes
  // that a serialise-and-parse round trip would have merged, and ProseMirror collapses
  // whitespace per text node: merge them, so the document is the same either way.
  mergeTextNodes(root)
  for (const el of [...root.querySelectorAll(REMOVED)]) el.remove()
  for (const figure of [...root.querySelectorAll('figure')].reverse()) tidyFigure(figure)
  parser ??= PMDOMParser.fromSchema(readerSchema)
  // linkedom nodes are DOM-shaped enough for prosemirror-model (checked by the tests).
  return dropEmptyParagraphs(parser.parse(root as never))
}

/** Text inside a figure beside its image and caption shorter than this is a label ("Image", "Credit"). */
const FIGURE_LABEL_CHARS = 40

/**
 * A figure as the schema has it: one image (or image placeholder), then one caption. Pages
 * put more in figures: labels, wrappers, several images, or no image at all around a
 * quotation or a table. What is not image or caption is moved out or into the caption, so
 * ProseMirror never has to split the figure (which would turn its caption into a paragraph).
 */
function tidyFigure(figure: DomElement): void {
  const owner = figure as unknown as { ownerDocument: { createElement(t: string): DomElement } }
  const create = (tag: string) => owner.ownerDocument.createElement(tag)
  const images = [...figure.querySelectorAll('img')]
  const caption = figure.querySelector('figcaption')
  if (caption) caption.remove()
  const rest = collapseSpaces(figure.textContent ?? '').trim()
  if (images.length === 0) {
    // A figure around a quotation, a table or code: that content is the article's.
    const after: DomNode[] = rest ? [...Array.from(figure.childNodes)] : []
    if (caption && (caption.textContent ?? '').trim()) {
      const only = create('figure')
      only.append(caption)
      after.push(only)
    }
    figure.replaceWith(...after)
    return
  }
  const [first, ...others] = images
  for (const img of images) img.remove()
  if (rest.length > FIGURE_LABEL_CHARS) {
    const cap = caption ?? create('figcaption')
    cap.prepend(`${rest} `)
    figure.replaceChildren(first, cap)
  } else figure.replaceChildren(...(caption ? [first, caption] : [first]))
  // A gallery in one figure: the other images follow it, each on its own.
  if (others.length) figure.after(...others)
}

/** What Node.normalize() does (linkedom's is a no-op): adjacent text nodes become one, empty ones go. */
function mergeTextNodes(node: DomNode): void {
  let child = node.firstChild
  while (child) {
    let next = child.nextSibling
    if (child.nodeType === TEXT_NODE) {
      if (next?.nodeType === TEXT_NODE) {
        let text = child.textContent ?? ''
        while (next?.nodeType === TEXT_NODE) {
          text += next.textContent ?? ''
          const gone: DomNode = next
          next = next.nextSibling
          gone.remove()
        }
        child.textContent = text
      }
      if (!child.textContent) child.remove()
    } else if (child.nodeType === ELEMENT_NODE) {
      mergeTextNodes(child)
    }
    child = next
  }
}

/**
 * Empty paragraphs (from `<p> </p>` or a <p> split around a block image) would show as
 * blank lines and add separators to the plain text; they go wherever the schema allows.
 */
function dropEmptyParagraphs(node: PMNode): PMNode {
  if (node.isTextblock || node.isLeaf) return node
  const kept: PMNode[] = []
  node.forEach((child) => {
    if (child.type.name === 'paragraph' && child.content.size === 0) return
    kept.push(dropEmptyParagraphs(child))
  })
  const content = Fragment.from(kept)
  return node.type.validContent(content) ? node.copy(content) : node
}

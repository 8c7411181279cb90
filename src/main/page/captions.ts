/**
 * Captions and photo credits become what they are — <figure><img><figcaption> — before
 * Readability runs, so they reach the reader as figure captions instead of body paragraphs.
 * Pages mark captions in many ways (a <figcaption> holding paragraphs, a <span
 * class="caption"> after the image, a credit line in the figure, a video's caption with no
 * image at all); this gathers them by name and by their place next to an image.
 */
import { CAPTION_NAMES, childElements, nameMatcher, namesOf, textOf } from './signals'
import type { Dom, DomElement } from './dom'

/** Longer than this, a "caption" is more likely a mislabelled block of the article. */
const MAX_CAPTION_CHARS = 600
/** Names that mark a caption even far from any image (a video's caption, a slideshow's). */
const STRONG = nameMatcher('(?:fig|wp-|image-|photo-|media-|pb-|video-)?caption(?:-text)?|figcaption|(?:slideshow|gallery|carousel)-(?:headline|title|caption|description|text)')
const MEDIA = 'img, picture, video'
/** Cheap first look: no caption name can match without one of these pieces. */
const CAPTION_HINT = /capt|credit|attribution|copyright|legend|slideshow|gallery|carousel/

export function normaliseCaptions(doc: Dom): void {
  const body = doc.body
  if (!body) return
  for (const el of [...body.querySelectorAll('*')]) {
    // Elements already moved into a figcaption (or removed) are skipped. The names are read
    // first: few elements have a caption's name, and the walk up the tree is left to those.
    if (!el.parentNode || el.tagName === 'FIGCAPTION') continue
    const names = namesOf(el)
    if (!names || !CAPTION_HINT.test(names) || !CAPTION_NAMES.test(names) || el.closest('figcaption') || isContainerOfArticle(el)) continue
    toCaption(doc, el, STRONG.test(names))
  }
  for (const figure of [...body.querySelectorAll('figure')]) tidyFigure(doc, figure)
}

/** A wrapper named like a caption that holds real content (a "media-credits" section of a whole story). */
function isContainerOfArticle(el: DomElement): boolean {
  const text = textOf(el)
  return text.length === 0 || text.length > MAX_CAPTION_CHARS || el.querySelectorAll('p').length > 3 || /^(ARTICLE|MAIN|BODY|SECTION)$/.test(el.tagName)
}

function toCaption(doc: Dom, el: DomElement, strong: boolean): void {
  const figure = el.closest('figure')
  if (figure) {
    // A credit or caption inside a figure: it joins the figure's caption.
    const existing = childElements(figure).find((c) => c.tagName === 'FIGCAPTION')
    if (existing) {
      existing.append(' ', ...inlineNodes(doc, el))
      el.remove()
    } else el.replaceWith(figcaption(doc, el))
    return
  }
  const container = mediaContainer(el)
  if (container) {
    const img = container.querySelector(MEDIA)
    const fig = doc.createElement('figure')
    if (img && img.tagName !== 'VIDEO') fig.append(img.tagName === 'PICTURE' ? (img.querySelector('img') ?? img) : img)
    fig.append(figcaption(doc, el))
    container.replaceWith(fig)
  } else if (strong) {
    // The caption of media the page does not hold as an image (a video, a slideshow).
    const fig = doc.createElement('figure')
    fig.append(figcaption(doc, el))
    el.replaceWith(fig)
  }
}

/**
 * The nearest ancestor (up to three levels) that holds one image and, besides it, little
 * more than this caption: the image-and-caption unit a page builds.
 */
function mediaContainer(el: DomElement): DomElement | null {
  const captionLength = textOf(el).length
  let node = el.parentNode as DomElement | null
  for (let depth = 0; node && depth < 3 && node.tagName !== 'BODY'; depth++, node = node.parentNode as DomElement | null) {
    if (textOf(node).length > captionLength + 40) return null
    const media = node.querySelectorAll(MEDIA)
    const ownText = [...node.querySelectorAll('p, h1, h2, h3')].some((x) => !isWithin(x, el))
    if (media.length === 1 && !ownText) return node
    if (media.length > 1) return null
  }
  return null
}

function isWithin(node: DomElement, ancestor: DomElement): boolean {
  for (let n: DomElement | null = node; n; n = n.parentNode as DomElement | null) if (n === ancestor) return true
  return false
}

function figcaption(doc: Dom, from: DomElement): DomElement {
  const cap = doc.createElement('figcaption')
  cap.append(...inlineNodes(doc, from))
  return cap
}

const BLOCK = /^(P|DIV|H[1-6]|UL|OL|LI|SECTION|BLOCKQUOTE|TABLE|HEADER|FOOTER|FIGURE|FIGCAPTION|PRE)$/

/**
 * The caption's content as inline nodes: paragraphs and divs inside it (which would split the
 * caption out of its figure) become their text with a space between, images are left out.
 */
function inlineNodes(doc: Dom, el: DomElement): DomElement[] {
  const wrap = doc.createElement('span')
  wrap.innerHTML = el.innerHTML
  for (const img of [...wrap.querySelectorAll(MEDIA)]) img.remove()
  for (const block of [...wrap.querySelectorAll('*')].reverse()) {
    if (!BLOCK.test(block.tagName)) continue
    const span = doc.createElement('span')
    span.innerHTML = block.innerHTML
    block.replaceWith(span, doc.createTextNode(' ') as never)
  }
  return [wrap]
}

/** One figcaption per figure, holding inline content only, after the image. */
function tidyFigure(doc: Dom, figure: DomElement): void {
  const captions = [...figure.querySelectorAll('figcaption')]
  if (captions.length === 0) return
  const [first, ...rest] = captions
  for (const extra of rest) {
    first.append(' ', ...inlineNodes(doc, extra))
    extra.remove()
  }
  if ([...first.querySelectorAll('*')].some((c) => BLOCK.test(c.tagName))) {
    const flat = figcaption(doc, first)
    first.replaceWith(flat)
  }
}

/**
 * Finds the article in a page: metadata from the page's declarations (metadata.ts), the
 * body from Mozilla Readability running over a linkedom document. Lazy-loading tricks are
 * undone first, or Readability would keep placeholder GIFs instead of the real images.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability'
import { UserError } from '../../shared/result'
import { parseDocument, parseFragment, type Dom, type DomElement } from './dom'
import { absoluteHttp, clean, normaliseDate, readMetadata, stripSiteFromTitle } from './metadata'
import { resolveCredit } from './people'
import { resolveOutlet } from './outlet'
import { chooseDirection, chooseLanguage } from './language'
import { parsePrintedDate, visibleByline, visibleDate } from './header'
import type { ArticleMetadata } from '../../shared/types'
import { BINARY_REASON, limitDepth, looksBinary, nestingWithin, NO_ARTICLE_REASON, TOO_DEEP_REASON } from './guards'
import { normaliseCaptions } from './captions'
import { addStandfirst, findStandfirst } from './standfirst'
import { cleanArticle, markFurniture, type FoundCredits } from './boilerplate'

/** The article found in a page. Dates are ISO 8601, UTC. */
export interface Extracted extends ArticleMetadata {
  url: string | null
  /** Whether Readability found an article (false only when forced). */
  readable: boolean
  /**
   * The article's container element, URLs absolute: its children are the article
   * (unsanitized: to-doc.ts is the sanitizer). Handed on as a DOM, not HTML, so the page
   * is parsed once.
   */
  content: DomElement
}

/** Less text than this is a teaser, a paywall or a login page, not an article. */
export const MIN_ARTICLE_CHARS = 200

export { NO_ARTICLE_REASON }

/** Finds the article in `html` (a page at `url`); refuses a page without one unless forced. */
export function extractArticle(html: string, url: string | undefined, opts: { force?: boolean } = {}): Extracted {
  const pageUrl = absoluteHttp(url, null)
  // Binary data named .html, and hostile nesting that would hang the parser (see guards.ts).
  if (looksBinary(html)) throw new UserError('import_failed', BINARY_REASON)
  if (!nestingWithin(html)) throw new UserError('import_failed', TOO_DEEP_REASON)
  const doc = parseDocument(html)
  if (doc.documentElement) limitDepth(doc.documentElement)
  // A page saved on disk resolves its relative images against its own file (page_files/…).
  const base = setBase(doc, pageUrl ?? (url?.startsWith('file:') ? url : null))
  resolveLazyImages(doc, base)
  const meta = readMetadata(doc, base)
  const pageTitle = clean(doc.title)
  const headings = [...doc.querySelectorAll('h1')].slice(0, 5).map((h) => clean(h.textContent)).filter((h): h is string => !!h)
  // Readability rewrites the document, so keep what a forced import needs beforehand.
  const bodySnapshot = opts.force ? doc.body?.innerHTML ?? '' : ''
  const outletUrl = meta.canonicalUrl ?? pageUrl ?? base
  const declaredTitle = meta.titles.find((t) => !namesTheSite(t, meta.outlet)) ?? null
  // Read before Readability rewrites the page: what the header shows beside the headline.
  const printedByline = visibleByline(doc, declaredTitle ?? pageTitle)
  const printedDate = meta.publishedAt ? null : visibleDate(doc, declaredTitle ?? pageTitle, outletUrl)
  normaliseCaptions(doc)
  markFurniture(doc)
  const standfirst = findStandfirst(doc, declaredTitle ?? pageTitle, meta.descriptions)
  const article = runReadability(doc)
  const text = clean(article?.textContent) ?? ''
  const readable = !!article?.content && article.content.childNodes.length > 0 && text.length >= MIN_ARTICLE_CHARS
  if (!readable && !opts.force) throw new UserError('import_failed', NO_ARTICLE_REASON)

  const readabilityTitle = clean(article?.title)
  const rawTitle = declaredTitle ?? (readabilityTitle && !namesTheSite(readabilityTitle, meta.outlet) ? readabilityTitle : null) ?? pageTitle ?? firstHeading(bodySnapshot) ?? hostOf(pageUrl ?? base) ?? 'Untitled'
  const site = resolveOutlet({ ...meta.outlet, siteName: meta.outlet.siteName ?? clean(article?.siteName), headline: rawTitle, url: outletUrl })
  const sources = { ld: meta.ldAuthors, meta: meta.metaAuthors, visible: [printedByline, article?.byline ?? null], firstParagraphs: [], lastParagraph: null }
  let credit = resolveCredit(sources, site)
  let found: FoundCredits = { bylines: [], editors: [] }
  const content = readable && article ? article.content : (parseFragment(absolutise(bodySnapshot, base)).body as DomElement)
  if (readable && article) {
    const create = (tag: string) => doc.createElement(tag)
    const headlines = [rawTitle, clean(article.title), pageTitle, headings[0]].filter((h): h is string => !!h)
    found = cleanArticle(content, { authors: credit.authors, headlines, articleBody: meta.articleBody, site, create })
    addStandfirst(content, standfirst, create)
  }
  const paragraphs = [...content.querySelectorAll('p')].filter((p) => !p.closest('figure')).map((p) => clean(p.textContent)).filter((p): p is string => !!p)
  credit = resolveCredit(
    { ...sources, visible: [printedByline, ...found.bylines, article?.byline ?? null], firstParagraphs: paragraphs.slice(0, 3), lastParagraph: paragraphs.at(-1) ?? null },
    site,
    found.editors
  )
  const language = chooseLanguage(meta.declaredLanguage ?? clean(article?.lang), text || (content.textContent ?? ''))
  return {
    url: pageUrl,
    canonicalUrl: meta.canonicalUrl,
    title: stripSiteFromTitle(rawTitle, site, hostOf(outletUrl), headings) || rawTitle,
    byline: credit.authors.length ? credit.authors.join(', ') : null,
    authors: credit.authors,
    agency: credit.agency,
    site,
    publishedAt:
      meta.publishedAt ?? printedDate ?? meta.publishedGuess ?? normaliseDate(article?.publishedTime) ?? datelineDate(paragraphs[0]),
    modifiedAt: meta.modifiedAt,
    language,
    dir: chooseDirection(meta.declaredDir ?? clean(article?.dir), language),
    excerpt: meta.excerpt ?? clean(article?.excerpt),
    content,
    readable
  }
}

type Article = Omit<NonNullable<ReturnType<Readability<DomElement>['parse']>>, 'content'> & { content: DomElement }

function runReadability(doc: Dom): Article | null {
  // isProbablyReaderable is a cheap pre-check; a page it doubts still gets a full parse,
  // because short news items are often "improbable" yet perfectly readable.
  const probable = isProbablyReaderable(doc as never)
  // The serializer hands back the article element itself (its innerHTML is the usual `content`).
  const article = new Readability<DomElement>(doc as never, {
    charThreshold: probable ? 500 : 300,
    // Class names tell furniture from article (boilerplate.ts); the reader schema drops them later.
    keepClasses: true,
    serializer: (el) => el as unknown as DomElement
  }).parse()
  return article as Article | null
}

/**
 * A declared "title" that is the site's own name or tagline ("Yahoo News - Latest News &
 * Headlines"), not a headline. A name counts only when it reads like one (a few words before
 * any tagline): some pages set their application name to the headline itself.
 */
function namesTheSite(title: string, outlet: { siteName: string | null; appName: string | null; publisher: string | null }): boolean {
  const flat = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  return [outlet.siteName, outlet.appName, outlet.publisher].some((n) => {
    if (!n || flat(n).length <= 2) return false
    const head = n.split(/\s+[-–—|:]\s+/)[0]
    if (head.split(/\s+/).length > 4) return false
    return flat(n) === flat(title) || flat(title) === flat(head)
  })
}

/** "Feb. 23, 2015 -- Babies who…": a date opening the first paragraph, as news services write it. */
function datelineDate(first: string | undefined): string | null {
  const m = /^([^—–]{6,40}?)\s*(?:--|—|–)\s/.exec(first ?? '')
  return m ? parsePrintedDate(m[1], null) : null
}

const hostOf = (u: string | null): string | null => {
  try {
    return u ? new URL(u).hostname : null
  } catch {
    return null
  }
}

function firstHeading(html: string): string | null {
  if (!html) return null
  return clean(parseFragment(html).querySelector('h1')?.textContent)
}

// ---------------------------------------------------------------- base URL

/**
 * Makes `<base href>` the absolute URL relative links resolve against: an existing http(s)
 * <base> (resolved against the page URL), else the page URL. linkedom reports <base>'s raw
 * attribute as baseURI, and Readability absolutises links with it, so it must be absolute.
 */
function setBase(doc: Dom, pageUrl: string | null): string | null {
  const bases = [...doc.querySelectorAll('base')]
  const declared = bases.map((b) => absoluteHttp(b.getAttribute('href'), pageUrl)).find((b) => b)
  for (const b of bases) b.remove()
  const base = declared ?? pageUrl
  if (base) {
    const el = doc.createElement('base')
    el.setAttribute('href', base)
    doc.head?.prepend(el)
  }
  return base
}

/** Absolute links and image sources in a fragment (the forced, non-Readability path). */
function absolutise(html: string, base: string | null): string {
  if (!base || !html) return html
  const frag = parseFragment(html)
  for (const a of frag.querySelectorAll('a[href]')) {
    const abs = absoluteHttp(a.getAttribute('href'), base)
    if (abs) a.setAttribute('href', abs)
  }
  for (const img of frag.querySelectorAll('img[src]')) {
    const src = img.getAttribute('src') ?? ''
    const abs = src.startsWith('data:') ? null : absoluteHttp(src, base)
    if (abs) img.setAttribute('src', abs)
  }
  return frag.body?.innerHTML ?? ''
}

// ---------------------------------------------------------------- lazy images

const LAZY_SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-full-src']
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'srcset']

/** Gives every <img> the best real URL it advertises, as `src`, and drops the alternatives. */
export function resolveLazyImages(doc: Dom, base: string | null): void {
  unwrapNoscriptImages(doc)
  for (const picture of doc.querySelectorAll('picture')) resolvePicture(picture, base)
  for (const img of doc.querySelectorAll('img')) resolveImg(img, base)
}

function resolveImg(img: DomElement, base: string | null, extra: SrcsetCandidate[] = []): void {
  const candidates = [...extra]
  for (const attr of LAZY_SRCSET_ATTRS) candidates.push(...parseSrcset(img.getAttribute(attr)))
  const best = largest(candidates)
  const lazy = LAZY_SRC_ATTRS.map((a) => img.getAttribute(a)).find((v) => v && !v.startsWith('data:'))
  const chosen = best ?? lazy ?? null
  if (chosen) {
    const abs = absoluteHttp(chosen, base)
    img.setAttribute('src', abs ?? chosen)
  }
  for (const attr of [...LAZY_SRC_ATTRS, ...LAZY_SRCSET_ATTRS, 'sizes', 'loading']) img.removeAttribute(attr)
}

function resolvePicture(picture: DomElement, base: string | null): void {
  const img = picture.querySelector('img')
  const candidates: SrcsetCandidate[] = []
  for (const source of picture.querySelectorAll('source')) {
    const type = source.getAttribute('type')
    // An SVG source would be dropped later anyway (it can carry script).
    if (!type || (type.startsWith('image/') && !type.includes('svg'))) {
      candidates.push(...parseSrcset(source.getAttribute('srcset') ?? source.getAttribute('data-srcset')))
    }
    source.remove()
  }
  if (img) resolveImg(img, base, candidates)
}

/**
 * `<noscript><img src=real></noscript>` next to a placeholder <img>: the noscript image is
 * the real one, so it replaces the placeholder (or simply stands in for the noscript).
 */
function unwrapNoscriptImages(doc: Dom): void {
  for (const noscript of doc.querySelectorAll('noscript')) {
    const imgs = [...noscript.querySelectorAll('img')].filter((i) => i.getAttribute('src') || i.getAttribute('srcset'))
    if (imgs.length !== 1) continue
    const prev = previousElement(noscript)
    const placeholder = prev?.tagName === 'IMG' ? prev : prev?.querySelectorAll('img').length === 1 ? prev.querySelector('img') : null
    if (placeholder) {
      for (const a of ['alt', 'title']) {
        if (!imgs[0].getAttribute(a) && placeholder.getAttribute(a)) imgs[0].setAttribute(a, placeholder.getAttribute(a) ?? '')
      }
      placeholder.replaceWith(imgs[0])
      noscript.remove()
    } else {
      noscript.replaceWith(imgs[0])
    }
  }
}

function previousElement(el: DomElement): DomElement | null {
  let n = el.previousSibling
  while (n && n.nodeType !== 1) {
    if (n.nodeType === 3 && (n.textContent ?? '').trim()) return null
    n = n.previousSibling
  }
  return n as DomElement | null
}

interface SrcsetCandidate {
  url: string
  /** Width in px (w descriptors) or density × 1000 (x descriptors): only compared. */
  size: number
}

/** Parses a srcset the way the HTML spec does (URLs may contain commas: `w_400,h_300`). */
export function parseSrcset(srcset: string | null): SrcsetCandidate[] {
  if (!srcset) return []
  const out: SrcsetCandidate[] = []
  let i = 0
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i])) i++
    const urlStart = i
    while (i < srcset.length && !/\s/.test(srcset[i])) i++
    let url = srcset.slice(urlStart, i)
    let descriptor = ''
    if (url.endsWith(',')) url = url.replace(/,+$/, '')
    else {
      const descStart = i
      while (i < srcset.length && srcset[i] !== ',') i++
      descriptor = srcset.slice(descStart, i).trim()
    }
    if (url && !url.startsWith('data:')) out.push({ url, size: descriptorSize(descriptor) })
  }
  return out
}

function descriptorSize(d: string): number {
  const w = /^(\d+(?:\.\d+)?)w$/i.exec(d)
  if (w) return Number(w[1])
  const x = /^(\d+(?:\.\d+)?)x$/i.exec(d)
  return x ? Number(x[1]) * 1000 : 1000
}

function largest(candidates: SrcsetCandidate[]): string | null {
  let best: SrcsetCandidate | null = null
  for (const c of candidates) if (!best || c.size > best.size) best = c
  return best?.url ?? null
}

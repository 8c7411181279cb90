/**
 * Runs in the page (injected with scripting.executeScript into the extension's isolated
 * world): the DOM as the reader sees it after the page's scripts ran, each image resolved to
 * the one address the extension will fetch (lazy loaders, srcset and <picture> undone), the
 * selection as a W3C TextQuoteSelector. It reads the page and sends nothing anywhere.
 */
import type { TextQuoteSelector } from '../../src/shared/capture'

export interface PageCapture {
  html: string
  url: string
  canonicalUrl: string
  title: string
  /** Absolute http(s) addresses of the images, the article's first. */
  images: string[]
  selection?: TextQuoteSelector
}

const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-full-src']
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset']
/** Removed from the copy: they run or style, and the archive keeps neither. */
const DROP = 'script:not([type="application/ld+json"]), style, link[rel~="stylesheet"], link[rel~="preload"], iframe, template'
const CONTEXT = 32

function capturePage(): PageCapture {
  const selection = readSelection()
  const live = [...document.images]
  const copy = document.documentElement.cloneNode(true) as HTMLElement
  const copies = [...copy.querySelectorAll('img')]
  const inArticle = new Set<string>()
  const images: string[] = []
  live.forEach((img, i) => {
    const target = copies[i]
    if (!target) return
    const src = chosenSource(img)
    for (const a of ['srcset', 'sizes', 'loading', ...LAZY_SRC, ...LAZY_SRCSET]) target.removeAttribute(a)
    if (!src) return void target.removeAttribute('src')
    target.setAttribute('src', src)
    if (!/^https?:/i.test(src) || images.includes(src)) return
    images.push(src)
    if (img.closest('article, main, [role="main"], [itemprop="articleBody"]')) inArticle.add(src)
  })
  for (const source of copy.querySelectorAll('picture source')) source.remove()
  for (const el of copy.querySelectorAll(DROP)) el.remove()
  return {
    html: `<!doctype html>\n${copy.outerHTML}`,
    url: withoutHash(location.href),
    canonicalUrl: canonical(),
    title: document.title,
    images: [...images.filter((s) => inArticle.has(s)), ...images.filter((s) => !inArticle.has(s))],
    selection
  }
}

/** The image the reader sees, or the one a lazy loader would have shown. */
function chosenSource(img: HTMLImageElement): string | null {
  const current = img.currentSrc || img.src
  if (current && !current.startsWith('data:') && !current.startsWith('blob:')) return current
  const lazy = LAZY_SRC.map((a) => img.getAttribute(a)).find((v) => v && !v.startsWith('data:'))
  const lazySet = LAZY_SRCSET.map((a) => largest(img.getAttribute(a))).find(Boolean)
  const found = lazySet ?? lazy ?? largest(img.getAttribute('srcset'))
  if (found) return absolute(found)
  // A data: image is the image itself (kept as it is); a blob: cannot leave the page.
  return current.startsWith('data:') ? current : null
}

/** The widest candidate of a srcset (or the highest density). */
function largest(srcset: string | null): string | null {
  if (!srcset) return null
  let best: { url: string; size: number } | null = null
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/)
    if (!url) continue
    const size = parseFloat(descriptor) * (descriptor.endsWith('w') ? 1 : 1000)
    if (!best || size > best.size) best = { url, size: Number.isFinite(size) ? size : 0 }
  }
  return best?.url ?? null
}

function absolute(url: string): string | null {
  try {
    return new URL(url, document.baseURI).href
  } catch {
    return null
  }
}

function canonical(): string {
  const link = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href
  const og = document.querySelector<HTMLMetaElement>('meta[property="og:url"]')?.content
  const found = [link, og && absolute(og)].find((u): u is string => !!u && /^https?:/i.test(u))
  return withoutHash(found ?? location.href)
}

const withoutHash = (url: string): string => url.split('#')[0]

/** The selection as a TextQuoteSelector: its words with up to 32 characters either side. */
function readSelection(): TextQuoteSelector | undefined {
  const sel = getSelection()
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return undefined
  const exact = sel.toString().replace(/\r\n?/g, '\n').trim()
  if (!exact) return undefined
  const range = sel.getRangeAt(0)
  const before = document.createRange()
  before.setStart(document.body, 0)
  before.setEnd(range.startContainer, range.startOffset)
  const after = document.createRange()
  after.setStart(range.endContainer, range.endOffset)
  after.setEnd(document.body, document.body.childNodes.length)
  const flat = (s: string) => s.replace(/\s+/g, ' ')
  return {
    type: 'TextQuoteSelector',
    exact: exact.slice(0, 20_000),
    prefix: flat(before.toString().slice(-CONTEXT * 4)).trimStart().slice(-CONTEXT),
    suffix: flat(after.toString().slice(0, CONTEXT * 4)).trimEnd().slice(0, CONTEXT)
  }
}

// The background worker calls this through a second, one-line injection.
;(globalThis as unknown as { __clipfileCapture: typeof capturePage }).__clipfileCapture = capturePage

/**
 * Makes an article's images local: each kept <img> gets `src="asset:<key>"` and its bytes
 * become an asset, so the reader never loads a remote URL (no tracking, works offline).
 * An image that cannot be saved (offline, 404, refused, too big, not a raster image — SVG
 * included, since it can carry script) is never dropped silently: it stays in the document
 * as a placeholder with its alt text, its source and the reason (`image_missing` in the
 * reader schema), and can be fetched later. Only tracking pixels and spacers go.
 */
import type { DomElement } from './dom'
import { MISSING_IMAGE_ATTR, MISSING_REASON_ATTR } from '../../shared/reader/schema'

export type LoadImage = (url: string) => Promise<{ mime: string; bytes: Buffer } | null>

export interface Asset {
  key: string
  mime: string
  bytes: Buffer
  /** Where it came from; null for images inlined as data: URIs. */
  sourceUrl: string | null
}

/** Smaller files are spacers and beacons, never content. */
const MIN_IMAGE_BYTES = 100
/** Images fetched at once per article. */
const CONCURRENCY = 4

/** An image's bytes and type, the reason it could not be saved, or null for what is no content. */
export type Loaded = { mime: string; bytes: Buffer } | { reason: string } | null

/** Stores the article's images as assets, in place: `root`'s images are rewritten to `asset:<key>` or placeholders. */
export async function localiseImagesIn(root: DomElement, loadImage: LoadImage): Promise<Asset[]> {
  // <source> would point at remote files; the <img> already carries the chosen one.
  for (const s of [...root.querySelectorAll('picture source')]) s.remove()
  const imgs = [...root.querySelectorAll('img')]
  // Only this step writes placeholders: a page cannot bring its own.
  for (const img of imgs) for (const a of [MISSING_IMAGE_ATTR, MISSING_REASON_ATTR]) img.removeAttribute(a)
  const wanted = imgs.map((img) => (isTrackingPixel(img) ? null : sourceOf(img)))
  const loaded = await loadAll([...new Set(wanted.filter((s): s is string => !!s))], loadImage)

  const assets: Asset[] = []
  const keyOf = new Map<string, string>()
  imgs.forEach((img, i) => {
    const src = wanted[i]
    const image = src ? loaded.get(src) : null
    if (!src || !image) return dropImage(img)
    if ('reason' in image) return markMissing(img, src, image.reason)
    let key = keyOf.get(src)
    if (!key) {
      key = `k${assets.length}`
      keyOf.set(src, key)
      assets.push({ key, mime: image.mime, bytes: image.bytes, sourceUrl: src.startsWith('data:') ? null : src })
    }
    keepImage(img, key)
  })
  return assets
}

function sourceOf(img: DomElement): string | null {
  const src = (img.getAttribute('src') ?? '').trim()
  // file: only ever comes from a page imported from disk (its base is its own file).
  return /^(https?:|data:|file:)/i.test(src) ? src : null
}

/** A beacon declares itself 1×1 (or 0×0); a real image with one odd attribute ("height=0") is no beacon. */
function isTrackingPixel(img: DomElement): boolean {
  const size = (a: string): number | null => {
    const v = img.getAttribute(a)
    return v !== null && /^\s*\d+(\.\d+)?\s*(px)?\s*$/.test(v) ? parseFloat(v) : null
  }
  const w = size('width')
  const h = size('height')
  const tiny = (n: number | null): boolean => n !== null && n <= 2
  return (tiny(w) && (h === null || tiny(h))) || (tiny(h) && w === null)
}

/** Loads each distinct source once, a few at a time. */
async function loadAll(sources: string[], loadImage: LoadImage): Promise<Map<string, Loaded>> {
  const out = new Map<string, Loaded>()
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < sources.length) {
      const src = sources[next++]
      out.set(src, await loadOne(src, loadImage))
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, sources.length) }, worker))
  return out
}

/** The image, the reason it could not be saved, or null for what is no content (beacons, spacers, bad data: URIs). */
export async function loadOne(src: string, loadImage: LoadImage): Promise<Loaded> {
  let bytes: Buffer | null
  if (src.startsWith('data:')) bytes = decodeDataUri(src)
  else {
    try {
      bytes = (await loadImage(src))?.bytes ?? null
    } catch (e) {
      // A missing image never fails the article: it becomes a placeholder with the reason.
      return { reason: (e as Error)?.message?.split('\n')[0] || 'could not be downloaded' }
    }
    if (!bytes) return { reason: 'not found' }
  }
  if (!bytes || bytes.length < MIN_IMAGE_BYTES) return null
  // The bytes decide the type: servers mislabel, and an "image/png" may be HTML or SVG.
  const mime = sniffImage(bytes)
  if (!mime) return src.startsWith('data:') ? null : { reason: 'not a PNG, JPEG, GIF, WebP or AVIF image' }
  if (isTinyRaster(bytes, mime)) return null
  return { mime, bytes }
}

/** data:image/…[;base64],… → bytes; anything but image/* is refused. */
export function decodeDataUri(uri: string): Buffer | null {
  const m = /^data:([^,;]*)((?:;[^,;]*)*?)(;base64)?,(.*)$/is.exec(uri)
  if (!m || !/^image\//i.test(m[1].trim())) return null
  try {
    return m[3] ? Buffer.from(m[4].replace(/\s+/g, ''), 'base64') : Buffer.from(decodeURIComponent(m[4]), 'latin1')
  } catch {
    return null
  }
}

/** The image type from magic bytes; null for anything else (SVG deliberately included). */
export function sniffImage(b: Buffer): string | null {
  const ascii = (start: number, end: number): string => b.subarray(start, end).toString('latin1')
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) return 'image/png'
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'image/avif'
  return null
}

/** 1×1 / 2×2 PNGs and GIFs (beacons) read from their headers. */
function isTinyRaster(b: Buffer, mime: string): boolean {
  if (mime === 'image/png' && b.length >= 24) return b.readUInt32BE(16) <= 2 && b.readUInt32BE(20) <= 2
  if (mime === 'image/gif' && b.length >= 10) return b.readUInt16LE(6) <= 2 && b.readUInt16LE(8) <= 2
  return false
}

function keepImage(img: DomElement, key: string): void {
  img.setAttribute('src', `asset:${key}`)
  keepOnly(img, ['src', 'alt', 'title', 'width', 'height'])
}

/** The image stays as a placeholder: where it was, what it showed (alt), why it is not here. */
function markMissing(img: DomElement, src: string, reason: string): void {
  img.setAttribute(MISSING_IMAGE_ATTR, /^https?:/i.test(src) ? src : '')
  img.setAttribute(MISSING_REASON_ATTR, reason)
  if (!img.getAttribute('alt') && src.startsWith('file:')) img.setAttribute('alt', decodeURIComponent(src.split('/').pop() ?? ''))
  keepOnly(img, [MISSING_IMAGE_ATTR, MISSING_REASON_ATTR, 'alt', 'title'])
}

function keepOnly(img: DomElement, names: string[]): void {
  for (const { name } of [...Array.from(img.attributes)]) if (!names.includes(name)) img.removeAttribute(name)
}

/** Removes what is no content (a beacon, a spacer); a link that only wrapped it goes too. */
function dropImage(img: DomElement): void {
  const link = img.parentNode as DomElement | null
  img.remove()
  // A link that only wrapped the image would become an empty, invisible link.
  if (link?.tagName === 'A' && !(link.textContent ?? '').trim() && !link.querySelector('img')) link.remove()
}

/**
 * The page's images, fetched by the extension with the reader's cookies (a paywalled image
 * needs them), within the budget a page may send. No extension API here: plain fetch.
 */
import { MAX_CAPTURE_IMAGE_BYTES, type CapturedImage } from '../../src/shared/capture'

/** One image larger than this is not worth a page's budget. */
const MAX_ONE_IMAGE = 15 * 1024 * 1024
const IMAGE_TIMEOUT_MS = 20_000
const PARALLEL = 4

interface Fetched {
  url: string
  mime: string
  bytes: Uint8Array
}

/**
 * Fetches the page's images with the reader's cookies, a few at a time, then keeps them in
 * the page's order (the article's first) until the budget is spent; the rest are left out
 * with a note. An image that cannot be fetched is left out too (the article still saves).
 */
export async function fetchImages(urls: string[], budget = MAX_CAPTURE_IMAGE_BYTES): Promise<{ images: CapturedImage[]; notes: string[] }> {
  const fetched = new Map<string, Fetched | null>()
  let next = 0
  const lane = async () => {
    while (next < urls.length) {
      const url = urls[next++]
      fetched.set(url, await fetchImage(url))
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, urls.length) }, lane))
  const images: CapturedImage[] = []
  let spent = 0
  let overBudget = 0
  let failed = 0
  for (const url of urls) {
    const image = fetched.get(url)
    if (!image) {
      failed++
      continue
    }
    if (spent + image.bytes.length > budget) {
      overBudget++
      continue
    }
    spent += image.bytes.length
    images.push({ url, mime: image.mime, base64: toBase64(image.bytes) })
  }
  const notes: string[] = []
  if (overBudget) notes.push(`${plural(overBudget, 'image')} left out: a page may bring ${size(budget)} of images.`)
  if (failed) notes.push(`${plural(failed, 'image')} could not be downloaded and ${failed === 1 ? 'is' : 'are'} not kept.`)
  return { images, notes }
}

async function fetchImage(url: string): Promise<Fetched | null> {
  try {
    // The browser's cache first: the page has usually just loaded these. (`cache` is typed
    // here for Node's fetch too, which has no such option and ignores it in the tests.)
    const init: RequestInit & { cache?: 'force-cache' } = { credentials: 'include', cache: 'force-cache', signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS) }
    const res = await fetch(url, init)
    const mime = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
    if (!res.ok || !(mime.startsWith('image/') || mime === 'application/octet-stream' || mime === '')) return null
    if (Number(res.headers.get('content-length')) > MAX_ONE_IMAGE) return null
    const bytes = new Uint8Array(await res.arrayBuffer())
    return bytes.length > MAX_ONE_IMAGE ? null : { url, mime: mime || 'application/octet-stream', bytes }
  } catch {
    return null
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

const size = (bytes: number): string => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`)
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

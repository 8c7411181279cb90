/**
 * Images that came with the page (the browser extension fetched them with the reader's
 * cookies): the page's images are looked up among them by URL and never downloaded, so a
 * paywalled image the app could not fetch is still kept, and nothing leaves the machine.
 */
import type { ImageLoader } from './local-images'
import type { ProvidedImage } from './tasks'

export function providedImages(images: ProvidedImage[]): ImageLoader {
  const byUrl = new Map<string, ProvidedImage>()
  for (const image of images) {
    byUrl.set(image.url, image)
    const normal = normalise(image.url)
    if (normal && !byUrl.has(normal)) byUrl.set(normal, image)
  }
  return async (url) => {
    const image = byUrl.get(url) ?? byUrl.get(normalise(url) ?? '')
    // Buffers cross from a worker's message as plain Uint8Arrays; the type is sniffed from the bytes later.
    return image ? { mime: image.mime, bytes: Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength) } : null
  }
}

/** The same address however it was spelled (the extractor re-resolves the page's URLs). */
function normalise(url: string): string | null {
  try {
    const u = new URL(url)
    u.hash = ''
    return u.href
  } catch {
    return null
  }
}

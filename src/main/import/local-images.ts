import { UserError } from '../../shared/result'

/** Why an image was not downloaded during an offline re-extraction. */
export const NOT_FETCHED_REASON = 'not downloaded yet'

/**
 * Serves the images the archive already holds (re-extraction) from memory; others go to
 * `next`, or, offline, become placeholders with a reason.
 */
export function withKnownImages(known: { sourceUrl: string; mime: string; bytes: Buffer }[] | undefined, offline: boolean, next: ImageLoader): ImageLoader {
  if (!known?.length && !offline) return next
  const byUrl = new Map((known ?? []).map((k) => [k.sourceUrl, k]))
  return async (url) => {
    const hit = byUrl.get(url)
    if (hit) return { mime: hit.mime, bytes: Buffer.from(hit.bytes) }
    if (offline) throw new UserError('import_failed', NOT_FETCHED_REASON)
    return next(url)
  }
}

/**
 * Images of a page saved on disk ("Save page as… complete": `page_files/…`), read from the
 * page's own folder. Nothing outside that folder is read, whatever the page asks for.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { dirname, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const MAX_IMAGE_BYTES = 15 * 1024 * 1024

export type ImageLoader = (url: string) => Promise<{ mime: string; bytes: Buffer } | null>

/** Wraps `loadRemote` so that file: URLs under the page's folder are read from disk. */
export function withLocalImages(pageUrl: string | undefined, loadRemote: ImageLoader): ImageLoader {
  if (!pageUrl?.startsWith('file:')) return loadRemote
  const folder = dirname(fileURLToPath(pageUrl))
  return async (url) => {
    if (!url.startsWith('file:')) return loadRemote(url)
    try {
      const path = await realpath(fileURLToPath(url))
      const root = await realpath(folder)
      if (!path.startsWith(root + sep)) return null
      if ((await stat(path)).size > MAX_IMAGE_BYTES) return null
      // The type is decided from the bytes later (images.ts sniffs them).
      return { mime: 'application/octet-stream', bytes: await readFile(path) }
    } catch {
      return null
    }
  }
}

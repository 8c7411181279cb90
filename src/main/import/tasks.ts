import { UserError } from '../../shared/result'
import type { VersionHow } from '../../shared/vocabulary'
import { fetchPage } from '../page/fetch'

/** One thing to import, however it arrived (URL, file, pasted HTML, a row of another app's export). */
export interface ImportTask {
  /** What the user sees in progress and errors: a URL, a path, "pasted HTML". */
  source: string
  /** Loads the page; throws UserError with a reason when it cannot. */
  load(): Promise<LoadedPage>
  /** Extra tags (e.g. from another app's export). */
  tags?: string[]
  /** When the user saved it in the app it came from. */
  savedAt?: string
  /** Highlights carried by an export: anchored by their quote after the article is stored. */
  highlights?: ImportedHighlight[]
  /** Title to fall back on (exports know it even when the page has none). */
  title?: string
  /** How the article was obtained, for its version (default 'import'; the extension's are 'capture'). */
  how?: VersionHow
}

export interface LoadedPage {
  body: string | Buffer
  url?: string
  contentType?: string | null
  /** Keep the original bytes as the raw page (false for pages built from an export's text). */
  keepRaw?: boolean
  /** The page's address as its source knows it, when the page itself names none. */
  canonicalUrl?: string
  /** The page's images, already fetched (by the browser extension): nothing is downloaded. */
  images?: ProvidedImage[]
}

export interface ProvidedImage {
  url: string
  mime: string
  bytes: Uint8Array
}

export interface ImportedHighlight {
  quote: string
  /** TextQuoteSelector context: which occurrence of the quote was meant. */
  prefix?: string
  suffix?: string
  note?: string
  tags?: string[]
  color?: string
  createdAt?: string
}

/** A task that fetches `url` over http(s). */
export function urlTask(url: string, extra: Partial<ImportTask> = {}): ImportTask {
  return {
    source: url,
    load: async () => {
      const page = await fetchPage(checkUrl(url))
      return { body: page.body, url: page.url, contentType: page.contentType }
    },
    ...extra
  }
}

/** Refuses what is not an absolute http(s) URL, with the reason. */
export function checkUrl(raw: string): string {
  let u: URL
  try {
    u = new URL(raw.trim())
  } catch {
    throw new UserError('import_failed', `not a URL: "${raw.slice(0, 200)}"`)
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new UserError('import_failed', `only http and https URLs can be imported (got ${u.protocol})`)
  }
  return u.href
}

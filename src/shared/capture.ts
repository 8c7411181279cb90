/**
 * The "Save to Clipfile" browser extension and the app's capture listener share this file:
 * the port, the extension's identity, the listener's routes, limits and the shapes of its
 * requests and answers. No zod, no Node, no DOM: the extension bundles it as it is.
 */

/** The loopback port the desktop app and `clipfile serve` listen on for the extension. */
export const DEFAULT_CAPTURE_PORT = 27183

/**
 * The public half of the key that fixes the Chromium extension's id (the manifest's `key`).
 * Its private half is not needed to load the unpacked extension and is not kept.
 */
export const CHROMIUM_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1ihAF1w4SjmEEBe3GvAD4xZ5pKYZbQSUgP+R+nYfiWekS7UKdBPc48YcUDSRIaLAYy8GyqJGmir7acaY65U1zaE3g+pamAFijOj1sdpIsSTH9+Ine0xydt+/RX40lu7paKZy/fxO6SXxP6qKO1117zACaK27crUvaqvaPGXsAi6mQfdi6oy32V1opt1kCNtfvCg3Zf3xV0X+2It+NGQCkfx4JzZMG4q3AjXaWdjZ9U2dNY7VkncewoI7WhYAmf49cQZZMAN1Wq7n/whqCpuHMK7kxEzh3qdDP9QRBfSe3hQfTWz6m7I77JazNcSqg09DlgzDr5xwfqUEl4ZCYC3MZwIDAQAB'
/** The Chromium extension id that key gives (sha256 of the key, first 32 hex digits as a–p). */
export const CHROMIUM_EXTENSION_ID = 'bclkoabgcgilpiogdbohlagldgbojpoe'
/** Firefox's add-on id. Firefox gives each install its own random moz-extension:// origin. */
export const FIREFOX_EXTENSION_ID = 'save@clipfile.app'

/** The listener's routes; every one is a POST with a JSON body. */
export const CAPTURE_ROUTES = {
  /** Ask to pair this browser (the extension's own random token, sent as Bearer). */
  pair: '/v1/pair',
  /** Is this token paired, pending, or unknown? */
  status: '/v1/status',
  /** Store a captured page. */
  capture: '/v1/capture',
  /** Is this address already in the archive? (the badge) */
  lookup: '/v1/lookup',
  /** Show an article in the app. */
  open: '/v1/open'
} as const

/** Images the extension sends with one page, in bytes (larger ones are left out, with a note). */
export const MAX_CAPTURE_IMAGE_BYTES = 20 * 1024 * 1024
/** The page's HTML, in characters. */
export const MAX_CAPTURE_HTML_CHARS = 15_000_000
/** A request body: the HTML and the images in base64 (4/3 of their bytes), with room for JSON. */
export const MAX_CAPTURE_BODY_BYTES = 48 * 1024 * 1024
/** Other requests (pairing, status, lookup) are small. */
export const MAX_SMALL_BODY_BYTES = 16 * 1024

/** W3C Web Annotation TextQuoteSelector: the selected words with a little context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export interface CapturedImage {
  /** The absolute URL the page's <img> now names. */
  url: string
  mime: string
  base64: string
}

/** The body of POST /v1/capture. */
export interface CaptureRequest {
  /** The rendered page: the DOM after its scripts ran, lazy images resolved. */
  html: string
  url: string
  canonicalUrl?: string
  title?: string
  images: CapturedImage[]
  selection?: TextQuoteSelector
  /** Goes on the highlight made from the selection. */
  note?: string
  tags: string[]
  /** Save the whole page's text even when no article can be found in it. */
  force?: boolean
}

export interface PairRequest {
  /** How the browser describes itself ("Chromium 156 on Linux"), shown in the prompt. */
  browser: string
}

export type PairingState = 'approved' | 'pending' | 'unknown'

/** The answer to /v1/pair and /v1/status. */
export interface PairingStatus {
  state: PairingState
  /** The code the app shows, while pending. */
  code?: string
  /** The app's version. */
  version: string
}

/** The answer to /v1/capture. */
export interface CaptureResponse {
  ok: boolean
  id?: number
  status?: 'created' | 'updated'
  title?: string
  error?: string
  /** No article was found: saving again with `force` keeps the page's whole text. */
  noArticle?: boolean
}

/** The answer to /v1/lookup. */
export interface LookupResponse {
  id: number | null
  title?: string
}

/** Every refusal of the listener: 4xx with a sentence for a person. */
export interface CaptureRefusal {
  error: string
}

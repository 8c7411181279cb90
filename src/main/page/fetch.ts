/**
 * Downloads pages and images over http(s). Redirects are followed by hand so they can be
 * capped and checked (no file:, data: or ftp: hops), bodies are streamed so an oversized
 * download stops at the cap, and every failure becomes a one-line UserError a person can read.
 */
import http from 'node:http'
import https from 'node:https'
import zlib from 'node:zlib'
import type { Readable } from 'node:stream'
import { UserError } from '../../shared/result'
import { Reachability } from './reachability'

export interface FetchOptions {
  /** Whole-request budget (all redirects and the body), in ms. */
  timeoutMs?: number
  maxBytes?: number
  maxRedirects?: number
  userAgent?: string
  signal?: AbortSignal
  /** Sent as Referer (image hosts often refuse hotlinks without one). */
  referer?: string
  /**
   * How long the server may take to start answering (status and headers), in ms; the whole
   * budget still applies to the body. A host that accepts connections but never answers
   * (a dead network, a captive portal) is given up on this soon.
   */
  answerTimeoutMs?: number
}

export interface FetchedPage {
  /** Final URL after redirects. */
  url: string
  status: number
  contentType: string | null
  body: Buffer
}

export const DEFAULT_TIMEOUT_MS = 20_000
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024
export const DEFAULT_MAX_ASSET_BYTES = 15 * 1024 * 1024
export const DEFAULT_MAX_REDIRECTS = 10
/** Images: a server that has not begun to answer after this long is taken as unreachable. */
export const IMAGE_ANSWER_TIMEOUT_MS = 8_000
// A browser-like UA: many news sites serve a stripped or blocked page to unknown agents.
export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Clipfile/0.1'

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/** What the caller accepts; null = acceptable, otherwise the refusal reason. */
type TypeCheck = (contentType: string | null) => string | null

interface Settings {
  /** Statuses answered with an empty body instead of an error (conditional requests, re-checks). */
  passStatus?: (status: number) => boolean
  /** Sent with the first request (not with redirects' requests to other hosts). */
  headers?: Record<string, string>
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
  userAgent: string
  accept: string
  what: string
  checkType: TypeCheck
  referer?: string
}

const fail = (reason: string, unreachable = false): FetchFailure => new FetchFailure(reason, unreachable)

/** Fetches an HTML page (text/html, application/xhtml+xml, or unlabelled). */
export function fetchPage(url: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  return fetchWith(url, opts, {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
    what: 'page',
    checkType: htmlTypeCheck
  })
}

/** Statuses a re-check reads rather than fails on: not modified, gone, slow down. */
const CHECK_STATUSES = new Set([304, 404, 410, 429, 503])

/**
 * Fetches a page again to see whether it changed: a conditional request when validators
 * from the last answer are known (If-None-Match, If-Modified-Since). Answers 304, 404, 410,
 * 429 and 503 with their status and an empty body instead of failing; everything else
 * like fetchPage. The headers (validators, Retry-After) and the redirects come back too.
 */
export function fetchForCheck(url: string, validators: { etag?: string | null; lastModified?: string | null }, opts: FetchOptions = {}): Promise<CheckedPage> {
  const headers: Record<string, string> = {}
  if (validators.etag) headers['if-none-match'] = validators.etag
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified
  return fetchWith(url, opts, {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
    what: 'page',
    checkType: htmlTypeCheck,
    passStatus: (status) => CHECK_STATUSES.has(status),
    headers
  })
}

/**
 * A download failure; `unreachable` when the server could not be reached at all (no DNS
 * answer, refused, unreachable, timed out) rather than answering with an error.
 */
export class FetchFailure extends UserError {
  constructor(
    message: string,
    readonly unreachable = false
  ) {
    super('import_failed', message)
  }
}

/** Fetches an image. Throws like fetchPage (see `imageLoader` for imports). */
export function fetchAsset(url: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  return fetchWith(url, opts, {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_ASSET_BYTES,
    accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,*/*;q=0.5',
    what: 'image',
    checkType: imageTypeCheck
  })
}

/**
 * A `loadImage` for prepareArticle: fetches with fetchAsset and throws the reason on failure
 * (the image becomes a placeholder). Servers that could not be reached are remembered
 * (reachability.ts), so an offline import fails its images at once.
 */
export function imageLoader(
  opts: FetchOptions = {},
  reach: Reachability = new Reachability()
): (url: string) => Promise<{ mime: string; bytes: Buffer } | null> {
  return async (url) => {
    const skip = /^https?:/i.test(url) ? reach.skipReason(url) : null
    if (skip) throw new FetchFailure(skip, true)
    try {
      const res = await fetchAsset(url, { answerTimeoutMs: IMAGE_ANSWER_TIMEOUT_MS, ...opts })
      reach.reached(url)
      return { mime: res.contentType ?? 'application/octet-stream', bytes: res.body }
    } catch (e) {
      if (e instanceof FetchFailure && e.unreachable) reach.unreachable(url, e.message)
      else reach.reached(url)
      throw e
    }
  }
}

const mimeOf = (contentType: string | null): string | null =>
  contentType ? contentType.split(';')[0].trim().toLowerCase() || null : null

function htmlTypeCheck(contentType: string | null): string | null {
  const mime = mimeOf(contentType)
  // Unlabelled responses are common on small servers; the decoder copes with them.
  if (mime === null || mime === 'text/html' || mime === 'application/xhtml+xml') return null
  return `not an HTML page (${mime})`
}

function imageTypeCheck(contentType: string | null): string | null {
  const mime = mimeOf(contentType)
  // CDNs often label images octet-stream; the bytes are sniffed later anyway.
  if (mime === null || mime.startsWith('image/') || mime === 'application/octet-stream') return null
  return `not an image (${mime})`
}

async function fetchWith(
  url: string,
  opts: FetchOptions,
  partial: Pick<Settings, 'maxBytes' | 'accept' | 'what' | 'checkType' | 'passStatus' | 'headers'>
): Promise<CheckedPage> {
  const settings: Settings = {
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRedirects: opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    userAgent: opts.userAgent ?? DEFAULT_USER_AGENT,
    referer: opts.referer,
    ...partial
  }
  // One controller for the deadline and the caller's cancel, shared by every hop.
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort('timeout'), settings.timeoutMs)
  const answerMs = opts.answerTimeoutMs
  const answerTimer = answerMs === undefined ? null : setTimeout(() => controller.abort('no-answer'), answerMs)
  const onCancel = (): void => controller.abort('cancelled')
  opts.signal?.addEventListener('abort', onCancel, { once: true })
  try {
    if (opts.signal?.aborted) throw fail('download cancelled')
    return await followRedirects(parseHttpUrl(url), settings, controller.signal, () => answerTimer && clearTimeout(answerTimer))
  } catch (err) {
    if (controller.signal.reason === 'no-answer') throw fail(`the server did not answer within ${+((answerMs ?? 0) / 1000).toFixed(1)} s`, true)
    throw toUserError(err, controller.signal, settings)
  } finally {
    clearTimeout(timer)
    if (answerTimer) clearTimeout(answerTimer)
    opts.signal?.removeEventListener('abort', onCancel)
  }
}

function parseHttpUrl(raw: string, from?: URL): URL {
  let u: URL
  try {
    u = new URL(raw.trim(), from)
  } catch {
    throw fail(`not a valid URL: ${raw.slice(0, 200)}`)
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw fail(`only http and https addresses can be fetched (got ${u.protocol.replace(/:$/, '')})`)
  }
  u.hash = ''
  return u
}

/** A page with what a re-check needs besides: the answer's headers and the redirects on the way. */
export interface CheckedPage extends FetchedPage {
  headers: http.IncomingHttpHeaders
  redirects: { status: number; url: string }[]
}

async function followRedirects(start: URL, s: Settings, signal: AbortSignal, answered: () => void): Promise<CheckedPage> {
  let url = start
  const cookies = new CookieJar()
  const redirects: CheckedPage['redirects'] = []
  for (let hops = 0; ; hops++) {
    // Validators belong to the first address only.
    const res = await request(url, s, signal, cookies.header(url), hops === 0 ? s.headers : undefined)
    answered()
    cookies.store(url, res.headers['set-cookie'])
    const status = res.statusCode ?? 0
    if (REDIRECT_STATUSES.has(status)) {
      res.resume() // discard the redirect body so the socket is released
      const location = res.headers.location
      if (!location) throw fail(`HTTP ${status} redirect without a Location header`)
      if (hops >= s.maxRedirects) throw fail(`too many redirects (more than ${s.maxRedirects})`)
      url = parseHttpUrl(location, url)
      redirects.push({ status, url: url.href })
      continue
    }
    if (s.passStatus?.(status)) {
      res.resume()
      return { url: url.href, status, contentType: res.headers['content-type'] ?? null, body: Buffer.alloc(0), headers: res.headers, redirects }
    }
    if (status < 200 || status >= 300) {
      res.resume()
      throw fail(`HTTP ${status} ${res.statusMessage || http.STATUS_CODES[status] || ''}`.trim())
    }
    const contentType = res.headers['content-type'] ?? null
    const refusal = s.checkType(contentType)
    if (refusal) {
      res.destroy()
      throw fail(refusal)
    }
    const body = await readBody(res, s)
    return { url: url.href, status, contentType, body, headers: res.headers, redirects }
  }
}

function request(
  url: URL,
  s: Settings,
  signal: AbortSignal,
  cookie: string | null,
  extra: Record<string, string> | undefined
): Promise<http.IncomingMessage> {
  const mod = url.protocol === 'https:' ? https : http
  const headers: Record<string, string> = {
    'user-agent': s.userAgent,
    accept: s.accept,
    'accept-encoding': 'gzip, deflate, br',
    'accept-language': 'en;q=0.9, *;q=0.5',
    ...extra
  }
  if (cookie) headers.cookie = cookie
  if (s.referer) headers.referer = s.referer
  return new Promise((resolve, reject) => {
    const req = mod.get(url, { headers, signal }, resolve)
    req.on('error', reject)
  })
}

/** Reads the (decompressed) body, stopping as soon as it passes the cap. */
async function readBody(res: http.IncomingMessage, s: Settings): Promise<Buffer> {
  const tooLarge = (): UserError => fail(`${s.what} larger than ${formatBytes(s.maxBytes)}`)
  const declared = Number(res.headers['content-length'])
  const encoding = (res.headers['content-encoding'] ?? '').toLowerCase().trim()
  if (!encoding && Number.isFinite(declared) && declared > s.maxBytes) {
    res.destroy()
    throw tooLarge()
  }
  // The cap applies to the decompressed size, so a small gzip bomb cannot fill memory.
  const stream = decompress(res, encoding)
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length
      if (total > s.maxBytes) throw tooLarge()
      chunks.push(chunk as Buffer)
    }
  } finally {
    if (total > s.maxBytes) {
      stream.destroy()
      res.destroy()
    }
  }
  return Buffer.concat(chunks)
}

function decompress(res: http.IncomingMessage, encoding: string): Readable {
  const make =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip
      : encoding === 'deflate'
        ? zlib.createInflate
        : encoding === 'br'
          ? zlib.createBrotliDecompress
          : null
  if (!make) return res
  const out = make()
  res.on('error', (e) => out.destroy(e))
  return res.pipe(out)
}

export function formatBytes(n: number): string {
  const mb = 1024 * 1024
  if (n >= mb) return `${+(n / mb).toFixed(1)} MB`
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`
  return `${n} bytes`
}

const UNREACHABLE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH'])

function toUserError(err: unknown, signal: AbortSignal, s: Settings): UserError {
  if (err instanceof UserError) return err
  if (signal.aborted) {
    return signal.reason === 'timeout'
      ? fail(`timed out after ${+(s.timeoutMs / 1000).toFixed(1)} s`, true)
      : fail('download cancelled')
  }
  return fail(networkReason(err), UNREACHABLE_CODES.has((err as NodeJS.ErrnoException)?.code ?? ''))
}

/** Node's network error codes, as a sentence. */
function networkReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { hostname?: string; address?: string; port?: number }
  switch (e?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `could not resolve host ${e.hostname ?? ''}`.trim()
    case 'ECONNREFUSED':
      return `connection refused by ${e.address ?? 'the server'}${e.port ? `:${e.port}` : ''}`
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the server closed the connection'
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'the server could not be reached'
  }
  if (e?.code?.startsWith('Z_') || e?.code?.startsWith('ERR_BROTLI')) return 'the server sent a corrupt compressed body'
  if (e?.code && /CERT|SSL|TLS/.test(e.code)) return `secure connection failed (${e.code})`
  return `download failed: ${String(e?.message ?? err).split('\n')[0]}`
}

/**
 * Keeps cookies across one redirect chain only: many news sites bounce a first visit
 * through a consent or cookie-check redirect and loop forever without them.
 */
class CookieJar {
  private byHost = new Map<string, Map<string, string>>()

  store(url: URL, setCookie: string[] | undefined): void {
    if (!setCookie) return
    const jar = this.byHost.get(url.hostname) ?? new Map<string, string>()
    for (const line of setCookie) {
      const pair = line.split(';')[0]
      const eq = pair.indexOf('=')
      if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
    }
    this.byHost.set(url.hostname, jar)
  }

  header(url: URL): string | null {
    const jar = this.byHost.get(url.hostname)
    if (!jar || jar.size === 0) return null
    return [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}

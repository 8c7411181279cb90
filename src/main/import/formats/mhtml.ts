/**
 * MHTML ("Save page as… Webpage, Single File" in Chrome/Edge, .mht from older browsers):
 * a MIME multipart/related message whose first text/html part is the page and whose
 * other parts are its resources, each named by Content-Location (its URL) or Content-ID.
 *
 * parseMhtml decodes the page (quoted-printable / base64 / 7bit / 8bit / binary, then its
 * charset) and inlines every image part the page references — by URL (absolute, or
 * relative to the page) or by `cid:` — as a data: URI, so the later image step stores them
 * without any network. Stylesheets, scripts and frames are not inlined (the reader does not
 * use them).
 */
import iconv from 'iconv-lite'
import { UserError } from '../../../shared/result'
import { decodeEntities } from './util'

export interface MhtmlPage {
  body: string
  url?: string
  contentType: string
}

interface Part {
  headers: Map<string, string>
  type: string
  params: Record<string, string>
  body: Buffer
}

const refuse = (why: string): never => {
  throw new UserError('import_failed', why)
}

/** Whether the first bytes (as latin1) are the headers of a MIME multipart/related message. */
export function isMhtml(head: string): boolean {
  const split = headerSplit(head)
  if (!split) return false
  const headers = parseHeaders(split.headers)
  return /^multipart\/related\b/i.test(headers.get('content-type') ?? '')
}

export function parseMhtml(bytes: Buffer): MhtmlPage {
  const text = bytes.toString('latin1')
  const split = headerSplit(text.replace(/^\uFEFF|^\xEF\xBB\xBF/, ''))
  if (!split) refuse('not an MHTML file: it does not start with MIME headers')
  const top = parseHeaders(split!.headers)
  const contentType = top.get('content-type')
  if (!contentType) refuse('not an MHTML file: it has no Content-Type header')
  const parts = readEntity(top, split!.body, 0)
  const page = parts.find((p) => p.type === 'text/html' || p.type === 'application/xhtml+xml')
  if (!page) refuse('this MHTML file has no HTML page in it')
  const url = httpUrl(page!.headers.get('content-location')) ?? httpUrl(top.get('snapshot-content-location'))
  let html = decodeCharset(page!.body, page!.params.charset)
  const resources = new Map<string, string>()
  for (const p of parts) {
    if (p === page || !p.type.startsWith('image/')) continue
    const dataUri = `data:${p.type};base64,${p.body.toString('base64')}`
    const location = p.headers.get('content-location')?.trim()
    if (location) {
      if (!resources.has(location)) resources.set(location, dataUri)
      const abs = resolve(location, url)
      if (abs && !resources.has(abs)) resources.set(abs, dataUri)
    }
    const cid = p.headers.get('content-id')?.trim().replace(/^<|>$/g, '')
    if (cid && !resources.has(`cid:${cid}`)) resources.set(`cid:${cid}`, dataUri)
  }
  if (resources.size) html = inlineResources(html, resources, baseOf(html, url))
  return { body: html, ...(url ? { url } : {}), contentType: 'text/html; charset=utf-8' }
}

/** Headers and body of a MIME entity, or null when `text` does not start with header lines. */
function headerSplit(text: string): { headers: string; body: string } | null {
  const m = /\r?\n\r?\n/.exec(text)
  const headers = m ? text.slice(0, m.index) : text
  if (!headers || !/^[!-9;-~]+:/.test(headers)) return null
  const lines = headers.split(/\r?\n/)
  if (!lines.every((l) => /^[!-9;-~]+:/.test(l) || /^[ \t]/.test(l))) return null
  return { headers, body: m ? text.slice(m.index + m[0].length) : '' }
}

function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of block.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const i = line.indexOf(':')
    if (i <= 0) continue
    const key = line.slice(0, i).trim().toLowerCase()
    if (!out.has(key)) out.set(key, line.slice(i + 1).trim())
  }
  return out
}

function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  const v = value ?? 'text/plain'
  const semi = v.indexOf(';')
  const type = (semi < 0 ? v : v.slice(0, semi)).trim().toLowerCase()
  const params: Record<string, string> = {}
  if (semi >= 0) {
    for (const m of v.slice(semi).matchAll(/;\s*([^=\s;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
      params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]
    }
  }
  return { type, params }
}

/** The leaf parts of an entity, in order (nested multiparts flattened). */
function readEntity(headers: Map<string, string>, body: string, depth: number): Part[] {
  const { type, params } = parseContentType(headers.get('content-type'))
  if (type.startsWith('multipart/')) {
    if (depth > 8) return []
    const boundary = params.boundary
    if (!boundary) refuse('this MHTML file is damaged: its Content-Type has no boundary')
    const out: Part[] = []
    for (const raw of splitMultipart(body, boundary!)) {
      const split = headerSplit(raw)
      const partHeaders = split ? parseHeaders(split.headers) : new Map<string, string>()
      out.push(...readEntity(partHeaders, split ? split.body : raw.replace(/^\r?\n/, ''), depth + 1))
    }
    if (depth === 0 && out.length === 0) refuse('this MHTML file is damaged: no parts were found for its boundary')
    return out
  }
  if (depth === 0 && type !== 'text/html' && type !== 'application/xhtml+xml') {
    refuse(`not an MHTML file: its content type is ${type}`)
  }
  return [{ headers, type, params, body: decodeTransfer(body, headers.get('content-transfer-encoding')) }]
}

function splitMultipart(body: string, boundary: string): string[] {
  const esc = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${esc}(--)?[ \\t]*(?=\\r?\\n|$)`, 'g')
  const parts: string[] = []
  let start = -1
  for (const m of body.matchAll(delimiter)) {
    if (start >= 0) parts.push(body.slice(start, m.index))
    if (m[1]) return parts // the closing delimiter
    start = m.index! + m[0].length
    // the line end after the delimiter belongs to it
    if (body.startsWith('\r\n', start)) start += 2
    else if (body[start] === '\n') start += 1
  }
  if (start >= 0 && start < body.length) parts.push(body.slice(start)) // no closing delimiter: keep what is there
  return parts
}

function decodeTransfer(body: string, encoding: string | undefined): Buffer {
  const enc = (encoding ?? '').trim().toLowerCase()
  if (enc === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=_-]/g, ''), 'base64')
  if (enc === 'quoted-printable') return decodeQuotedPrintable(body)
  return Buffer.from(body, 'latin1') // 7bit, 8bit, binary: the bytes as they are
}

/** Quoted-printable (RFC 2045 §6.7): soft line breaks removed, =XX to bytes, trailing blanks on a line dropped. */
export function decodeQuotedPrintable(body: string): Buffer {
  const s = body
    .replace(/[ \t]+(?=\r?\n)/g, '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(s, 'latin1')
}

function decodeCharset(bytes: Buffer, declared: string | undefined): string {
  let charset = declared?.trim()
  if (!charset) {
    const head = bytes.subarray(0, 2048).toString('latin1')
    charset = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]
  }
  if (!charset || !iconv.encodingExists(charset)) charset = 'utf-8'
  const html = iconv.decode(bytes, charset)
  return html.charCodeAt(0) === 0xfeff ? html.slice(1) : html
}

function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const u = new URL(value.trim())
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}

function resolve(ref: string, base: string | undefined): string | undefined {
  try {
    return new URL(ref, base).href
  } catch {
    return undefined
  }
}

function baseOf(html: string, url: string | undefined): string | undefined {
  const m = /<base\s[^>]*href\s*=\s*["']([^"']+)["']/i.exec(html)
  return (m && resolve(decodeEntities(m[1]), url)) || url
}

const TAG_RE = /<([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g
const ATTR_RE = /(\s)([^\s=/>"']+)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g
const CSS_URL_RE = /url\(\s*(["']?)([^"')]+?)\1\s*\)/gi
const STYLE_BLOCK_RE = /(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi
const URL_ATTRS = new Set(['src', 'poster', 'background', 'data-src', 'xlink:href', 'lowsrc'])
/** Elements whose href embeds an image (never links: a link stays a link). */
const HREF_EMBEDS = new Set(['image', 'use', 'link'])

function inlineResources(html: string, resources: Map<string, string>, base: string | undefined): string {
  const lookup = (raw: string): string | undefined => {
    const ref = decodeEntities(raw.trim())
    if (!ref || ref.startsWith('data:')) return undefined
    const direct = resources.get(ref)
    if (direct) return direct
    const abs = resolve(ref, base)
    return abs ? resources.get(abs) : undefined
  }
  const css = (text: string) =>
    text.replace(CSS_URL_RE, (whole, _q: string, ref: string) => {
      const data = lookup(ref)
      return data ? `url("${data}")` : whole
    })
  const srcset = (value: string): string | undefined => {
    let changed = false
    const candidates = value.split(/,(?=\s*\S)/).map((c) => {
      const m = /^(\s*)(\S+)([\s\S]*)$/.exec(c)
      const data = m && lookup(m[2])
      if (!m || !data) return c
      changed = true
      return `${m[1]}${data}${m[3]}`
    })
    return changed ? candidates.join(',') : undefined
  }
  const out = html.replace(TAG_RE, (tag, name: string, attrs: string) => {
    const element = name.toLowerCase()
    const next = attrs.replace(ATTR_RE, (whole, space: string, attr: string, eq: string, dq?: string, sq?: string, bare?: string) => {
      const key = attr.toLowerCase()
      const value = dq ?? sq ?? bare ?? ''
      let data: string | undefined
      if (URL_ATTRS.has(key) || (key === 'href' && HREF_EMBEDS.has(element))) data = lookup(value)
      else if (key === 'srcset' || key === 'data-srcset') data = srcset(value)
      else if (key === 'style') {
        const styled = css(decodeEntities(value))
        data = styled !== decodeEntities(value) ? styled.replace(/"/g, '&quot;') : undefined
      }
      return data === undefined ? whole : `${space}${attr}${eq}"${data}"`
    })
    return next === attrs ? tag : `<${name}${next}>`
  })
  return out.replace(STYLE_BLOCK_RE, (_w, open: string, body: string, close: string) => `${open}${css(body)}${close}`)
}

/**
 * Turns a page's bytes into text the way a browser would pick the charset: byte-order
 * mark, then the HTTP header, then a <meta> in the first bytes, then UTF-8 if the bytes
 * are valid UTF-8, else windows-1252 (the web's de-facto legacy default).
 */
import iconv from 'iconv-lite'

export interface Decoded {
  html: string
  /** The charset actually used, lower case (e.g. `utf-8`, `windows-1252`, `shift_jis`). */
  charset: string
}

/** How far into the page a <meta charset> is looked for (browsers use 1024; pages are sloppy). */
const PRESCAN_BYTES = 4096

/**
 * Labels browsers decode differently from their name (WHATWG Encoding Standard): latin1
 * and ASCII pages really use windows-1252 (0x92 is ’ there, a control code in latin1).
 */
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  iso8859_1: 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  latin5: 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  gb2312: 'gbk',
  gb_2312: 'gbk',
  'gb_2312-80': 'gbk',
  'x-gbk': 'gbk',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'ms_kanji': 'shift_jis',
  'windows-31j': 'shift_jis',
  'ks_c_5601-1987': 'euc-kr',
  'x-euc-jp': 'euc-jp',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8'
}

export function decodeHtml(body: Buffer, contentType?: string | null): Decoded {
  const bom = sniffBom(body)
  if (bom) return decodeAs(body, bom)
  const fromHeader = usable(charsetParam(contentType ?? null))
  // A server that says UTF-16 for 8-bit bytes is wrong (markup in UTF-16 is half NUL bytes):
  // read the page as its own bytes say instead of turning it into CJK-looking noise.
  if (fromHeader && !(fromHeader.startsWith('utf-16') && !looksUtf16(body))) return decodeAs(body, fromHeader)
  const fromMeta = usable(metaCharset(body), true)
  if (fromMeta) return decodeAs(body, fromMeta)
  return decodeAs(body, isValidUtf8(body) ? 'utf-8' : 'windows-1252')
}

function decodeAs(body: Buffer, charset: string): Decoded {
  // iconv-lite strips a BOM by default.
  return { html: iconv.decode(body, charset), charset }
}

function sniffBom(b: Buffer): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8'
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be'
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le'
  return null
}

/** `charset=` in a Content-Type header value. */
export function charsetParam(contentType: string | null): string | null {
  if (!contentType) return null
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType)
  return m ? m[2] : null
}

/** `<meta charset>` or `<meta http-equiv=Content-Type content="…charset=…">` near the start. */
function metaCharset(body: Buffer): string | null {
  // latin1 maps bytes 1:1, so ASCII markup reads right whatever the real charset is.
  const head = body.subarray(0, PRESCAN_BYTES).toString('latin1')
  const metas = head.match(/<meta\b[^>]*>/gi) ?? []
  for (const meta of metas) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta)
    if (direct) return direct[1]
  }
  return null
}

/** Normalises a label to one iconv-lite knows, or null if it is unknown. */
function usable(label: string | null, fromMeta = false): string | null {
  if (!label) return null
  let name = label.trim().toLowerCase()
  name = ALIASES[name] ?? name
  // A <meta> cannot truthfully declare UTF-16 (it was read as ASCII), so browsers use UTF-8.
  if (fromMeta && name.startsWith('utf-16')) name = 'utf-8'
  return iconv.encodingExists(name) ? name : null
}

/** UTF-16 text of a web page: ASCII markup makes at least a quarter of its first bytes NUL. */
function looksUtf16(b: Buffer): boolean {
  const head = b.subarray(0, 1024)
  let nul = 0
  for (const byte of head) if (byte === 0) nul++
  return head.length > 0 && nul * 4 >= head.length
}

const utf8Checker = new TextDecoder('utf-8', { fatal: true })

function isValidUtf8(body: Buffer): boolean {
  try {
    utf8Checker.decode(body)
    return true
  } catch {
    return false
  }
}

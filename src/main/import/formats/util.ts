import { UserError } from '../../../shared/result'
import type { ImportTask } from '../tasks'

/**
 * A recognised export's entry that cannot be imported becomes a task that fails with the
 * reason: the rest of the export still imports, and the summary names what was skipped.
 */
export function failedTask(source: string, reason: string): ImportTask {
  return {
    source,
    load: async () => {
      throw new UserError('import_failed', reason)
    }
  }
}

/**
 * ISO 8601 (UTC) from what exports use for a moment: unix seconds (number or digits),
 * ISO 8601 with or without a colon in the offset ("+0000"), or "YYYY-MM-DD HH:MM:SS"
 * (no zone: read as UTC). Anything else, or an impossible date, gives undefined.
 */
export function toIso(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined
  let ms: number
  if (typeof value === 'number') ms = value * 1000
  else if (typeof value === 'string') {
    const s = value.trim()
    if (/^\d{1,12}$/.test(s)) ms = Number(s) * 1000
    else {
      const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s)
      if (!m) {
        ms = Date.parse(s)
      } else {
        const zone = m[3] ? (m[3].toUpperCase() === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z'
        ms = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}${zone}`)
      }
    }
  } else return undefined
  if (!Number.isFinite(ms) || ms <= 0) return undefined
  const d = new Date(ms)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Decodes the character references found in exported attribute values and link text. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[ref.toLowerCase()] ?? whole
  })
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export interface WrapMeta {
  title?: string
  author?: string
  publishedAt?: string
  url?: string
  language?: string
}

/**
 * A minimal HTML document around an export's article HTML, so the extractor finds the
 * title, author and date that the export knows but the fragment does not carry.
 */
export function wrapHtml(content: string, meta: WrapMeta): string {
  const head: string[] = ['<meta charset="utf-8">']
  if (meta.title) head.push(`<title>${escapeHtml(meta.title)}</title>`)
  if (meta.author) head.push(`<meta name="author" content="${escapeHtml(meta.author)}">`)
  if (meta.publishedAt) {
    head.push(`<meta property="article:published_time" content="${escapeHtml(meta.publishedAt)}">`)
    head.push(`<meta name="date" content="${escapeHtml(meta.publishedAt)}">`)
  }
  if (meta.url) head.push(`<link rel="canonical" href="${escapeHtml(meta.url)}">`)
  const lang = meta.language && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(meta.language) ? ` lang="${meta.language}"` : ''
  return `<!DOCTYPE html>\n<html${lang}>\n<head>\n${head.join('\n')}\n</head>\n<body>\n<article>\n${content}\n</article>\n</body>\n</html>\n`
}

/** Trimmed, non-empty, case-insensitively unique tag names, in first-seen order. */
export function cleanTags(tags: Iterable<unknown>): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const t of tags) {
    if (typeof t !== 'string') continue
    const name = t.trim()
    if (!name || seen.has(name.toLowerCase())) continue
    seen.add(name.toLowerCase())
    out.push(name)
  }
  return out
}

/** The text of `bytes` as UTF-8 (a byte-order mark removed). */
export function utf8(bytes: Buffer | Uint8Array): string {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s
}

/** Whether `url` is an absolute http(s) URL. */
export function isHttpUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false
  try {
    const u = new URL(url.trim())
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * wallabag's JSON export (v2: "Export" → JSON, from any list, e.g. "All entries").
 * An array of entries: {title, url, given_url, content (article HTML), language, tags
 * (label strings, or {label} objects through the API), is_starred, created_at,
 * published_at, published_by: [names], annotations: [{quote, text, ranges, created_at}]}.
 * Dates are "2024-01-02T09:00:00+0000" (or "YYYY-MM-DD HH:MM:SS", read as UTC).
 *
 * With content: the HTML is wrapped in a minimal document carrying <title>, author and
 * date (so the extractor finds them) and imported offline — no network. keepRaw is true:
 * that document is the only copy there is, and keeping it is what lets extraction be redone.
 * Without content (wallabag could not fetch it): a URL task.
 * Kept: title, tags, is_starred as the tag `starred`, created_at → savedAt, published_by /
 * published_at / language into the document, annotations → highlights (quote, text as note,
 * created_at). Dropped: is_archived (a reading state), reading_time, preview_picture,
 * annotation ranges (highlights are re-anchored by their quote).
 */
import { UserError } from '../../../shared/result'
import { urlTask } from '../tasks'
import type { ImportedHighlight, ImportTask } from '../tasks'
import { cleanTags, failedTask, isHttpUrl, toIso, wrapHtml } from './util'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

const WALLABAG_KEYS = ['is_archived', 'is_starred', 'reading_time', 'domain_name', 'given_url', 'annotations', 'hashed_url', 'mimetype', 'preview_picture', 'published_by']

/** Whether parsed JSON looks like a wallabag export: an array of objects with url and wallabag's own fields. */
export function isWallabagJson(data: unknown): data is unknown[] {
  if (!Array.isArray(data) || data.length === 0) return false
  const sample = data.slice(0, 5).filter(isObj)
  if (sample.length === 0) return false
  return sample.some((e) => 'url' in e && WALLABAG_KEYS.filter((k) => k in e).length >= 2)
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

function tagsOf(v: unknown): string[] {
  if (typeof v === 'string') return cleanTags(v.split(','))
  if (!Array.isArray(v)) return []
  return cleanTags(v.map((t) => (isObj(t) ? t.label ?? t.slug : t)))
}

function authorOf(v: unknown): string {
  if (Array.isArray(v)) return v.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim()).join(', ')
  return str(v)
}

function highlightsOf(v: unknown): ImportedHighlight[] {
  if (!Array.isArray(v)) return []
  const out: ImportedHighlight[] = []
  for (const a of v) {
    if (!isObj(a)) continue
    const quote = str(a.quote)
    if (!quote) continue // a note without a quote cannot be anchored
    const h: ImportedHighlight = { quote }
    const note = str(a.text)
    if (note) h.note = note
    const createdAt = toIso(a.created_at)
    if (createdAt) h.createdAt = createdAt
    out.push(h)
  }
  return out
}

export function parseWallabag(entries: unknown[], name: string): ImportTask[] {
  const tasks = entries.map((e, index): ImportTask => {
    const n = index + 1
    const where = `${name}, entry ${n}`
    if (!isObj(e)) return failedTask(where, `wallabag export: entry ${n} is not an object`)
    const url = str(e.url) || str(e.given_url) || str(e.origin_url)
    const title = str(e.title)
    const content = typeof e.content === 'string' ? e.content : ''
    if (!url && !content.trim()) return failedTask(where, `wallabag export: entry ${n}${title ? ` ("${title}")` : ''} has no url and no content`)
    const tags = tagsOf(e.tags)
    if (e.is_starred === true || e.is_starred === 1 || e.is_starred === '1') tags.push('starred')
    const extra: Partial<ImportTask> = {}
    if (tags.length) extra.tags = cleanTags(tags)
    const savedAt = toIso(e.created_at)
    if (savedAt) extra.savedAt = savedAt
    if (title) extra.title = title
    const highlights = highlightsOf(e.annotations)
    if (highlights.length) extra.highlights = highlights
    const pageUrl = isHttpUrl(url) ? new URL(url).href : undefined
    if (!content.trim()) return urlTask(url, extra)
    const html = wrapHtml(content, {
      title,
      author: authorOf(e.published_by),
      publishedAt: toIso(e.published_at),
      url: pageUrl,
      language: str(e.language)
    })
    return {
      source: pageUrl ?? where,
      load: async () => ({ body: html, url: pageUrl, contentType: 'text/html; charset=utf-8', keepRaw: true }),
      ...extra
    }
  })
  if (tasks.length === 0) throw new UserError('import_failed', `wallabag export ${name} has no entries in it`)
  return tasks
}

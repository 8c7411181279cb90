/**
 * Pocket's exports.
 *
 * HTML (getpocket.com/export, "ril_export.html"):
 *   <title>Pocket Export</title> … <h1>Unread</h1><ul><li><a href="…" time_added="1491234567" tags="a,b">Title</a></li>…</ul>
 *   <h1>Read Archive</h1><ul>…</ul>
 * CSV (the export Pocket sent from 2024 until it shut down):
 *   title,url,time_added,tags,status   — tags separated by "|", status "unread" or "archive".
 *
 * Each item becomes a URL task (the page is fetched again; Pocket exported no article text)
 * with its tags and time_added as savedAt. Unread/archive is a reading state, not a topic:
 * Clipfile has no reading state and a tag on most of a library is noise, so it is dropped.
 */
import { UserError } from '../../../shared/result'
import { urlTask } from '../tasks'
import type { ImportTask } from '../tasks'
import { CsvError, csvObjects } from './csv'
import { cleanTags, decodeEntities, failedTask, toIso } from './util'

/** Cheap check on the first few KB. */
export function isPocketHtml(head: string): boolean {
  if (/<title>\s*Pocket Export\s*<\/title>/i.test(head)) return true
  return /<h1>\s*(Unread|Read Archive)\s*<\/h1>/i.test(head) && /\stime_added\s*=/i.test(head)
}

export function isPocketCsv(header: string[]): boolean {
  const h = header.map((x) => x.toLowerCase())
  return h.includes('url') && h.includes('time_added') && h.includes('title')
}

interface PocketItem {
  url: string
  title?: string
  timeAdded?: string
  tags: string[]
}

function toTask(item: PocketItem, where: string): ImportTask {
  if (!item.url) return failedTask(where, `Pocket export: ${where} has no URL`)
  const extra: Partial<ImportTask> = {}
  if (item.tags.length) extra.tags = item.tags
  const savedAt = toIso(item.timeAdded)
  if (savedAt) extra.savedAt = savedAt
  if (item.title && item.title !== item.url) extra.title = item.title
  return urlTask(item.url, extra)
}

const TOKEN = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>|<a\s([^>]*)>([\s\S]*?)<\/a\s*>/gi
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of s.matchAll(ATTR)) out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')
  return out
}

const text = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim()

export function parsePocketHtml(html: string, name: string): ImportTask[] {
  const tasks: ImportTask[] = []
  let n = 0
  for (const m of html.matchAll(TOKEN)) {
    if (m[1] !== undefined) continue // a section heading (Unread / Read Archive): state is not kept
    n++
    const a = attributes(m[2])
    tasks.push(
      toTask(
        { url: (a.href ?? '').trim(), title: text(m[3]), timeAdded: a.time_added, tags: cleanTags((a.tags ?? '').split(',')) },
        `${name}, item ${n}`
      )
    )
  }
  if (tasks.length === 0) throw new UserError('import_failed', `Pocket export ${name} has no saved items in it`)
  return tasks
}

export function parsePocketCsv(csv: string, name: string): ImportTask[] {
  let rows
  try {
    rows = csvObjects(csv)
  } catch (e) {
    if (e instanceof CsvError) throw new UserError('import_failed', `Pocket export ${name}: ${e.message}`)
    throw e
  }
  const tasks = rows.map(({ row, values }) => {
    const get = (k: string) => values[k] ?? ''
    return toTask(
      { url: get('url').trim(), title: get('title').trim(), timeAdded: get('time_added'), tags: cleanTags(get('tags').split(/[|,]/)) },
      `${name}, row ${row}`
    )
  })
  if (tasks.length === 0) throw new UserError('import_failed', `Pocket export ${name} has no saved items in it`)
  return tasks
}

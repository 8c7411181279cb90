/**
 * Instapaper's CSV export (Settings → Export → "Download .CSV file").
 *   old:  URL,Title,Selection,Folder
 *   new (late 2025): URL,Title,Selection,Folder,Timestamp,Tags   — Tags a JSON array string: ["a","b"]
 *
 * URL tasks (Instapaper exported no article text). Kept: Title (fallback title); Folder as a
 * tag when it is one of the user's own folders; "Starred" as the tag `starred`; Timestamp
 * (unix seconds) as savedAt; Tags; Selection (text the user selected or highlighted when
 * saving) as a highlight. "Unread" and "Archive" are reading states, not topics: dropped.
 */
import { UserError } from '../../../shared/result'
import { urlTask } from '../tasks'
import type { ImportTask } from '../tasks'
import { CsvError, csvObjects } from './csv'
import { cleanTags, failedTask, toIso } from './util'

export function isInstapaperCsv(header: string[]): boolean {
  const h = header.map((x) => x.toLowerCase())
  return h[0] === 'url' && h.includes('title') && h.includes('selection') && h.includes('folder')
}

const STATE_FOLDERS = new Set(['unread', 'archive'])

/** The Tags column: a JSON array of names, or (leniently) a comma-separated list. */
export function parseInstapaperTags(raw: string): string[] {
  const s = raw.trim()
  if (!s) return []
  if (s.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(s)
      if (Array.isArray(v)) return cleanTags(v.map((t) => (t && typeof t === 'object' && 'name' in t ? (t as { name: unknown }).name : t)))
    } catch {
      // fall through to the plain list
    }
  }
  return cleanTags(s.replace(/^\[|\]$/g, '').split(',').map((t) => t.trim().replace(/^"|"$/g, '')))
}

export function parseInstapaperCsv(csv: string, name: string): ImportTask[] {
  let rows
  try {
    rows = csvObjects(csv)
  } catch (e) {
    if (e instanceof CsvError) throw new UserError('import_failed', `Instapaper export ${name}: ${e.message}`)
    throw e
  }
  const tasks = rows.map(({ row, values }): ImportTask => {
    const where = `${name}, row ${row}`
    const url = (values.url ?? '').trim()
    if (!url) return failedTask(where, `Instapaper export: row ${row} has no URL`)
    const folder = (values.folder ?? '').trim()
    const tags = cleanTags([
      ...(folder && !STATE_FOLDERS.has(folder.toLowerCase()) ? [folder.toLowerCase() === 'starred' ? 'starred' : folder] : []),
      ...parseInstapaperTags(values.tags ?? '')
    ])
    const extra: Partial<ImportTask> = {}
    if (tags.length) extra.tags = tags
    const savedAt = toIso(values.timestamp)
    if (savedAt) extra.savedAt = savedAt
    const title = (values.title ?? '').trim()
    if (title && title !== url) extra.title = title
    const selection = (values.selection ?? '').trim()
    if (selection) extra.highlights = [{ quote: selection, ...(savedAt ? { createdAt: savedAt } : {}) }]
    return urlTask(url, extra)
  })
  if (tasks.length === 0) throw new UserError('import_failed', `Instapaper export ${name} has no saved items in it`)
  return tasks
}

/**
 * Omnivore's export (Settings → Export Data → a zip by e-mail), as its export job writes it:
 *   metadata_0_to_20.json, metadata_20_to_40.json, …  arrays of
 *     {id, slug, title, description, author, url, state, readingProgress, thumbnail,
 *      labels: [names], savedAt, updatedAt, publishedAt}
 *   content/<slug>.html      the readable article HTML Omnivore kept (may be missing)
 *   highlights/<slug>.md     one block per highlight: "> quote" [blank line "#label #label"] [blank line note]
 * The zip may also have been re-packed with everything under one folder; that is accepted.
 *
 * An item with content imports offline: the HTML (wrapped in a minimal document with title,
 * author and date when it is a fragment) with url = the original URL so relative links
 * resolve, keepRaw true. Without content: a URL task. Kept: title, labels → tags, savedAt,
 * author and publishedAt (in the document), highlights with their notes and labels.
 * Dropped: state (archived/active: a reading state), readingProgress, description, thumbnail.
 */
import { readFile, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import { UserError } from '../../../shared/result'
import { urlTask } from '../tasks'
import type { ImportedHighlight, ImportTask } from '../tasks'
import { cleanTags, failedTask, isHttpUrl, toIso, utf8, wrapHtml } from './util'

/** What the parser needs from an export, whether it is a zip or an unpacked folder. */
export interface OmnivoreFiles {
  metadata: { name: string; text: string }[]
  highlights(slug: string): Promise<string | null>
  hasContent(slug: string): Promise<boolean>
  content(slug: string): Promise<string | null>
}

const METADATA = /(?:^|\/)metadata(?:_(\d+)_to_\d+)?\.json$/
/** A slug names a file inside the export, never a path out of it. */
const SAFE_SLUG = /^[^/\\\0]+$/
const safe = (slug: string) => SAFE_SLUG.test(slug) && slug !== '.' && slug !== '..'

const order = (a: string, b: string) => Number(METADATA.exec(a)?.[1] ?? 0) - Number(METADATA.exec(b)?.[1] ?? 0) || a.localeCompare(b)

/** The files of an Omnivore export zip, or null when the zip has no metadata_*.json (not Omnivore's). */
export function omnivoreZipFiles(zip: Uint8Array): OmnivoreFiles | null {
  const names: string[] = []
  let entries: Record<string, Uint8Array>
  try {
    // First pass: names only, and the small metadata and highlight files.
    entries = unzipSync(zip, {
      filter: (f) => {
        names.push(f.name)
        return METADATA.test(f.name) || /(?:^|\/)highlights\/[^/]+\.md$/.test(f.name)
      }
    })
  } catch (e) {
    return names.some((n) => METADATA.test(n)) ? corrupt(e) : null
  }
  const metaNames = names.filter((n) => METADATA.test(n)).sort(order)
  if (metaNames.length === 0) return null
  const prefix = metaNames[0].slice(0, metaNames[0].lastIndexOf('/') + 1)
  const nameSet = new Set(names)
  return {
    metadata: metaNames.map((name) => ({ name, text: utf8(entries[name]) })),
    highlights: async (slug) => {
      const f = entries[`${prefix}highlights/${slug}.md`]
      return safe(slug) && f ? utf8(f) : null
    },
    hasContent: async (slug) => safe(slug) && nameSet.has(`${prefix}content/${slug}.html`),
    content: async (slug) => {
      const wanted = `${prefix}content/${slug}.html`
      if (!safe(slug) || !nameSet.has(wanted)) return null
      // Decompressed only when its article is imported, so a large export is never all in memory.
      const one = unzipSync(zip, { filter: (f) => f.name === wanted })
      return one[wanted] ? utf8(one[wanted]) : null
    }
  }
}

function corrupt(e: unknown): never {
  throw new UserError('import_failed', `Omnivore export: the zip file is damaged (${(e as Error).message})`)
}

/** An unpacked export: one metadata_*.json chosen by the user, with content/ and highlights/ beside it. */
export function omnivoreFolderFiles(metadataPath: string, text: string): OmnivoreFiles {
  const dir = dirname(metadataPath)
  const read = async (path: string) => {
    try {
      return utf8(await readFile(path))
    } catch {
      return null
    }
  }
  return {
    metadata: [{ name: metadataPath, text }],
    highlights: async (slug) => (safe(slug) ? read(join(dir, 'highlights', `${slug}.md`)) : null),
    hasContent: async (slug) => safe(slug) && (await stat(join(dir, 'content', `${slug}.html`)).then((s) => s.isFile(), () => false)),
    content: async (slug) => (safe(slug) ? read(join(dir, 'content', `${slug}.html`)) : null)
  }
}

/** Whether parsed JSON is an Omnivore metadata file: an array of items with slug and savedAt. */
export function isOmnivoreMetadata(data: unknown): data is unknown[] {
  if (!Array.isArray(data) || data.length === 0) return false
  return data.slice(0, 5).some((e) => typeof e === 'object' && e !== null && 'slug' in e && 'savedAt' in e)
}

/**
 * Omnivore's highlight markdown back into highlights. Each highlight is written as
 * `> quote` (a paragraph break inside the quote becomes a line starting with "> "),
 * then, each after a blank line, `#label #label` and the note. Blocks before the
 * first quote (page notes) have nothing to anchor to and are skipped.
 */
export function parseOmnivoreHighlights(md: string): ImportedHighlight[] {
  const out: ImportedHighlight[] = []
  let current: ImportedHighlight | null = null
  for (const raw of md.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const block = raw.trim()
    if (!block) continue
    if (block.startsWith('>')) {
      const quote = block
        .split('\n')
        .map((l) => l.replace(/^>[ \t]?/, '').trim())
        .join('\n')
        .trim()
      current = quote ? { quote } : null
      if (current) out.push(current)
      continue
    }
    if (!current) continue
    if (!current.note && !current.tags && /^#\S+(?:[ \t]+#\S+)*$/.test(block)) {
      current.tags = cleanTags(block.split(/[ \t]+/).map((t) => t.slice(1)))
      continue
    }
    current.note = current.note ? `${current.note}\n\n${block}` : block
  }
  return out
}

type Obj = Record<string, unknown>
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

export async function parseOmnivore(files: OmnivoreFiles, name: string): Promise<ImportTask[]> {
  const tasks: ImportTask[] = []
  for (const file of files.metadata) {
    let items: unknown
    try {
      items = JSON.parse(file.text)
    } catch (e) {
      throw new UserError('import_failed', `Omnivore export: ${file.name} is not valid JSON (${(e as Error).message})`)
    }
    if (!Array.isArray(items)) throw new UserError('import_failed', `Omnivore export: ${file.name} is not a list of items`)
    const base = file.name.split(/[/\\]/).pop()
    const label = base === name ? name : `${name}: ${base}`
    for (const [index, item] of items.entries()) tasks.push(await itemTask(files, item, `${label}, item ${index + 1}`))
  }
  if (tasks.length === 0) throw new UserError('import_failed', `Omnivore export ${name} has no items in it`)
  return tasks
}

async function itemTask(files: OmnivoreFiles, item: unknown, where: string): Promise<ImportTask> {
  if (typeof item !== 'object' || item === null) return failedTask(where, `Omnivore export: ${where} is not an item`)
  const it = item as Obj
  const slug = str(it.slug)
  const title = str(it.title)
  const rawUrl = str(it.url)
  // Uploaded files and newsletters have no page of their own: Omnivore gives them omnivore.app/no_url.
  const url = isHttpUrl(rawUrl) && !/^https?:\/\/omnivore\.app\/no_url/i.test(rawUrl) ? new URL(rawUrl).href : undefined
  const labels = Array.isArray(it.labels) ? it.labels.map((l) => (typeof l === 'object' && l !== null ? (l as Obj).name : l)) : []
  const extra: Partial<ImportTask> = {}
  const tags = cleanTags(labels)
  if (tags.length) extra.tags = tags
  const savedAt = toIso(it.savedAt)
  if (savedAt) extra.savedAt = savedAt
  if (title) extra.title = title
  const md = slug ? await files.highlights(slug) : null
  const highlights = md ? parseOmnivoreHighlights(md) : []
  if (highlights.length) extra.highlights = highlights

  const source = url ?? (title ? `${where} ("${title}")` : where)
  const hasContent = slug ? await files.hasContent(slug) : false
  if (hasContent) {
    const meta = { title, author: str(it.author), publishedAt: toIso(it.publishedAt), url }
    return {
      source,
      load: async () => {
        const html = await files.content(slug)
        if (html === null) throw new UserError('import_failed', `Omnivore export: the content of ${where} could not be read`)
        const body = /<html[\s>]|<body[\s>]/i.test(html.slice(0, 2048)) ? html : wrapHtml(html, meta)
        return { body, url, contentType: 'text/html; charset=utf-8', keepRaw: true }
      },
      ...extra
    }
  }
  if (url) return urlTask(url, extra)
  return { ...failedTask(source, `Omnivore export: ${where} has no original URL and no saved content`), ...extra }
}

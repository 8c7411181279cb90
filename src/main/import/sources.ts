import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { CaptureItem, ImportItem } from '../../shared/api'
import { UserError } from '../../shared/result'
import { parseExport } from './formats'
import { parseMhtml } from './formats/mhtml'
import { checkUrl, urlTask, type ImportTask } from './tasks'

const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.mhtml', '.mht'])
/** In a folder, these are imported only when they are another app's export. */
const EXPORT_EXTENSIONS = new Set(['.zip', '.csv', '.json'])
/** Files larger than this are not read (a page or an export; URLs have their own cap). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024
/** Folders are walked at most this deep, so a link loop or a huge tree cannot hang an import. */
const MAX_DEPTH = 20

/** Turns what the user gave into import tasks; sources that cannot be read are reported via onError. */
export async function expandItems(items: ImportItem[], onError: (source: string, message: string) => void): Promise<ImportTask[]> {
  const tasks: ImportTask[] = []
  for (const item of items) {
    try {
      if (item.kind === 'url') tasks.push(urlTask(item.url))
      else if (item.kind === 'html') tasks.push(htmlTask(item.html, item.url, item.name))
      else if (item.kind === 'file') tasks.push(...(await fileTasks(item.name, Buffer.from(item.base64, 'base64'))))
      else if (item.kind === 'capture') tasks.push(captureTask(item))
      else tasks.push(...(await pathTasks(resolve(item.path), 0)))
    } catch (e) {
      const source = item.kind === 'url' || item.kind === 'capture' ? item.url : item.kind === 'path' ? item.path : (item.name ?? 'pasted HTML')
      onError(source, e instanceof UserError ? e.message : `cannot read: ${(e as Error).message}`)
    }
  }
  return tasks
}

function htmlTask(html: string, url: string | undefined, name: string | undefined): ImportTask {
  const source = name ?? url ?? 'pasted HTML'
  if (name && /\.mhtml?$/i.test(name)) {
    return { source, load: async () => ({ ...parseMhtml(Buffer.from(html, 'latin1')), keepRaw: true }) }
  }
  return { source, load: async () => ({ body: html, url: url ? checkUrl(url) : undefined, contentType: 'text/html; charset=utf-8' }) }
}

/**
 * A page the browser extension captured: its rendered HTML, the images it fetched (used
 * instead of downloading), and its selection, which becomes a highlight with the note.
 */
function captureTask(item: CaptureItem): ImportTask {
  const { selection } = item
  return {
    source: item.url,
    how: 'capture',
    title: item.title?.trim() || undefined,
    load: async () => ({
      body: item.html,
      url: checkUrl(item.url),
      canonicalUrl: item.canonicalUrl ? checkUrl(item.canonicalUrl) : undefined,
      contentType: 'text/html; charset=utf-8',
      images: item.images.map((i) => ({ url: i.url, mime: i.mime, bytes: Buffer.from(i.base64, 'base64') }))
    }),
    highlights: selection ? [{ quote: selection.exact, prefix: selection.prefix, suffix: selection.suffix, note: item.note?.trim() || undefined }] : undefined
  }
}

async function pathTasks(path: string, depth: number): Promise<ImportTask[]> {
  const info = await stat(path).catch(() => {
    throw new UserError('import_failed', `no such file or folder: ${path}`)
  })
  if (info.isDirectory()) return folderTasks(path, depth)
  if (info.size > MAX_FILE_BYTES) {
    throw new UserError('import_failed', `${basename(path)} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; not read`)
  }
  return fileTasks(path, await readFile(path))
}

/** Tasks for one file's bytes: another app's export, a URL list, an MHTML archive or a page. */
export async function fileTasks(path: string, bytes: Buffer): Promise<ImportTask[]> {
  if (bytes.length === 0) throw new UserError('import_failed', `${basename(path)} is empty`)
  const fromExport = await parseExport(path, bytes)
  if (fromExport) return fromExport
  const ext = extname(path).toLowerCase()
  if (ext === '.txt' || ext === '.urls') return urlListTasks(bytes.toString('utf8'), path)
  if (ext === '.mhtml' || ext === '.mht') return [{ source: path, load: async () => ({ ...parseMhtml(bytes), keepRaw: true }) }]
  if (PAGE_EXTENSIONS.has(ext) || looksLikeHtml(bytes)) {
    // A file on disk (not bytes sent by the UI) may have its images beside it.
    const url = isAbsolute(path) ? pathToFileURL(path).href : undefined
    return [{ source: path, load: async () => ({ body: bytes, contentType: null, url }) }]
  }
  throw new UserError('import_failed', `not an HTML page or a known export: ${basename(path)}`)
}

async function folderTasks(dir: string, depth: number): Promise<ImportTask[]> {
  if (depth > MAX_DEPTH) return []
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => a.name.localeCompare(b.name))
  const out: ImportTask[] = []
  for (const e of entries) {
    if (e.name.startsWith('.')) continue
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...(await folderTasks(p, depth + 1)))
    else if (!e.isFile()) continue
    else if (PAGE_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(...(await pathTasks(p, depth + 1)))
    else if (EXPORT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(...((await parseExport(p, await readFile(p))) ?? []))
  }
  return out
}

/** One URL per line; blank lines and `#` comments skipped. */
export function urlListTasks(text: string, source = 'URL list'): ImportTask[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
  if (lines.length === 0) throw new UserError('import_failed', `${source} has no URLs in it`)
  return lines.map((l) => urlTask(l))
}

function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('latin1').toLowerCase()
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(head)
}

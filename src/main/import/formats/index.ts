/**
 * Other read-it-later apps' exports, recognised by their content (the file name only breaks ties):
 * Pocket (HTML and CSV), Omnivore (zip, or one of its metadata_*.json files unpacked),
 * wallabag (JSON), Instapaper (CSV), and an MHTML page whatever its extension.
 *
 * Errors: a file that is not one of these gives null, cheaply (an ordinary article .html is
 * rejected from its first few KB). A recognised export that cannot be read as a whole (a CSV
 * with an unterminated quote, a damaged zip, no items) throws UserError with the reason. A
 * recognised export with some bad entries imports the rest: each bad entry becomes a task
 * whose load() fails with the reason (e.g. "wallabag export: entry 3 has no url and no
 * content"), so the import summary lists it as a failed item next to the others.
 */
import { basename, extname } from 'node:path'
import { UserError } from '../../../shared/result'
import type { ImportTask } from '../tasks'
import { csvHeader } from './csv'
import { isInstapaperCsv, parseInstapaperCsv } from './instapaper'
import { isMhtml, parseMhtml } from './mhtml'
import { isOmnivoreMetadata, omnivoreFolderFiles, omnivoreZipFiles, parseOmnivore } from './omnivore'
import { isPocketCsv, isPocketHtml, parsePocketCsv, parsePocketHtml } from './pocket'
import { utf8 } from './util'
import { isWallabagJson, parseWallabag } from './wallabag'

/** How much of the start of a file the cheap checks look at. */
const HEAD_BYTES = 4096

export async function parseExport(path: string, bytes: Buffer): Promise<ImportTask[] | null> {
  const name = basename(path)
  const ext = extname(path).toLowerCase()
  if (bytes.length < 4) return null

  // Zip: an Omnivore export (other zips are not ours).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const files = omnivoreZipFiles(bytes)
    return files ? parseOmnivore(files, name) : null
  }

  const head = utf8(bytes.subarray(0, HEAD_BYTES))
  const first = head.trimStart()[0]

  // JSON: wallabag, or an unpacked Omnivore metadata file.
  if (first === '[' || first === '{') {
    let data: unknown
    try {
      data = JSON.parse(utf8(bytes))
    } catch (e) {
      if (ext === '.json') throw new UserError('import_failed', `${name} is not valid JSON (${(e as Error).message})`)
      return null
    }
    if (isWallabagJson(data)) return parseWallabag(data, name)
    if (isOmnivoreMetadata(data)) return parseOmnivore(omnivoreFolderFiles(path, utf8(bytes)), name)
    return null
  }

  // HTML: Pocket's export; any other page is left to the page importer.
  if (first === '<') return isPocketHtml(head) ? parsePocketHtml(utf8(bytes), name) : null

  // MIME: an MHTML page saved under another extension (.html, .eml…).
  const latinHead = bytes.subarray(0, HEAD_BYTES).toString('latin1')
  if (isMhtml(latinHead)) return [{ source: path, load: async () => ({ ...parseMhtml(bytes), keepRaw: true }) }]

  // CSV: Pocket or Instapaper, told apart by their header line.
  if (ext === '.csv' || /^[^\r\n]*,/.test(head)) {
    const header = csvHeader(head)
    if (isInstapaperCsv(header)) return parseInstapaperCsv(utf8(bytes), name)
    if (isPocketCsv(header)) return parsePocketCsv(utf8(bytes), name)
  }
  return null
}

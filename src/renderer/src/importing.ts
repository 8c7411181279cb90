import type { ImportItem, ImportProgress, ImportSummary, Result } from '../../shared/api'
import { clipfile } from './bridge'

const URL_LINE = /^https?:\/\/\S+$/i

/** URLs in a block of text, one per line (blank lines and other text ignored). */
export function urlsIn(text: string): string[] {
  return text
    .split(/\s*\n\s*|\s+/)
    .map((s) => s.trim())
    .filter((s) => URL_LINE.test(s))
}

export interface LinkLines {
  urls: string[]
  /** Lines that are not links: reported to the user, and imported as failures with the reason (never dropped). */
  invalid: { line: number; text: string }[]
}

/** Links typed one per line (several on a line separated by spaces are fine); every other non-blank line is invalid. */
export function linkLines(text: string): LinkLines {
  const out: LinkLines = { urls: [], invalid: [] }
  text.split(/\r?\n/).forEach((raw, i) => {
    const words = raw.trim().split(/\s+/).filter(Boolean)
    if (words.length === 0 || raw.trim().startsWith('#')) return
    if (words.every((w) => URL_LINE.test(w))) out.urls.push(...words)
    else out.invalid.push({ line: i + 1, text: raw.trim() })
  })
  return out
}

export async function fileToItem(file: File): Promise<ImportItem> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { kind: 'file', name: file.name, base64: btoa(binary) }
}

let jobs = 0
/** Starts an import; progress arrives through the importProgress event with this job id. */
export function startImport(items: ImportItem[], tags: string[] = [], force = false): { jobId: string; done: Promise<Result<ImportSummary>> } {
  const jobId = `ui-${Date.now().toString(36)}-${++jobs}`
  return { jobId, done: clipfile.importItems({ jobId, items, tags, force }) }
}

export type { ImportProgress }

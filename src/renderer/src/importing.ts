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

export async function fileToItem(file: File): Promise<ImportItem> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { kind: 'file', name: file.name, base64: btoa(binary) }
}

let jobs = 0
/** Starts an import; progress arrives through the importProgress event with this job id. */
export function startImport(items: ImportItem[], tags: string[] = []): { jobId: string; done: Promise<Result<ImportSummary>> } {
  const jobId = `ui-${Date.now().toString(36)}-${++jobs}`
  return { jobId, done: clipfile.importItems({ jobId, items, tags }) }
}

export type { ImportProgress }

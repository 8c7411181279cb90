import { useState } from 'react'
import type { ExportFormat } from '../../../shared/vocabulary'
import { clipfile } from '../bridge'
import { useToast } from '../toasts'

const LABELS: Record<ExportFormat, string> = { md: 'Markdown', json: 'Web Annotations (JSON-LD)', csv: 'CSV (spreadsheet)', html: 'Article as HTML file' }

/** Saves a file the browser way (Electron shows its save dialog for the same download). */
export function download(filename: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

interface Props {
  articleId?: number
  /** Articles chosen in a list: Markdown lists each (with its highlights, if any); CSV and JSON hold highlights only. */
  articleIds?: number[]
  tag?: string
  /** The highlights a search finds. */
  query?: string
  disabled?: boolean
  label?: string
}

/** What to say instead of saving a file with nothing in it. */
function nothingToExport(p: Props): string {
  if (p.query !== undefined) return 'This search finds no highlights, so there is nothing to export. Highlight passages in its articles first.'
  if (p.articleIds) return p.articleIds.length === 1 ? 'This article has no highlights to export.' : 'These articles have no highlights to export (Markdown lists the articles themselves).'
  return 'There are no highlights to export.'
}

/** Export of highlights (of an article, a tag, a search or a selection) in the formats that fit. */
export function ExportMenu(p: Props) {
  const [open, setOpen] = useState(false)
  const toast = useToast()
  const formats: ExportFormat[] = p.articleId ? ['md', 'json', 'csv', 'html'] : ['md', 'json', 'csv']
  const run = async (format: ExportFormat) => {
    setOpen(false)
    const r = await clipfile.exportHighlights({ format, articleId: p.articleId, articleIds: p.articleIds, tag: p.tag, query: p.query })
    if (!r.ok) return toast({ message: r.error.message, tone: 'error' })
    // A heading-only file is no use to anyone: say so instead (a Markdown list of chosen articles is still useful).
    const readingList = p.articleIds !== undefined && format === 'md'
    if (r.value.count === 0 && !readingList) return toast({ message: nothingToExport(p) })
    download(r.value.filename, r.value.mime, r.value.content)
  }
  const label = p.label ?? (p.query !== undefined ? 'Export highlights' : 'Export')
  return (
    <div className="menu-wrap">
      <button className="btn btn-small" aria-haspopup="menu" aria-expanded={open} disabled={p.disabled} onClick={() => setOpen(!open)}
        title={p.query !== undefined ? 'Export the highlights this search finds' : undefined}>{label}</button>
      {open && (
        <div className="menu" role="menu" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(false) } }}>
          {formats.map((f) => (
            <button key={f} role="menuitem" className="menu-item" onClick={() => void run(f)}>{LABELS[f]}</button>
          ))}
        </div>
      )}
    </div>
  )
}

import { useState } from 'react'
import { clipfile } from '../bridge'

type Format = 'md' | 'json' | 'csv' | 'html'
const LABELS: Record<Format, string> = { md: 'Markdown', json: 'Web Annotations (JSON-LD)', csv: 'CSV (spreadsheet)', html: 'Article as HTML file' }

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

export function ExportMenu({ articleId, tag, query, disabled }: { articleId?: number; tag?: string; query?: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const formats: Format[] = articleId ? ['md', 'json', 'csv', 'html'] : ['md', 'json', 'csv']
  const run = async (format: Format) => {
    setOpen(false)
    const r = await clipfile.exportHighlights({ format, articleId, tag, query })
    if (r.ok) download(r.value.filename, r.value.mime, r.value.content)
    else setError(r.error.message)
  }
  return (
    <div className="menu-wrap">
      <button className="btn btn-small" aria-haspopup="menu" aria-expanded={open} disabled={disabled} onClick={() => setOpen(!open)}
        title={query !== undefined ? 'Export the quotes this search finds' : undefined}>{query !== undefined ? 'Export quotes' : 'Export'}</button>
      {open && (
        <div className="menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {formats.map((f) => (
            <button key={f} role="menuitem" className="menu-item" onClick={() => void run(f)}>{LABELS[f]}</button>
          ))}
        </div>
      )}
      {error && <div className="error-text" role="alert">{error}</div>}
    </div>
  )
}

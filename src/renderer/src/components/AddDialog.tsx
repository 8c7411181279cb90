import { useEffect, useRef, useState } from 'react'
import type { ImportItem } from '../../../shared/api'
import { fileToItem, linkLines } from '../importing'
import { CloseIcon } from './icons'

type Tab = 'url' | 'file' | 'paste'

interface Props {
  onClose: () => void
  onImport: (items: ImportItem[], tags: string[]) => void
}

const ACCEPT = '.html,.htm,.xhtml,.mhtml,.mht,.txt,.json,.csv,.zip'

export function AddDialog({ onClose, onImport }: Props) {
  const [tab, setTab] = useState<Tab>('url')
  const [urls, setUrls] = useState('')
  const [html, setHtml] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const [tags, setTags] = useState('')
  const [error, setError] = useState<string | null>(null)
  const first = useRef<HTMLTextAreaElement & HTMLInputElement>(null)

  useEffect(() => {
    first.current?.focus()
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose, tab])

  const submit = async () => {
    setError(null)
    const tagList = tags.split(',').map((t) => t.trim()).filter(Boolean)
    let items: ImportItem[]
    if (tab === 'url') {
      const lines = linkLines(urls)
      if (lines.urls.length === 0) return setError('Enter at least one link starting with http:// or https://')
      // Lines that are not links go too: the summary lists each as failed, with the reason.
      items = [...lines.urls.map((url) => ({ kind: 'url', url }) as const), ...lines.invalid.map((l) => ({ kind: 'url', url: l.text }) as const)]
    } else if (tab === 'file') {
      if (files.length === 0) return setError('Choose at least one file.')
      items = await Promise.all(files.map(fileToItem))
    } else {
      const text = html.trim()
      if (!text) return setError('Paste the page’s HTML, or links, first.')
      const pasted = linkLines(text)
      items =
        pasted.urls.length > 0 && !text.includes('<')
          ? [...pasted.urls.map((url) => ({ kind: 'url', url }) as const), ...pasted.invalid.map((l) => ({ kind: 'url', url: l.text }) as const)]
          : [{ kind: 'html', html: text }]
    }
    onImport(items, tagList)
    onClose()
  }

  const lines = linkLines(urls)
  const count = tab === 'url' ? lines.urls.length + (lines.urls.length ? lines.invalid.length : 0) : tab === 'file' ? files.length : html.trim() ? 1 : 0
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="add-title">
        <div className="dialog-head">
          <h2 id="add-title">Add articles</h2>
          <button className="btn btn-ghost" onClick={onClose} aria-label="Close"><CloseIcon /></button>
        </div>
        <div className="dialog-body">
          <div className="tabs" role="tablist">
            {(['url', 'file', 'paste'] as Tab[]).map((t) => (
              <button key={t} role="tab" className="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
                {t === 'url' ? 'Links' : t === 'file' ? 'Files' : 'Paste HTML'}
              </button>
            ))}
          </div>
          {tab === 'url' && (
            <div className="field">
              <label htmlFor="add-urls">Article links</label>
              <textarea id="add-urls" ref={first} className="textarea" style={{ minHeight: 110 }} value={urls}
                onChange={(e) => setUrls(e.target.value)} placeholder={'https://www.example.com/2017/04/09/news/article.html\nOne link per line — add as many as you like.'}
                onKeyDown={(e) => (e.metaKey || e.ctrlKey) && e.key === 'Enter' && void submit()} />
              {lines.invalid.length > 0 ? (
                <div className="line-problems" role="status">
                  {lines.invalid.length === 1 ? 'One line is not a link' : `${lines.invalid.length} lines are not links`} — {lines.invalid.length === 1 ? 'it' : 'they'} will be listed as failed:
                  <ul>
                    {lines.invalid.slice(0, 4).map((l) => <li key={l.line}>line {l.line}: <code>{l.text.length > 60 ? `${l.text.slice(0, 60)}…` : l.text}</code></li>)}
                    {lines.invalid.length > 4 && <li>and {lines.invalid.length - 4} more</li>}
                  </ul>
                </div>
              ) : (
                <span className="hint">Clipfile fetches each page, keeps only the article, and stores its images so it reads offline.</span>
              )}
            </div>
          )}
          {tab === 'file' && (
            <div className="field">
              <label htmlFor="add-files">Saved pages and exports</label>
              <div className="dropzone">
                <input id="add-files" ref={first} type="file" multiple accept={ACCEPT}
                  onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
                <div className="hint" style={{ marginTop: 10 }}>
                  Web pages (.html, .mhtml), lists of links (.txt), and exports from Pocket (.html/.csv), Omnivore (.zip),
                  Wallabag (.json) and Instapaper (.csv) — tags, dates and highlights come along.
                </div>
              </div>
            </div>
          )}
          {tab === 'paste' && (
            <div className="field">
              <label htmlFor="add-html">Page HTML or links</label>
              <textarea id="add-html" ref={first} className="textarea" value={html} onChange={(e) => setHtml(e.target.value)}
                placeholder="Paste a page’s source (View Source → select all → copy), or links." />
            </div>
          )}
          <div className="field">
            <label htmlFor="add-tags">Tags <span className="hint">(optional, comma-separated)</span></label>
            <input id="add-tags" className="input" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="Syria, Tillerson" />
          </div>
          {error && <div className="error-text" role="alert">{error}</div>}
          <div className="dialog-actions">
            <span className="hint" style={{ color: 'var(--ink-3)', fontSize: 12.5 }}>
              Tip: drop files or links anywhere in the window.
            </span>
            <div style={{ display: 'flex', gap: 8 }}>
              <button className="btn" onClick={onClose}>Cancel</button>
              <button className="btn btn-primary" onClick={() => void submit()} disabled={count === 0}>
                {count > 1 ? `Add ${count} items` : 'Add to archive'}
              </button>
            </div>
          </div>
        </div>
      </div>
    </div>
  )
}

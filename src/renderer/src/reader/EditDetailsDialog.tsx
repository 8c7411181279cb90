import { useEffect, useRef, useState } from 'react'
import type { Article, CorrectableField } from '../../../shared/api'
import { clipfile } from '../bridge'
import { formatDate } from '../hooks'
import { CloseIcon } from '../components/icons'

interface Props {
  article: Article
  onClose: () => void
  onSaved: () => void
}

const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '')

/**
 * Corrects an article's title, authors, outlet and published date. A correction is kept apart
 * from what the page says, so it survives re-import and re-extraction; each corrected field
 * can be put back to the page's value.
 */
export function EditDetailsDialog({ article: a, onClose, onSaved }: Props) {
  const [title, setTitle] = useState(a.title)
  const [authors, setAuthors] = useState(a.authors.join('\n'))
  const [site, setSite] = useState(a.site ?? '')
  const [published, setPublished] = useState(day(a.publishedAt))
  const [noDate, setNoDate] = useState(a.publishedAt === null)
  const [reset, setReset] = useState<CorrectableField[]>([])
  const [error, setError] = useState<string | null>(null)
  const first = useRef<HTMLInputElement>(null)
  const page = a.extracted

  useEffect(() => {
    first.current?.focus()
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  const names = authors.split(/\n|;/).map((n) => n.trim()).filter(Boolean)
  const publishedValue = noDate ? null : published || null
  const changed = {
    title: title.trim() !== a.title,
    authors: names.join('\n') !== a.authors.join('\n'),
    site: site.trim() !== (a.site ?? ''),
    publishedAt: publishedValue !== (a.publishedAt ? day(a.publishedAt) : null)
  }

  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    if (!title.trim()) return setError('A title cannot be empty.')
    if (!site.trim()) return setError('An outlet cannot be empty.')
    if (!noDate && published && !/^\d{4}-\d{2}-\d{2}$/.test(published)) return setError('The date is year-month-day, as 2024-03-11.')
    const r = await clipfile.editArticle({
      id: a.id,
      ...(changed.title && !reset.includes('title') ? { title: title.trim() } : {}),
      ...(changed.authors && !reset.includes('authors') ? { authors: names } : {}),
      ...(changed.site && !reset.includes('site') ? { site: site.trim() } : {}),
      ...(changed.publishedAt && !reset.includes('publishedAt') ? { publishedAt: publishedValue } : {}),
      reset
    })
    if (!r.ok) return setError(r.error.message)
    onSaved()
    onClose()
  }

  /** "The page says …" with a way back to it, for a corrected field. */
  const pageValue = (field: CorrectableField, shown: string) =>
    page && a.corrected.includes(field) ? (
      <span className="hint">
        The page says: <b>{shown || 'nothing'}</b>.{' '}
        <label className="inline-check">
          <input type="checkbox" checked={reset.includes(field)} onChange={(e) => setReset((r) => (e.target.checked ? [...r, field] : r.filter((f) => f !== field)))} />
          Use the page’s value
        </label>
      </span>
    ) : null

  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="edit-title" onSubmit={(e) => void save(e)} dir="ltr">
        <div className="dialog-head">
          <h2 id="edit-title">Edit details</h2>
          <button type="button" className="btn btn-ghost" onClick={onClose} aria-label="Close"><CloseIcon /></button>
        </div>
        <div className="dialog-body">
          <p className="hint">Corrections are kept when the article is imported or re-extracted again.</p>
          <div className="field">
            <label htmlFor="ed-title">Title</label>
            <input id="ed-title" ref={first} className="input" value={title} onChange={(e) => setTitle(e.target.value)} dir="auto" />
            {pageValue('title', page?.title ?? '')}
          </div>
          <div className="field">
            <label htmlFor="ed-authors">Authors</label>
            <textarea id="ed-authors" className="input" rows={Math.max(2, names.length + 1)} value={authors} onChange={(e) => setAuthors(e.target.value)} dir="auto" />
            <span className="hint">One person per line. A news agency is not an author{a.agency ? ` (this is ${a.agency} copy)` : ''}.</span>
            {pageValue('authors', page?.authors.join(', ') ?? '')}
          </div>
          <div className="field">
            <label htmlFor="ed-site">Outlet</label>
            <input id="ed-site" className="input" value={site} onChange={(e) => setSite(e.target.value)} dir="auto" />
            {pageValue('site', page?.site ?? '')}
          </div>
          <div className="field">
            <label htmlFor="ed-date">Published</label>
            <div className="date-row">
              <input id="ed-date" className="input" type="date" value={published} disabled={noDate} onChange={(e) => setPublished(e.target.value)} />
              <label className="inline-check"><input type="checkbox" checked={noDate} onChange={(e) => setNoDate(e.target.checked)} /> No published date</label>
            </div>
            <span className="hint">Saved {formatDate(a.savedAt, 'long')}.</span>
            {pageValue('publishedAt', page?.publishedAt ? formatDate(page.publishedAt, 'long') : '')}
          </div>
          {error && <p className="error-text" role="alert">{error}</p>}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>Cancel</button>
            <button type="submit" className="btn btn-primary">Save</button>
          </div>
        </div>
      </form>
    </div>
  )
}

import { useState } from 'react'
import type { TagCount } from '../../../shared/api'
import { clipfile } from '../bridge'
import { routeHref } from '../route'

/** The tag manager: counts, rename, and merge (renaming onto an existing tag merges them). */
export function TagsView({ tags, onChanged }: { tags: TagCount[]; onChanged: () => void }) {
  const [editing, setEditing] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const save = async (from: string) => {
    const to = draft.trim()
    setEditing(null)
    if (!to || to === from) return
    const existing = tags.find((t) => t.name.toLowerCase() === to.toLowerCase() && t.name !== from)
    if (existing && !window.confirm(`“${existing.name}” exists already. Merge “${from}” into it?`)) return
    const r = await clipfile.renameTag({ from, to })
    setMessage(r.ok ? (r.value.merged ? `Merged “${from}” into “${r.value.name}”` : `Renamed to “${r.value.name}”`) : r.error.message)
    onChanged()
  }
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-title">Tags</h1>
          <div className="page-sub">Rename a tag to fix it everywhere; rename it to an existing tag to merge the two.</div>
        </div>
      </div>
      {message && <div className="banner" role="status">{message}</div>}
      {tags.length === 0 && <div className="empty"><h2>No tags yet</h2><p>Tag articles in the reader, or highlights from the highlight toolbar.</p></div>}
      {tags.length > 0 && (
        <table className="tag-table">
          <thead><tr><th>Tag</th><th>Articles</th><th>Highlights</th><th /></tr></thead>
          <tbody>
            {tags.map((t) => (
              <tr key={t.name}>
                <td>
                  {editing === t.name ? (
                    <input className="input" aria-label={`New name for ${t.name}`} autoFocus value={draft} onChange={(e) => setDraft(e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') void save(t.name)
                        if (e.key === 'Escape') setEditing(null)
                      }} onBlur={() => void save(t.name)} />
                  ) : (
                    <span className="tag">{t.name}</span>
                  )}
                </td>
                <td><a href={routeHref({ view: 'library', list: 'all', tag: t.name })}>{t.articles}</a></td>
                <td><a href={routeHref({ view: 'highlights', tag: t.name })}>{t.highlights}</a></td>
                <td style={{ textAlign: 'right' }}>
                  <button className="btn btn-small" onClick={() => { setEditing(t.name); setDraft(t.name) }} aria-label={`Rename ${t.name}`}>Rename</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

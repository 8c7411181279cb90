/**
 * The bar over a list: a box to select everything, and once something is selected, what can
 * be done to it — archive or move to the inbox, star, tag, export, delete (with Undo).
 */
import { useState } from 'react'
import type { ArticleStateRow } from '../../../shared/types'
import type { ArticleState } from '../../../shared/vocabulary'
import { clipfile } from '../bridge'
import { ExportMenu } from '../components/ExportMenu'
import { TagInput } from '../components/TagInput'
import { ArchiveIcon, CloseIcon, InboxIcon, StarIcon, TagIcon, TrashIcon } from '../components/icons'
import { useToast } from '../toasts'

interface Props {
  count: number
  total: number
  selected: ArticleStateRow[]
  listState?: ArticleState
  tagSuggestions: string[]
  onSelectAll?: () => Promise<void>
  onClear: () => void
  onArchiveOrMove: (to: ArticleState) => void
  onStar: () => void
  onDelete: () => void
}

export function BulkBar({ count, total, selected, listState, tagSuggestions, onSelectAll, onClear, onArchiveOrMove, onStar, onDelete }: Props) {
  const [tagging, setTagging] = useState(false)
  const [busy, setBusy] = useState(false)
  const all = total > 0 && count >= total
  if (total === 0) return null
  const showArchive = listState !== 'archive' && selected.some((s) => s.state !== 'archive')
  const showInbox = listState !== 'inbox' && selected.some((s) => s.state !== 'inbox')
  const allStarred = selected.length > 0 && selected.every((s) => s.starred)
  const toggleAll = async () => {
    if (count > 0) return onClear()
    if (!onSelectAll) return
    setBusy(true)
    await onSelectAll()
    setBusy(false)
  }
  return (
    <div className={`bulk-bar${count > 0 ? ' is-active' : ''}`} role="toolbar" aria-label="Selected articles">
      {onSelectAll && (
        // Ticked at once while everything is being fetched (select all waits for the list's ids).
        <input type="checkbox" className="row-check" aria-label={count > 0 ? 'Clear the selection' : 'Select all'} checked={all || busy} disabled={busy}
          ref={(el) => {
            if (el) el.indeterminate = count > 0 && !all
          }}
          onChange={() => void toggleAll()} />
      )}
      {count === 0 ? (
        <span className="bulk-hint">
          Select with <span className="kbd">X</span> or the boxes, <span className="kbd">Shift</span>+click for a range · <span className="kbd">?</span> shortcuts
        </span>
      ) : (
        <>
          <span className="bulk-count" role="status">{count.toLocaleString()} selected</span>
          <div className="bulk-actions">
            {showArchive && (
              <button className="btn btn-small" onClick={() => onArchiveOrMove('archive')} aria-keyshortcuts="e"><ArchiveIcon /> Archive</button>
            )}
            {showInbox && (
              <button className="btn btn-small" onClick={() => onArchiveOrMove('inbox')} aria-keyshortcuts="e"><InboxIcon /> Move to inbox</button>
            )}
            <button className="btn btn-small" onClick={onStar} aria-keyshortcuts="s" aria-label={allStarred ? 'Unstar' : 'Star'}>
              <StarIcon filled={allStarred} /> {allStarred ? 'Unstar' : 'Star'}
            </button>
            <div className="menu-wrap">
              <button className="btn btn-small" aria-expanded={tagging} onClick={() => setTagging(!tagging)}><TagIcon /> Tag</button>
              {tagging && <TagForm ids={selected.map((s) => s.id)} suggestions={tagSuggestions} onDone={() => setTagging(false)} />}
            </div>
            <ExportMenu articleIds={selected.map((s) => s.id)} label="Export" />
            <button className="btn btn-small btn-danger" onClick={onDelete} aria-keyshortcuts="#"><TrashIcon /> Delete</button>
          </div>
          <button className="btn btn-ghost btn-small" onClick={onClear} aria-label="Clear the selection" title="Clear the selection (Esc)"><CloseIcon /></button>
        </>
      )}
    </div>
  )
}

function TagForm({ ids, suggestions, onDone }: { ids: number[]; suggestions: string[]; onDone: () => void }) {
  const [tags, setTags] = useState<string[]>([])
  const toast = useToast()
  const apply = async () => {
    if (tags.length === 0) return onDone()
    const r = await clipfile.addArticleTags({ ids, tags })
    toast(r.ok ? { message: `Tagged ${r.value.updated.toLocaleString()} ${r.value.updated === 1 ? 'article' : 'articles'} “${tags.join('”, “')}”` } : { message: r.error.message, tone: 'error' })
    onDone()
  }
  return (
    <form className="menu tag-form" onSubmit={(e) => { e.preventDefault(); void apply() }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onDone() } }}>
      <label className="hint">Add tags to {ids.length.toLocaleString()} {ids.length === 1 ? 'article' : 'articles'}</label>
      <TagInput label="Tags to add" tags={tags} suggestions={suggestions} onChange={setTags} autoFocus onEscape={onDone} />
      <div className="tag-form-actions">
        <button type="button" className="btn btn-small" onClick={onDone}>Cancel</button>
        <button type="submit" className="btn btn-small btn-primary">Add tags</button>
      </div>
    </form>
  )
}

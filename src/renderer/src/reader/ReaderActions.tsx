/**
 * The bar over an article: back to the list, where the article is in the workflow (Archive /
 * Move to inbox, Star, Delete), and the side panel's toggle. Other controls of the article
 * (its details, its versions) join the same row; it wraps in a narrow window.
 */
import type { ReactNode } from 'react'
import type { ReadingState } from '../../../shared/types'
import { ArchiveIcon, ArrowLeftIcon, InboxIcon, PanelIcon, StarIcon, TrashIcon } from '../components/icons'

interface Props {
  reading: Pick<ReadingState, 'state' | 'starred'>
  backLabel: string
  panelOpen: boolean
  onBack: () => void
  onArchive: () => void
  onStar: () => void
  onDelete: () => void
  onPanel: () => void
  /** More controls, placed before the panel toggle. */
  children?: ReactNode
}

export function ReaderActions({ reading, backLabel, panelOpen, onBack, onArchive, onStar, onDelete, onPanel, children }: Props) {
  return (
    <div className="reader-actions" role="toolbar" aria-label="Article">
      <button className="btn btn-ghost btn-small back-btn" onClick={onBack} title={`Back to ${backLabel} (U)`} aria-keyshortcuts="u">
        <ArrowLeftIcon /> Back
      </button>
      <span className="reader-actions-gap" />
      {reading.state === 'inbox' ? (
        <button className="btn btn-small" onClick={onArchive} aria-keyshortcuts="e" title="Archive (E)"><ArchiveIcon /> Archive</button>
      ) : (
        <button className="btn btn-small" onClick={onArchive} aria-keyshortcuts="e" title="Move to inbox (E)"><InboxIcon /> Move to inbox</button>
      )}
      <button className={`btn btn-small star-toggle${reading.starred ? ' is-on' : ''}`} onClick={onStar} aria-pressed={reading.starred} aria-keyshortcuts="s"
        title={reading.starred ? 'Starred — click to unstar (S)' : 'Star (S)'}>
        <StarIcon filled={reading.starred} /> Star
      </button>
      <button className="btn btn-small btn-danger-quiet" onClick={onDelete} title="Delete (with Undo)"><TrashIcon /> Delete</button>
      {children}
      <button className={`btn btn-small btn-icon${panelOpen ? ' is-on' : ''}`} onClick={onPanel} aria-expanded={panelOpen} aria-controls="side-panel"
        aria-label={panelOpen ? 'Hide the side panel' : 'Show the side panel'} title={panelOpen ? 'Hide highlights and quotes' : 'Show highlights and quotes'}>
        <PanelIcon />
      </button>
    </div>
  )
}

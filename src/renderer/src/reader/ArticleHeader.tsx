import { useState } from 'react'
import { createPortal } from 'react-dom'
import type { Article } from '../../../shared/api'
import { clipfile } from '../bridge'
import { formatDate } from '../hooks'
import { EditIcon, ImageOffIcon, LinkIcon } from '../components/icons'
import { EditDetailsDialog } from './EditDetailsDialog'

interface Props {
  article: Article
  /** Controls shown at the top right, if any (text size and theme are app-wide settings now). */
  controls?: React.ReactNode
  /** The article's versions (how many, reading an earlier one), at the end of the details line. */
  versions?: React.ReactNode
  onMessage: (message: string) => void
}

/**
 * The article's header: outlet and agency, headline, every author, the published date (or,
 * when the page has none, the date it was saved, labelled as such), images that could not be
 * saved, and the way to correct any of it.
 */
export function ArticleHeader({ article: a, controls, versions, onMessage }: Props) {
  const [editing, setEditing] = useState(false)
  const [retrying, setRetrying] = useState(false)
  const corrected = (field: Article['corrected'][number]) => a.corrected.includes(field)
  const mark = (field: Article['corrected'][number]) =>
    corrected(field) ? <span className="corrected-mark" title="You corrected this; the page says otherwise (Edit details shows both)">edited</span> : null

  const retry = async () => {
    setRetrying(true)
    const r = await clipfile.retryImages({ id: a.id })
    setRetrying(false)
    if (!r.ok) return onMessage(r.error.message)
    const s = r.value
    onMessage(s.offline ? 'Offline: no image could be fetched. Clipfile tries again when it is online.' : s.missing ? `${s.saved} saved, ${s.missing} still not available` : `${s.saved} images saved`)
  }

  return (
    <header className="reader-header" dir={a.dir} lang={a.language ?? undefined}>
      <div className="reader-top">
        <div className="reader-kicker">
          <bdi>{a.site ?? hostOf(a.url)}</bdi> {mark('site')}
          {a.agency && <span className="agency" dir="ltr" title="Wire copy: the story comes from a news agency">{a.agency}</span>}
        </div>
        {controls && <div dir="ltr">{controls}</div>}
      </div>
      <h1 className="reader-title" id="article-title"><bdi>{a.title}</bdi> {mark('title')}</h1>
      {/* Clipfile's own words stay left to right inside a right-to-left header; names keep their own direction. */}
      <div className="reader-meta">
        {a.authors.length > 0 && <span dir="ltr">By <b>{a.authors.map((n, i) => <span key={i}>{i > 0 && (i === a.authors.length - 1 ? ' and ' : ', ')}<bdi>{n}</bdi></span>)}</b> {mark('authors')}</span>}
        {a.publishedAt ? (
          <span dir="ltr"><time dateTime={a.publishedAt}>{formatDate(a.publishedAt, 'long')}</time> {mark('publishedAt')}</span>
        ) : (
          <span dir="ltr" className="saved-date" title="The page shows no publication date">Saved {formatDate(a.savedAt, 'long')} · no published date {mark('publishedAt')}</span>
        )}
        <span dir="ltr">{a.wordCount.toLocaleString()} words</span>
        <a href={a.url} target="_blank" rel="noopener noreferrer" className="inline-link" dir="ltr">Original <LinkIcon /></a>
        <button className="btn btn-ghost btn-small" dir="ltr" onClick={() => setEditing(true)}><EditIcon /> Edit details</button>
        {versions && <span dir="ltr">{versions}</span>}
      </div>
      {a.imagesMissing > 0 && (
        <div className="images-missing-bar" role="status">
          <ImageOffIcon />
          <span>{a.imagesMissing === 1 ? '1 image could not be saved; it is shown as a placeholder below.' : `${a.imagesMissing} images could not be saved; they are shown as placeholders below.`}</span>
          <button className="btn btn-small" onClick={() => void retry()} disabled={retrying}>{retrying ? 'Fetching…' : 'Try again now'}</button>
        </div>
      )}
      {/* Outside the reader's column, so the form keeps the app's type, not the article's. */}
      {editing && createPortal(<EditDetailsDialog article={a} onClose={() => setEditing(false)} onSaved={() => onMessage('Details saved; they stay when the article is imported again')} />, document.body)}
    </header>
  )
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return ''
  }
}

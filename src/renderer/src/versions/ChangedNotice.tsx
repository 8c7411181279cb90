import type { Article, Highlight } from '../../../shared/api'
import { routeHref } from '../route'
import { dateTime } from './labels'

/** Above a changed article: that it changed, when, and how many of the reader's highlights it touched. */
export function ChangedNotice({ article: a, highlights }: { article: Article; highlights: readonly Highlight[] }) {
  const touched = highlights.filter((h) => h.changedIn !== null).length
  if (a.versions < 2 && touched === 0) return null
  return (
    <div className={`reader-notice${touched ? ' is-warning' : ''}`} role="note">
      <span>
        {a.changedAt ? <>Updated {dateTime(a.changedAt)} · version {a.version} of {a.versions}</> : <>Version {a.version} of {a.versions}</>}
        {touched > 0 && <> · <b>{touched} of your highlights changed</b> after you made {touched === 1 ? 'it' : 'them'}</>}
      </span>
      {a.versions > 1 && (
        <span className="actions">
          <a className="btn btn-small" href={routeHref({ view: 'diff', id: a.id })}>Show what changed</a>
        </span>
      )}
    </div>
  )
}

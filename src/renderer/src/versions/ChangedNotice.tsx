import type { Article, FollowState, Highlight } from '../../../shared/api'
import { clipfile } from '../bridge'
import { useApi, useEvent } from '../hooks'
import { routeHref } from '../route'
import { dateTime } from './labels'

/**
 * Above an article that changed, or whose page is gone: that it changed, when, how many of the
 * reader's highlights the change touched; that the site no longer has it and this copy is kept.
 */
export function ChangedNotice({ article: a, highlights }: { article: Article; highlights: readonly Highlight[] }) {
  const follow = useApi<FollowState>(() => clipfile.getFollow({ articleId: a.id }), [a.id])
  useEvent('libraryChanged', (e) => e.articleId === a.id && follow.reload())
  const touched = highlights.filter((h) => h.changedIn !== null).length
  const gone = follow.data?.articleId === a.id ? follow.data.gone : null
  return (
    <>
      {gone && (
        <div className="reader-notice is-warning" role="note">
          <span>
            The page is gone from the site (HTTP {gone.status} since {dateTime(gone.since)}). Clipfile’s copy is kept as it was.
          </span>
        </div>
      )}
      {(a.versions > 1 || touched > 0) && (
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
      )}
    </>
  )
}

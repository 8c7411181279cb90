import type { ChangeList, FollowSettings } from '../../../shared/api'
import { FOLLOW_NEW_FOR, type FollowNewFor } from '../../../shared/vocabulary'
import { describeSummary } from '../../../shared/changes'
import { clipfile } from '../bridge'
import { useApi, useEvent } from '../hooks'
import { routeHref } from '../route'
import { HOW_LABEL, dateTime, relative } from '../versions/labels'
import '../versions/versions.css'

const FOLLOW_LABEL: Record<FollowNewFor, string> = { off: 'not at all', week: 'for a week', month: 'for a month', year: 'for a year' }

/** Recently changed articles, newest change first, each with what changed. */
export function ChangesView() {
  const list = useApi<ChangeList>(() => clipfile.listChanges({ limit: 200 }), [])
  const settings = useApi<FollowSettings>(() => clipfile.getFollowSettings({}), [])
  useEvent('libraryChanged', (e) => e.reason !== 'highlights' && list.reload())
  const data = list.data
  const setFollowNew = async (followNewFor: FollowNewFor) => {
    await clipfile.setFollowSettings({ followNewFor })
    settings.reload()
  }
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-title">Changes</h1>
          <div className="page-sub">
            Articles that changed after you saved them{data ? ` · ${data.total.toLocaleString()} ${data.total === 1 ? 'article' : 'articles'}` : ''}
          </div>
        </div>
        {settings.data && (
          <label className="settings-inline">
            Follow new saves
            <select className="select" value={settings.data.followNewFor} onChange={(e) => void setFollowNew(e.target.value as FollowNewFor)} aria-label="Follow new saves">
              {FOLLOW_NEW_FOR.map((f) => <option key={f} value={f}>{FOLLOW_LABEL[f]}</option>)}
            </select>
          </label>
        )}
      </div>
      {list.error && <div className="banner" role="alert">{list.error}</div>}
      {data && data.total === 0 && (
        <div className="empty">
          <h2>No changes yet</h2>
          <p>
            Articles you save from the web are followed for a week: Clipfile checks them often at first, then less.
            When one changes — a headline rewritten, a quote corrected, a paragraph added — it appears here with what changed.
            Follow any article for a year from its <b>Versions</b> button.
          </p>
        </div>
      )}
      <ul className="change-list" aria-label="Changed articles">
        {data?.items.map((c) => (
          <li key={c.article.id} className="change-row">
            <div className="row-kicker">
              {c.article.site && <span className="row-site">{c.article.site}</span>}
              {c.article.byline && <span>· {c.article.byline}</span>}
            </div>
            <a className="row-title" href={routeHref({ view: 'article', id: c.article.id })}>{c.article.title}</a>
            <div className="change-summary">{c.summary ? describeSummary(c.summary) : 'Changed'}</div>
            {c.summary && c.summary.quotes.length > 0 && (
              <ul className="change-quotes">
                {c.summary.quotes.slice(0, 3).map((q, k) => (
                  <li key={k}>
                    {q.kind === 'changed' ? (<><del className="d-del">“{q.before}”</del> → <ins className="d-ins">“{q.after}”</ins></>)
                      : q.kind === 'added' ? (<>added <ins className="d-ins">“{q.after}”</ins></>) : (<>removed <del className="d-del">“{q.before}”</del></>)}
                  </li>
                ))}
              </ul>
            )}
            <div className="change-side">
              <span title={dateTime(c.changedAt)}>changed {relative(c.changedAt)}</span>
              <span>version {c.version} of {c.of} · {HOW_LABEL[c.how]}</span>
              <a className="btn btn-small" href={routeHref({ view: 'diff', id: c.article.id, from: c.version - 1, to: c.version })}>Show changes</a>
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}

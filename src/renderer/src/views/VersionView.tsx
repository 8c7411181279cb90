import { useMemo } from 'react'
import type { ArticleVersion } from '../../../shared/api'
import { clipfile } from '../bridge'
import { formatDate, useApi } from '../hooks'
import { routeHref } from '../route'
import { Reader } from '../reader/Reader'
import { ArrowLeftIcon } from '../components/icons'
import { VersionsControl } from '../versions/VersionsControl'
import { HOW_LABEL, dateTime } from '../versions/labels'
import '../versions/versions.css'

/** An earlier version of an article, read as it was (highlights live on the latest version). */
export function VersionView({ id, number }: { id: number; number: number }) {
  const version = useApi<ArticleVersion>(() => clipfile.getVersion({ articleId: id, number }), [id, number])
  const v = version.data?.articleId === id && version.data.number === number ? version.data : null
  const plugins = useMemo(() => [], [])
  if (version.error && !version.loading) {
    return (
      <div className="page">
        <div className="banner" role="alert">{version.error}</div>
        <a className="btn" href={routeHref({ view: 'article', id })}><ArrowLeftIcon /> Back to the article</a>
      </div>
    )
  }
  if (!v) return <div className="page" aria-busy="true" />
  const latest = v.number === v.of
  return (
    <div className="reader-wrap">
      <article className="reader" aria-labelledby="article-title">
        <div className="reader-top">
          <div className="reader-kicker">{v.site ?? ''}</div>
        </div>
        <h1 className="reader-title" id="article-title">{v.title}</h1>
        <div className="reader-meta">
          {v.byline && <span>By <b>{v.byline}</b></span>}
          {v.publishedAt && <time dateTime={v.publishedAt}>{formatDate(v.publishedAt, 'long')}</time>}
          <span>{v.words.toLocaleString()} words</span>
          <VersionsControl articleId={id} versions={v.of} shown={v.number} />
        </div>
        <div className={`reader-notice${latest ? '' : ' is-warning'}`} role="note">
          <span>
            {latest ? 'This is the latest version' : `You are reading version ${v.number} of ${v.of}`}, {HOW_LABEL[v.how]} on {dateTime(v.createdAt)}.
            {!latest && ' Highlights are kept on the latest version.'}
          </span>
          <span className="actions">
            {v.number > 1 && <a className="btn btn-small" href={routeHref({ view: 'diff', id, from: v.number - 1, to: v.number })}>What changed in it</a>}
            {!latest && <a className="btn btn-small" href={routeHref({ view: 'diff', id, from: v.number, to: v.of })}>Compare with the latest</a>}
            <a className="btn btn-small btn-primary" href={routeHref({ view: 'article', id })}>Read the latest</a>
          </span>
        </div>
        <Reader doc={v.doc} plugins={plugins} />
      </article>
    </div>
  )
}

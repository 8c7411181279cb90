import type { Article } from '../../../shared/api'
import { clipfile } from '../bridge'
import { formatDate, useApi, useEvent } from '../hooks'
import { Reader } from '../reader/Reader'
import { ArrowLeftIcon, LinkIcon } from '../components/icons'

export function ArticleView({ id }: { id: number }) {
  const article = useApi<Article>(() => clipfile.getArticle({ id }), [id])
  useEvent('libraryChanged', () => article.reload())
  const a = article.data?.id === id ? article.data : null
  if (article.error && !a) {
    return (
      <div className="page">
        <div className="banner" role="alert">{article.error}</div>
        <a className="btn" href="#/"><ArrowLeftIcon /> Back to the library</a>
      </div>
    )
  }
  if (!a) return <div className="page" aria-busy="true" />
  return (
    <div className="reader-wrap">
      <article className="reader" aria-labelledby="article-title">
        <div className="reader-kicker">{a.site ?? hostOf(a.url)}</div>
        <h1 className="reader-title" id="article-title">{a.title}</h1>
        <div className="reader-meta">
          {a.byline && <span>By <b>{a.byline}</b></span>}
          {a.publishedAt && <time dateTime={a.publishedAt}>{formatDate(a.publishedAt, 'long')}</time>}
          <span>{a.wordCount.toLocaleString()} words</span>
          <a href={a.url} target="_blank" rel="noopener noreferrer" style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
            Original <LinkIcon />
          </a>
          {a.tags.map((t) => (
            <span className="tag" key={t}>{t}</span>
          ))}
        </div>
        <Reader doc={a.doc} />
      </article>
    </div>
  )
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return ''
  }
}

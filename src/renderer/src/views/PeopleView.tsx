import { useState } from 'react'
import type { Speaker, SpeakerQuote } from '../../../shared/api'
import { clipfile } from '../bridge'
import { formatDate, useApi, useEvent } from '../hooks'
import { go, routeHref } from '../route'
import { download } from '../components/ExportMenu'
import { speakerCertainty } from '../reader/speaker-certainty'

/** Who is quoted across the archive, and what each of them said. */
export function PeopleView({ name }: { name?: string }) {
  const people = useApi<Speaker[]>(() => clipfile.listSpeakers({}), [])
  useEvent('libraryChanged', () => people.reload())
  const [filter, setFilter] = useState('')
  const list = (people.data ?? []).filter((p) => !filter || p.aliases.some((a) => a.toLowerCase().includes(filter.toLowerCase())))
  return (
    <div className="people-page">
      <section className="people-list" aria-label="People">
        <div className="page-head" style={{ marginBottom: 8 }}>
          <div>
            <h1 className="page-title">People</h1>
            <div className="page-sub">{people.data ? `${people.data.length} quoted in your archive` : ''}</div>
          </div>
        </div>
        <input className="input" type="search" aria-label="Find a person" placeholder="Find a person or organisation" value={filter} onChange={(e) => setFilter(e.target.value)} />
        {people.data && people.data.length === 0 && <p className="hl-empty">Nobody quoted yet. Clipfile finds quotations and their speakers when you save articles.</p>}
        <ol className="speakers">
          {list.map((p) => (
            <li key={p.key}>
              <a className={`speaker-row${name && p.aliases.includes(name) ? ' is-on' : ''}`} href={routeHref({ view: 'people', name: p.name })}
                aria-current={name && p.aliases.includes(name) ? 'page' : undefined}>
                <span className="speaker-name">{p.name}</span>
                <span className="nav-count" title={`${p.quotes} quotes in ${p.articles} articles`}>{p.quotes}</span>
                {p.aliases.length > 1 && <span className="speaker-aliases">also {p.aliases.filter((a) => a !== p.name).join(', ')}</span>}
              </a>
            </li>
          ))}
        </ol>
      </section>
      {name ? <SpeakerQuotes name={name} people={people.data ?? []} /> : <div className="people-hint"><p>Choose someone to see everything they have been quoted as saying, with the source of each quote.</p></div>}
    </div>
  )
}

function SpeakerQuotes({ name, people }: { name: string; people: Speaker[] }) {
  const said = useApi(() => clipfile.speakerQuotes({ name }), [name])
  const [mergeInto, setMergeInto] = useState('')
  const [msg, setMsg] = useState<string | null>(null)
  const exportAs = async (format: 'md' | 'csv') => {
    const r = await clipfile.exportSpeakerQuotes({ name, format })
    if (r.ok) download(r.value.filename, r.value.mime, r.value.content)
    else setMsg(r.error.message)
  }
  const merge = async () => {
    if (!mergeInto) return
    const r = await clipfile.mergeSpeakers({ from: name, into: mergeInto })
    if (!r.ok) return setMsg(r.error.message)
    go({ view: 'people', name: mergeInto })
  }
  return (
    <section className="speaker-quotes" aria-label={`Quotes by ${name}`}>
      <div className="page-head">
        <div>
          <h2 className="page-title">{name}</h2>
          <div className="page-sub">{said.data ? `${said.data.total} ${said.data.total === 1 ? 'quote' : 'quotes'}` : ''}</div>
        </div>
        <div className="toolbar">
          <button className="btn btn-small" onClick={() => void exportAs('md')}>Export Markdown</button>
          <button className="btn btn-small" onClick={() => void exportAs('csv')}>CSV</button>
          <a className="btn btn-small" href={routeHref({ view: 'search', q: `speaker:${/\s/.test(name) ? `"${name}"` : name}` })}>Search</a>
        </div>
      </div>
      <div className="merge-row">
        <label htmlFor="merge-into">Same person as</label>
        <select id="merge-into" className="select" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
          <option value="">choose…</option>
          {people.filter((p) => !p.aliases.includes(name)).map((p) => <option key={p.key} value={p.name}>{p.name}</option>)}
        </select>
        <button className="btn btn-small" disabled={!mergeInto} onClick={() => void merge()}>Merge</button>
        {msg && <span className="error-text">{msg}</span>}
      </div>
      <ol className="quotes" aria-label="Quotes">
        {said.data?.items.map((q) => (
          <li key={q.id} className="quote-card">
            <span className="hl-bar hl-bar-yellow" aria-hidden="true" />
            <blockquote className="quote-text">{q.text.replace(/[,\s]+$/, '')}</blockquote>
            <div className="quote-cite">
              <a href={routeHref({ view: 'article', id: q.articleId })}><b>{q.article.title}</b></a>
              <Attribution q={q} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** Who said it (as a question when Clipfile is unsure, with why), where and when. */
function Attribution({ q }: { q: SpeakerQuote }) {
  const sure = q.speaker ? speakerCertainty(q.speaker, q.confidence, q.corrected) : null
  return (
    <>
      <span>{[sure?.label, q.article.site, formatDate(q.article.publishedAt, 'long')].filter(Boolean).join(' · ')}</span>
      {sure?.reason && <span className="hint">Speaker uncertain: {sure.reason}.</span>}
    </>
  )
}

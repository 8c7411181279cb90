import { useState } from 'react'
import type { Speaker, SpeakerQuote } from '../../../shared/api'
import { clipfile } from '../bridge'
import { formatDate, useApi, useEvent } from '../hooks'
import { go, routeHref } from '../route'
import { download } from '../components/ExportMenu'
import { speakerCertainty } from '../reader/speaker-certainty'
import { PersonPicker } from '../components/PersonPicker'

/** Who is quoted across the archive, and what each of them said. */
export function PeopleView({ name }: { name?: string }) {
  const people = useApi<Speaker[]>(() => clipfile.listSpeakers({}), [])
  useEvent('libraryChanged', (e) => e.reason !== 'progress' && e.reason !== 'state' && people.reload())
  const [filter, setFilter] = useState('')
  const list = (people.data ?? []).filter((p) => !filter || p.aliases.some((a) => a.toLowerCase().includes(filter.toLowerCase())))
  return (
    <div className="people-page">
      <section className="people-list" aria-label="People">
        <div className="page-head" style={{ marginBottom: 8 }}>
          <div>
            <h1 className="page-title">People</h1>
            <div className="page-sub">{people.data ? `Who said what: ${people.data.length.toLocaleString()} quoted in your archive` : '\u00a0'}</div>
          </div>
        </div>
        {people.data && people.data.length > 0 && (
          <input className="input" type="search" aria-label="Find a person" placeholder="Find a person or organisation" value={filter} onChange={(e) => setFilter(e.target.value)} />
        )}
        {people.data && people.data.length > 0 && list.length === 0 && <p className="hl-empty">Nobody by that name.</p>}
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
      {name ? (
        <SpeakerQuotes name={name} people={people.data ?? []} />
      ) : people.data && people.data.length === 0 ? (
        <div className="people-hint">
          <section className="empty" aria-label="Nobody quoted yet">
            <h2>Nobody quoted yet</h2>
            <p>
              When you save an article, Clipfile finds its quotations and who said them. Everyone quoted across your archive is
              listed here, with everything they said and where.
            </p>
          </section>
        </div>
      ) : (
        <div className="people-hint">
          <p>Choose someone to see everything they have been quoted as saying, where, and when — with the source of each quote.</p>
        </div>
      )}
    </div>
  )
}

function SpeakerQuotes({ name, people }: { name: string; people: Speaker[] }) {
  const said = useApi(() => clipfile.speakerQuotes({ name }), [name])
  const [mergeInto, setMergeInto] = useState('')
  const others = people.filter((p) => !p.aliases.includes(name))
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
          <div className="page-sub">{said.data ? `${said.data.total} ${said.data.total === 1 ? 'quote' : 'quotes'}${span(said.data.first, said.data.last)}` : '\u00a0'}</div>
        </div>
        <div className="toolbar">
          <button className="btn btn-small" onClick={() => void exportAs('md')}>Export Markdown</button>
          <button className="btn btn-small" onClick={() => void exportAs('csv')}>CSV</button>
          <a className="btn btn-small" href={routeHref({ view: 'search', q: `speaker:${quoted(name)}` })}>Search</a>
        </div>
      </div>
      {said.data && said.data.outlets.length > 0 && (
        <div className="speaker-outlets" aria-label="Quoted in">
          <span className="hint">Quoted in</span>
          {said.data.outlets.map((o) => (
            <a key={o.value} className="outlet-chip" href={routeHref({ view: 'search', q: `speaker:${quoted(name)} site:${quoted(o.value)}` })}
              title={`${o.count} ${o.count === 1 ? 'quote' : 'quotes'} in ${o.value}`}>
              {o.value} <span className="nav-count">{o.count}</span>
            </a>
          ))}
        </div>
      )}
      {others.length > 0 && (
        <div className="merge-row">
          <span id="merge-label">Same person as</span>
          <PersonPicker people={others} label="Same person as" onPick={(p) => setMergeInto(p.name)} />
          <button className="btn btn-small" disabled={!mergeInto} onClick={() => void merge()}>
            {mergeInto ? `Merge into “${mergeInto}”` : 'Merge'}
          </button>
          {msg && <span className="error-text">{msg}</span>}
        </div>
      )}
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

const quoted = (v: string) => (/[\s"():]/.test(v) ? `"${v.replace(/"/g, '')}"` : v)

/** " · Oct 2017 – Feb 2018" (or one month), from the earliest and latest article quoting them. */
function span(first: string | null, last: string | null): string {
  const month = (iso: string | null) => {
    const d = iso ? new Date(iso) : null
    return d && !Number.isNaN(d.getTime()) ? d.toLocaleDateString(undefined, { month: 'short', year: 'numeric' }) : null
  }
  const a = month(first)
  const b = month(last)
  if (!a || !b) return ''
  return a === b ? ` · ${a}` : ` · ${a} – ${b}`
}

import { useEffect, useState } from 'react'
import type { VersionDiff, VersionInfo } from '../../../shared/api'
import type { DiffExportFormat } from '../../../shared/vocabulary'
import { describeSummary } from '../../../shared/changes'
import { clipfile } from '../bridge'
import { useApi, useEvent } from '../hooks'
import { go, routeHref } from '../route'
import { isTyping } from '../keys'
import { ArrowLeftIcon } from '../components/icons'
import { download } from '../components/ExportMenu'
import { DiffBody, Pieces, changeCount } from '../versions/DiffBody'
import { HOW_LABEL, dateTime } from '../versions/labels'
import '../versions/versions.css'

type Layout = 'inline' | 'side'
const LAYOUT_KEY = 'clipfile.diffLayout'

/** What changed between two versions of an article: summary, headline, quotes, the user's highlights, the text. */
export function DiffView({ id, from, to }: { id: number; from?: number; to?: number }) {
  const diff = useApi<VersionDiff>(() => clipfile.diffVersions({ articleId: id, from, to }), [id, from, to])
  const versions = useApi<VersionInfo[]>(() => clipfile.listVersions({ articleId: id }), [id])
  useEvent('libraryChanged', (e) => {
    if (e.articleId !== id) return
    diff.reload()
    versions.reload()
  })
  const d = diff.data?.articleId === id ? diff.data : null
  if (diff.error && !diff.loading) {
    return (
      <div className="diff-page">
        <div className="banner" role="alert">{diff.error}</div>
        <a className="btn" href={routeHref({ view: 'article', id })}><ArrowLeftIcon /> Back to the article</a>
      </div>
    )
  }
  if (!d) return <div className="diff-page" aria-busy="true" />
  return <LoadedDiff d={d} versions={versions.data ?? []} />
}

function LoadedDiff({ d, versions }: { d: VersionDiff; versions: VersionInfo[] }) {
  const [layout, setLayoutState] = useState<Layout>(() => (localStorage.getItem(LAYOUT_KEY) === 'side' ? 'side' : 'inline'))
  const setLayout = (l: Layout) => {
    localStorage.setItem(LAYOUT_KEY, l)
    setLayoutState(l)
  }
  const [current, setCurrent] = useState(-1)
  const [error, setError] = useState<string | null>(null)
  const total = changeCount(d.changes, layout)
  const id = d.articleId
  const pair = (from: number, to: number) => go({ view: 'diff', id, from, to })
  const step = (dir: -1 | 1) => {
    const next = Math.min(total - 1, Math.max(0, current + dir))
    setCurrent(next)
    scrollToChange(next)
  }
  useDiffKeys(step, () => d.from.number > 1 && pair(d.from.number - 1, d.to.number - 1), () => d.to.number < d.of && pair(d.from.number + 1, d.to.number + 1))
  const exportAs = async (format: DiffExportFormat) => {
    const r = await clipfile.exportDiff({ articleId: id, from: d.from.number, to: d.to.number, format })
    if (r.ok) download(r.value.filename, r.value.mime, r.value.content)
    else setError(r.error.message)
  }
  const label = (v: VersionInfo) => `Version ${v.number} · ${dateTime(v.createdAt)}`
  return (
    <div className="diff-page">
      <div className="diff-head">
        <a className="back" href={routeHref({ view: 'article', id })} style={{ display: 'inline-flex', gap: 6, alignItems: 'center', fontSize: 13 }}>
          <ArrowLeftIcon /> Back to the article
        </a>
        <h1 className="diff-title">What changed: {d.title.after}</h1>
        <div className="diff-bar">
          <select className="select" aria-label="Earlier version" value={d.from.number} onChange={(e) => pair(Number(e.target.value), d.to.number)}>
            {versions.filter((v) => v.number !== d.to.number).map((v) => <option key={v.number} value={v.number}>{label(v)}</option>)}
          </select>
          <span aria-hidden="true">→</span>
          <select className="select" aria-label="Later version" value={d.to.number} onChange={(e) => pair(d.from.number, Number(e.target.value))}>
            {versions.filter((v) => v.number !== d.from.number).map((v) => <option key={v.number} value={v.number}>{label(v)}</option>)}
          </select>
          <button className="btn btn-small" disabled={d.from.number <= 1} onClick={() => pair(d.from.number - 1, d.to.number - 1)} title="The change before this one ([)">‹ Older</button>
          <button className="btn btn-small" disabled={d.to.number >= d.of} onClick={() => pair(d.from.number + 1, d.to.number + 1)} title="The change after this one (])">Newer ›</button>
          <span className="spacer" />
          <div className="segmented" role="group" aria-label="Layout">
            <button aria-pressed={layout === 'inline'} onClick={() => setLayout('inline')}>Inline</button>
            <button aria-pressed={layout === 'side'} onClick={() => setLayout('side')}>Side by side</button>
          </div>
          <ExportDiffMenu onPick={(f) => void exportAs(f)} />
        </div>
        {error && <div className="error-text" role="alert">{error}</div>}
        <p className="diff-summary">{describeSummary(d.summary)}{d.coarse ? ' — some long passages are compared whole' : ''}</p>
        <Facts d={d} />
        <div className="diff-bar">
          <button className="btn btn-small" disabled={total === 0 || current <= 0} onClick={() => step(-1)} title="Previous change (p)">↑ Previous change</button>
          <button className="btn btn-small" disabled={total === 0 || current >= total - 1} onClick={() => step(1)} title="Next change (n)">↓ Next change</button>
          <span>{total === 0 ? 'The text did not change.' : current < 0 ? `${total} changed ${total === 1 ? 'passage' : 'passages'}` : `Change ${current + 1} of ${total}`}</span>
          <span className="spacer" />
          <span className="diff-legend"><ins className="d-ins">added</ins><del className="d-del">removed</del></span>
        </div>
      </div>
      <DiffBody changes={d.changes} layout={layout} current={current}
        labels={{ before: `Version ${d.from.number} · ${HOW_LABEL[d.from.how]} ${dateTime(d.from.createdAt)}`, after: `Version ${d.to.number} · ${HOW_LABEL[d.to.how]} ${dateTime(d.to.createdAt)}` }} />
    </div>
  )
}

/** Headline, byline, quotes and the user's highlights that changed. */
function Facts({ d }: { d: VersionDiff }) {
  const s = d.summary
  if (!s.titleChanged && !s.bylineChanged && s.quotes.length === 0 && d.highlights.length === 0) return null
  return (
    <dl className="diff-facts">
      {s.titleChanged && (<><dt>Headline</dt><dd><span><Pieces pieces={d.title.changes} /></span></dd></>)}
      {s.bylineChanged && (<><dt>Byline</dt><dd><span><Pieces pieces={d.byline.changes} /></span></dd></>)}
      {s.quotes.length > 0 && (
        <>
          <dt>Quotes</dt>
          <dd>
            {s.quotes.map((q, k) => (
              <span key={k} className="quote-change">
                {q.kind === 'changed' ? (<><del className="d-del">“{q.before}”</del> → <ins className="d-ins">“{q.after}”</ins></>)
                  : q.kind === 'added' ? (<>added <ins className="d-ins">“{q.after}”</ins></>) : (<>removed <del className="d-del">“{q.before}”</del></>)}
                {q.speaker && <> — {q.speaker}</>}
              </span>
            ))}
          </dd>
        </>
      )}
      {d.highlights.length > 0 && (
        <>
          <dt>Your highlights</dt>
          <dd>
            {d.highlights.map((h) => (
              <span key={h.id} className="quote-change">
                <del className="d-del">“{h.before}”</del> → {h.after === null ? 'no longer in the text' : <ins className="d-ins">“{h.after}”</ins>} (version {h.changedIn})
              </span>
            ))}
          </dd>
        </>
      )}
    </dl>
  )
}

function ExportDiffMenu({ onPick }: { onPick: (f: DiffExportFormat) => void }) {
  const [open, setOpen] = useState(false)
  const pick = (f: DiffExportFormat) => {
    setOpen(false)
    onPick(f)
  }
  return (
    <div className="menu-wrap">
      <button className="btn btn-small" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>Export</button>
      {open && (
        <div className="menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <button role="menuitem" className="menu-item" onClick={() => pick('html')}>HTML page (self-contained)</button>
          <button role="menuitem" className="menu-item" onClick={() => pick('md')}>Markdown (CriticMarkup)</button>
        </div>
      )}
    </div>
  )
}

function scrollToChange(n: number): void {
  const el = document.querySelector(`[data-change="${n}"]`)
  // Side-by-side rows have no box of their own (display: contents): scroll to their first cell.
  const target = el && getComputedStyle(el).display === 'contents' ? el.firstElementChild : el
  target?.scrollIntoView({ block: 'center', behavior: 'smooth' })
}

/** n / p: next and previous change; [ and ]: the older and newer pair of versions. */
function useDiffKeys(step: (d: -1 | 1) => void, older: () => void, newer: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return
      const act = { n: () => step(1), j: () => step(1), p: () => step(-1), k: () => step(-1), '[': older, ']': newer }[e.key]
      if (!act) return
      e.preventDefault()
      act()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [step, older, newer])
}
